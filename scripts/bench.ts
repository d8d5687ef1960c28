/**
 * `npm run bench`: speed and size are measured here, never in tests. Prints a table and writes
 * reports/bench.json: the engine's figures (benchCore.ts), then the browser's (benchUi.ts).
 * `npm run bench -- sizes` measures only the pages' first loads (reports/bench-sizes.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { benchColdSeed, benchHostile, benchLeanSeed, benchResimulate, benchThroughput } from './benchCore';
import { benchUi } from './benchUi';
import { benchScaleEngine, SCALE_SIZES } from './benchScale';

async function main(): Promise<void> {
  const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: availableParallelism(), loadavg: loadavg() };
  // `npm run bench -- sizes`: only the first loads' sizes (a build and a browser, about a minute).
  if (process.argv.includes('sizes')) {
    report.ui = await benchUi(true);
    mkdirSync('reports', { recursive: true });
    writeFileSync('reports/bench-sizes.json', JSON.stringify(report, null, 2));
    return;
  }
  // The lean reference first, in a process that has run nothing else (see benchLeanSeed).
  const lean = benchLeanSeed(3);
  const thr = benchThroughput(3);
  report.throughput = thr;
  console.log(`engine throughput:         ${(thr.eventsPerSecond / 1e6).toFixed(2)} M events/s wall, ${(thr.eventsPerCpuSecond / 1e6).toFixed(2)} M per CPU-second (${thr.events} events in ${thr.runs} journeys, one thread; target >= 1 M)`);
  const cold = benchColdSeed(3);
  const ratio = lean.framesPerSecond / cold.framesPerSecond;
  report.coldSeed = { engine: cold, lean, ratio, cpuRatio: cold.usCpu / lean.usCpu };
  console.log(`cold seed journey:         ${cold.usWall.toFixed(1)} µs (engine) vs ${lean.usWall.toFixed(1)} µs (lean) = ${ratio.toFixed(1)}× (pod1 → pod3, ${cold.frames} frames of ${cold.events} events; ${(cold.framesPerSecond / 1e6).toFixed(2)} vs ${(lean.framesPerSecond / 1e6).toFixed(2)} M frames/s; CPU ${cold.usCpu.toFixed(1)} vs ${lean.usCpu.toFixed(1)} µs; target <= 4×)`);
  const re = benchResimulate(60);
  report.resimulate = re;
  console.log(`re-simulate after an edit: median ${re.medianMs.toFixed(2)} ms wall (${re.medianCpuMs.toFixed(2)} ms CPU), p95 ${re.p95Ms.toFixed(2)} ms, first run ${re.coldMs.toFixed(1)} ms (100 nodes, ${re.pods} pods, ${re.events} events; target median < 5 ms)`);
  const hostile = benchHostile(3);
  report.hostile = hostile;
  const w = hostile.worst;
  console.log(`hostile labs, worst journey: ${w.worstMs.toFixed(1)} ms (${w.name}: ${w.events} events${w.halted ? ', halted at the budget' : ''}; ${hostile.cases.length} labs, every journey within ${hostile.maxEvents} events)`);
  report.scale = SCALE_SIZES.map(([nodes, pods]) => {
    const s = benchScaleEngine(nodes, pods);
    console.log(
      `${String(nodes).padStart(5)} nodes x ${pods} pods (${nodes * pods} pods): build ${s.buildMs.toFixed(0)} ms (${s.buildCpuMs.toFixed(0)} CPU), first journey ${s.firstMs.toFixed(0)} ms (${s.firstCpuMs.toFixed(0)} CPU, ${s.events} events), ` +
        `next journey after a one-machine change ${s.nextMs.toFixed(1)} ms (${s.nextCpuMs.toFixed(1)} CPU, median; target < 16), ` +
        `live checks after a one-machine change ${s.checksNextMs.toFixed(0)} ms (${s.checksNextCpuMs.toFixed(0)} CPU, median; first run ${s.checksFirstCpuMs.toFixed(0)} CPU)`,
    );
    return s;
  });
  // Loaded only now: the import brings the zod schema, which would add shape checks to the figures above.
  const { benchImport } = await import('./benchImport');
  const imp = benchImport(100, 3000);
  report.import = imp;
  console.log(`import of a 100-node, 3,000-pod cluster: ${imp.ms.toFixed(0)} ms (${imp.cpuMs.toFixed(0)} CPU, median of 3; kubectl JSON of ${(imp.bytes / 1e6).toFixed(1)} MB read, every pod through the CNI ADD at its own address; Node, not yet Chromium; target < 1000)`);
  report.ui = await benchUi();
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/bench.json', JSON.stringify(report, null, 2));
  console.log(`load average during the run: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (figures are noisy when it exceeds the 2 cores)`);
}

main().catch((e: unknown) => {
  console.error(`bench: ${(e as Error).message}`);
  process.exit(1);
});
