/**
 * Records `fixtures/kernel/<id>.json` for the reference scenarios by running each one on the real
 * kernel in network namespaces. Run through `scripts/kernel/verify.sh` (root, safety trap).
 *
 *   tsx scripts/kernel/record.ts --prefix pjk<pid>- [--only id1,id2] [--runs N] [--status FILE]
 *
 * With `--runs N` every scenario is run N times and must give the same traces each time (ephemeral
 * ports aside); the first run is written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { journeyDurationMs } from '../../src/core/journey';
import { SCENARIOS, type Scenario } from '../../src/core/presets/scenarios';
import { compareTraces, formatMismatches } from '../../src/core/verify/compareTraces';
import type { KernelFixture } from '../../src/core/verify/kernelFixture';
import { startCaptures, type CaptureResult, type Captures } from './capture';
import { formatFixture } from './fixtureFormat';
import { runKernelJourney } from './journeyRun';
import { buildLab, destroyAll } from './lab';
import { planLab } from './labPlan';
import { recordProofs } from './proofRecord';
import { PROOF_SCENARIOS } from '../../src/core/proof/proofFixture';

interface Args {
  prefix: string;
  only: string[] | null;
  runs: number;
  status: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { prefix: '', only: null, runs: 1, status: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--prefix' && v) args.prefix = v;
    else if (a === '--only' && v) args.only = v.split(',').filter(Boolean);
    else if (a === '--runs' && v) args.runs = Math.max(1, Number(v) || 1);
    else if (a === '--status' && v) args.status = v;
    else throw new Error(`unknown or incomplete argument: ${a}`);
    i++;
  }
  if (!args.prefix) throw new Error('--prefix pjk<pid>- is required');
  return args;
}

/** Builds the lab, captures one journey, tears everything down (also on failure). */
async function recordOnce(scenario: Scenario, prefix: string): Promise<CaptureResult> {
  const topo = scenario.topology();
  const plan = planLab(topo, prefix);
  const lab = await buildLab(plan);
  const dir = mkdtempSync(join(tmpdir(), 'pjk-pcap-'));
  let caps: Captures | undefined;
  try {
    // A warm journey starts from the caches an identical journey left: run it once unrecorded.
    if (scenario.journey.warm) await runKernelJourney(topo, plan, scenario.journey);
    caps = await startCaptures(plan.captures, dir);
    await runKernelJourney(topo, plan, scenario.journey);
    const result = await caps.stop(journeyDurationMs(scenario.journey));
    caps = undefined;
    // The lab still stands with the journey's tables: its proofs' commands run on it now.
    if (PROOF_SCENARIOS.includes(scenario.id)) recordProofs(scenario, plan, dir);
    return result;
  } finally {
    caps?.kill();
    lab.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Outcome of recording one scenario, for the summary printed by verify.sh. */
export interface RecordStatus {
  status: 'recorded' | 'unstable' | 'error';
  detail: string;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const unknown = (args.only ?? []).filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length > 0) throw new Error(`unknown scenario id(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  // A scenario whose datapath is eBPF (Cilium's) or an OVS datapath (Weave's) cannot be reproduced by the lab's namespaces.
  const unrecordable = SCENARIOS.filter((s) => s.unrecorded !== undefined && args.only?.includes(s.id));
  if (unrecordable.length > 0) throw new Error(`not recordable here (${unrecordable.map((s) => `${s.id}: ${s.unrecorded ?? ''}`).join(', ')}): the lab runs no eBPF, builds no Open vSwitch datapath and has no ipip module for tunl0`);
  const chosen = SCENARIOS.filter((s) => s.unrecorded === undefined && (!args.only || args.only.includes(s.id)));
  const statuses: Record<string, RecordStatus> = {};
  const fixtures = new URL('../../fixtures/kernel/', import.meta.url);
  for (const scenario of chosen) {
    const started = Date.now();
    try {
      const runs: CaptureResult[] = [];
      for (let i = 0; i < args.runs; i++) runs.push(await recordOnce(scenario, args.prefix));
      const first = runs[0] as CaptureResult;
      const fixture: KernelFixture = {
        scenario: scenario.id,
        journey: scenario.journey,
        kernel: release(),
        recordedAt: new Date().toISOString(),
        interfaces: first.interfaces,
      };
      writeFileSync(new URL(`${scenario.id}.json`, fixtures), formatFixture(fixture));
      const frames = Object.values(first.interfaces).reduce((n, l) => n + l.length, 0);
      const notes = [...new Set(runs.flatMap((r) => [...r.ignored.map((x) => `not modelled: ${x}`), ...r.warnings]))];
      const unstable = runs.slice(1).map((r, i) => ({ run: i + 2, diff: compareTraces(first.interfaces, r.interfaces) })).filter((d) => d.diff.length > 0);
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      let line = `recorded ${scenario.id}: ${frames} frames on ${Object.keys(first.interfaces).length} interfaces, ${args.runs} run(s), ${secs} s`;
      if (unstable.length > 0) {
        const detail = unstable.map((u) => `run 1 vs run ${u.run}:\n${formatMismatches(u.diff, 20)}`).join('\n');
        statuses[scenario.id] = { status: 'unstable', detail };
        line += `\n  UNSTABLE between runs:\n${detail.replace(/^/gm, '    ')}`;
      } else {
        statuses[scenario.id] = { status: 'recorded', detail: notes.join('; ') };
        if (args.runs > 1) line += ', identical across runs';
      }
      console.log(line + notes.map((n) => `\n  note: ${n}`).join(''));
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      statuses[scenario.id] = { status: 'error', detail: msg };
      console.error(`FAILED to record ${scenario.id}: ${msg}`);
    }
  }
  if (args.status) writeFileSync(args.status, JSON.stringify(statuses, null, 2));
  return Object.values(statuses).every((s) => s.status === 'recorded') ? 0 : 1;
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    destroyAll();
    process.exit(130);
  });
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    destroyAll();
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
