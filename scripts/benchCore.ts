import { generateCluster, runJourney, seedTopology, type Topology } from '../src/core/index';

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** CPU time of this process in milliseconds: unlike wall time, barely affected by other processes. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Events produced per second of engine time, over journeys of different shapes. */
export function benchThroughput(seconds: number): { eventsPerSecond: number; eventsPerCpuSecond: number; events: number; runs: number } {
  const cluster = generateCluster({ nodes: 20, podsPerNode: 10 });
  const seed = seedTopology();
  const jobs: [Topology, Parameters<typeof runJourney>[1]][] = [
    [seed, { from: 'pod1', to: 'pod3', count: 50, intervalMs: 100 }],
    [cluster, { from: 'pod1-1', to: 'pod20-10', count: 50, intervalMs: 100 }],
    [seed, { from: 'pod1', to: 'pod2', proto: 'tcp', port: 80, count: 20 }],
  ];
  for (const [t, s] of jobs) runJourney(t, s); // warm the JIT and the compile caches
  let events = 0;
  let runs = 0;
  const cpu0 = cpuMs();
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const [t, s] of jobs) {
      events += runJourney(t, s).events.length;
      runs++;
    }
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpu = (cpuMs() - cpu0) / 1000;
  return { eventsPerSecond: events / elapsed, eventsPerCpuSecond: events / cpu, events, runs };
}

/** Replaces one pod's spec with an edited copy, as the store does: only that object is new. */
function editOnePod(t: Topology, k: number): Topology {
  const mi = k % (t.machines.length - 1);
  const machine = t.machines[mi];
  if (!machine?.pods?.length) return t;
  const pi = k % machine.pods.length;
  const pods = machine.pods.map((p, i) => (i === pi ? { ...p, routes: [...(p.routes ?? []).map((r) => ({ ...r, metric: (k % 7) + 1 }))] } : p));
  const machines = t.machines.map((m, i) => (i === mi ? { ...m, pods } : m));
  return { ...t, machines };
}

/** Time to re-simulate one journey after an edit, validation and indexing included. */
export function benchResimulate(iterations: number): { coldMs: number; medianMs: number; p95Ms: number; medianCpuMs: number; pods: number; events: number } {
  let t = generateCluster({ nodes: 100, podsPerNode: 20 });
  const spec = { from: 'pod1-1', to: 'pod100-20' };
  const c0 = performance.now();
  const first = runJourney(t, spec);
  const coldMs = performance.now() - c0;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let k = 0; k < iterations; k++) {
    t = editOnePod(t, k + 1);
    const c = cpuMs();
    const a = performance.now();
    runJourney(t, spec);
    times.push(performance.now() - a);
    cpuTimes.push(cpuMs() - c);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { coldMs, medianMs: median(times), p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? NaN, medianCpuMs: median(cpuTimes), pods: 2000, events: first.events.length };
}
