/**
 * Runs each proof of a scenario's journey (src/core/proof) on the live kernel lab right after the
 * journey, before it is torn down, and keeps what the commands printed: `fixtures/proofs/<id>.json`.
 * State commands (`ip route get`, `ip neigh show`, `bridge fdb show`, `sysctl`, `ip -d link show`)
 * run in the namespace; a capture (`tcpdump -eni IF …`) is read back from the journey's own capture
 * files of that interface with `tcpdump -r`, so it shows exactly the frames of the journey.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { join } from 'node:path';
import { proofOf } from '../../src/core/proof/proofs';
import type { ProofFixture } from '../../src/core/proof/proofFixture';
import type { Scenario } from '../../src/core/presets/scenarios';
import { runJourney } from '../../src/core/sim/runJourney';
// Every datapath pack, registered at once (a Node program waits for nothing).
import '../../src/core/allPacks';
import { run } from './lab';
import type { LabPlan } from './labPlan';

/** Output of a command, or its error text (a refused `ip route get` prints to stderr). */
function output(argv: readonly string[]): string {
  try {
    return run(argv);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Records the proofs of `scenario` on the lab `plan` built, its captures in `dir` (capture.ts names). */
export function recordProofs(scenario: Scenario, plan: LabPlan, dir: string): void {
  const topo = scenario.topology();
  const result = runJourney(topo, scenario.journey);
  const seen = new Set<string>();
  const outputs: ProofFixture['outputs'] = [];
  result.events.forEach((_, k) => {
    const p = proofOf(result, k, topo);
    if (!p) return;
    const key = `${p.ns} ${p.command}`;
    if (seen.has(key)) return;
    seen.add(key);
    const ns = plan.real[p.ns];
    if (!ns) return;
    const words = p.command.split(' ');
    if (words[0] === 'tcpdump') {
      // tcpdump -eni IF [-T vxlan] FILTER… → the same flags over this interface's capture files.
      const iface = words[2] ?? '';
      const rest = words.slice(3);
      const files = ['in', 'out'].map((d) => join(dir, `${p.ns}__${iface}.${d}.pcap`)).filter((f) => existsSync(f));
      const text = files.map((f) => output(['tcpdump', '-r', f, '-en', ...rest])).join('');
      outputs.push({ ns: p.ns, command: p.command, output: text });
      return;
    }
    outputs.push({ ns: p.ns, command: p.command, output: output(['ip', 'netns', 'exec', ns, ...words]) });
  });
  const fixture: ProofFixture = { scenario: scenario.id, kernel: release(), recordedAt: new Date().toISOString(), outputs };
  writeFileSync(new URL(`../../fixtures/proofs/${scenario.id}.json`, import.meta.url), `${JSON.stringify(fixture, null, 1)}\n`);
}
