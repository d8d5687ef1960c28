import { isDeepStrictEqual } from 'node:util';
import { generateCluster, runJourney, seedTopology, type FrameEvent, type Topology } from '../src/core/index';
// Every datapath pack, registered at once (a Node program waits for nothing).
import '../src/core/allPacks';
import { leanJourney, leanNet } from './benchLean';
import { HOSTILE_CASES } from '../src/core/presets/hostile';
import { MAX_EVENTS } from '../src/core/sim/engine';

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

/** Per-journey cost of a loop of journeys: medians over batches, in µs, wall and CPU. */
export interface JourneyCost {
  usWall: number;
  usCpu: number;
  /** Frame events per second of wall time (median batch). */
  framesPerSecond: number;
  frames: number;
  events: number;
  batches: number;
  perBatch: number;
}

/** Something to time: one journey per call, with the frame and event counts of one call. */
interface Runner {
  run: () => void;
  frames: number;
  events: number;
  /** Calls per batch: a few milliseconds' worth, so the clocks' resolution does not matter. */
  perBatch: number;
}

/** Times `r` in batches for about `seconds`, after a warm-up, and returns its median batch per call. */
function timeBatches(r: Runner, seconds: number): JourneyCost {
  for (let i = 0; i < r.perBatch * 5; i++) r.run(); // warm the JIT (and any caches) first
  const wall: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 || wall.length < 5) {
    const c = cpuMs();
    const a = performance.now();
    for (let i = 0; i < r.perBatch; i++) r.run();
    wall.push(((performance.now() - a) * 1000) / r.perBatch);
    cpu.push(((cpuMs() - c) * 1000) / r.perBatch);
  }
  const usWall = median(wall);
  return { usWall, usCpu: median(cpu), framesPerSecond: (r.frames * 1e6) / usWall, frames: r.frames, events: r.events, batches: wall.length, perBatch: r.perBatch };
}

/**
 * The cold S1 journey (seed lab, pod1 → pod3, one ping) as the app runs it: a new runJourney call
 * each time on the same topology object, so the compile caches are warm but the World is new.
 * Reports µs per journey (median of batches, wall and CPU) and frame events per second.
 */
export function benchColdSeed(seconds: number): JourneyCost {
  const seed = seedTopology();
  const spec = { from: 'pod1', to: 'pod3' };
  const r = runJourney(seed, spec);
  const frames = r.events.filter((e) => e.type === 'frame').length;
  return timeBatches({ run: () => runJourney(seed, spec), frames, events: r.events.length, perBatch: 200 }, seconds);
}

/**
 * The lean reference (benchLean.ts) on the same journey, after checking that it produces exactly
 * the engine's frame events (positions in the log aside: the lean log holds only frames).
 *
 * Run it in its own phase, before the engine's benchmarks: timed in between the engine's batches
 * it pays for the engine's garbage collection (about 10% with the engine of this commit, a third
 * with the older one), which would flatter the engine.
 */
export function benchLeanSeed(seconds: number): JourneyCost {
  const seed = seedTopology();
  const net = leanNet(seed);
  const strip = (e: FrameEvent): Omit<FrameEvent, 'seq'> => {
    const { seq: _seq, ...rest } = e;
    return rest;
  };
  const engine = runJourney(seed, { from: 'pod1', to: 'pod3' }).events.filter((e): e is FrameEvent => e.type === 'frame').map(strip);
  const lean = leanJourney(net, 'pod1', 'pod3').map(strip);
  if (!isDeepStrictEqual(engine, lean)) throw new Error(`the lean reference's ${lean.length} frames differ from the engine's ${engine.length}`);
  return timeBatches({ run: () => leanJourney(net, 'pod1', 'pod3'), frames: lean.length, events: lean.length, perBatch: 800 }, seconds);
}

/** One hostile journey's cost: its worst wall time over the runs, its events, and whether it halted. */
export interface HostileCost {
  name: string;
  worstMs: number;
  events: number;
  halted: boolean;
}

/**
 * The worst journey time over the hostile labs (src/core/presets/hostile.ts: L2 loops, large
 * clusters with 100 packets, a flat segment that reaches the event budget), each run `runs` times
 * on one topology object (validation and compilation cached after the first run, as in the app).
 * Every journey must end within the budget: one that logs more than MAX_EVENTS + 1 events is an error.
 */
export function benchHostile(runs: number): { worst: HostileCost; cases: HostileCost[]; maxEvents: number } {
  const cases: HostileCost[] = [];
  for (const c of HOSTILE_CASES) {
    const t = c.topology();
    let worstMs = 0;
    let events = 0;
    let halted = false;
    for (let i = 0; i < runs; i++) {
      const a = performance.now();
      const r = runJourney(t, c.journey);
      worstMs = Math.max(worstMs, performance.now() - a);
      events = r.events.length;
      halted = r.events[r.events.length - 1]?.type === 'halt';
    }
    if (events > MAX_EVENTS + 1) throw new Error(`${c.name}: ${events} events, over the budget of ${MAX_EVENTS}`);
    cases.push({ name: c.name, worstMs, events, halted });
  }
  const worst = cases.reduce((a, b) => (b.worstMs > a.worstMs ? b : a));
  return { worst, cases, maxEvents: MAX_EVENTS };
}
