/**
 * `npm run bench`: speed is measured here, never in tests. Prints a table and writes
 * reports/bench.json: the engine's figures (benchCore.ts), then the browser's (benchUi.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { benchResimulate, benchThroughput } from './benchCore';
import { benchUi } from './benchUi';

async function main(): Promise<void> {
  const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: availableParallelism(), loadavg: loadavg() };
  const thr = benchThroughput(3);
  report.throughput = thr;
  console.log(`engine throughput:         ${(thr.eventsPerSecond / 1e6).toFixed(2)} M events/s wall, ${(thr.eventsPerCpuSecond / 1e6).toFixed(2)} M per CPU-second (${thr.events} events in ${thr.runs} journeys, one thread; target >= 1 M)`);
  const re = benchResimulate(60);
  report.resimulate = re;
  console.log(`re-simulate after an edit: median ${re.medianMs.toFixed(2)} ms wall (${re.medianCpuMs.toFixed(2)} ms CPU), p95 ${re.p95Ms.toFixed(2)} ms, first run ${re.coldMs.toFixed(1)} ms (100 nodes, ${re.pods} pods, ${re.events} events; target median < 5 ms)`);
  report.ui = await benchUi();
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/bench.json', JSON.stringify(report, null, 2));
  console.log(`load average during the run: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (figures are noisy when it exceeds the 2 cores)`);
}

main().catch((e: unknown) => {
  console.error(`bench: ${(e as Error).message}`);
  process.exit(1);
});
