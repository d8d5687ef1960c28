/**
 * Kubernetes-sized labs for `npm run bench` (issue 12, point 4): generated clusters of 250, 1,000
 * and 5,000 nodes (27,500, 110,000 and 150,000 pods; Kubernetes' limits are 5,000 nodes, 150,000
 * pods, 110 per node). In Node: building the lab, the first journey (validation, index, world), and
 * the next journey after a one-machine change, and the editor's live checks after a one-machine
 * change (labChecks, after a first run on the lab). In Chromium: the time to the overview's first paint
 * and the frame times while the real mouse pans and the wheel zooms it (the frame sampling of
 * benchEdit.ts: main-thread work per frame, and the intervals between frames).
 */
import type { Browser, Page } from 'playwright-core';
import { generateCluster, runJourney, type Topology } from '../src/core/index';
// Every datapath pack, registered at once (a Node program waits for nothing).
import '../src/core/allPacks';
import { labChecks } from '../src/core/model/labChecks';
import { cpuMs, median } from './benchCore';
import { p95, startSampling, stopSampling } from './benchEdit';

/** The sizes measured: nodes and pods per node. */
export const SCALE_SIZES: readonly (readonly [number, number])[] = [
  [250, 110],
  [1000, 110],
  [5000, 30],
];

/** One size's engine figures, in milliseconds (CPU time beside wall time: the machine is shared). */
export interface ScaleEngine {
  nodes: number;
  pods: number;
  events: number;
  buildMs: number;
  buildCpuMs: number;
  firstMs: number;
  firstCpuMs: number;
  /** Median over the edits of a journey re-run after one machine's routes changed. */
  nextMs: number;
  nextCpuMs: number;
  nextEvents: number;
  /** The live checks: a first run on the lab, then the median over edits of a run after one machine's routes changed. */
  checksFirstCpuMs: number;
  checksNextMs: number;
  checksNextCpuMs: number;
}

/** The lab with machine `i`'s routes replaced by a copy with one more route (the store's kind of edit). */
function editMachine(t: Topology, i: number, k: number): Topology {
  const m = t.machines[i];
  if (!m) return t;
  const routes = [...(m.routes ?? []).slice(0, 1), { dst: `192.168.${k % 250}.0/24`, via: '172.16.0.254', dev: 'eth0' }];
  return { ...t, machines: t.machines.map((x, j) => (j === i ? { ...m, routes } : x)) };
}

/** Build, first journey and the journey after an edit for one size (pod1-1 to the last node's last pod). */
export function benchScaleEngine(nodes: number, pods: number, edits = 20): ScaleEngine {
  let c = cpuMs();
  let w = performance.now();
  let t = generateCluster({ nodes, podsPerNode: pods });
  const buildMs = performance.now() - w;
  const buildCpuMs = cpuMs() - c;
  const spec = { from: 'pod1-1', to: `pod${nodes}-${pods}` };
  c = cpuMs();
  w = performance.now();
  const first = runJourney(t, spec);
  const firstMs = performance.now() - w;
  const firstCpuMs = cpuMs() - c;
  if (first.events.at(-1)?.type !== 'deliver') throw new Error(`${nodes} x ${pods}: the first journey did not end delivered`);
  const wall: number[] = [];
  const cpu: number[] = [];
  let nextEvents = 0;
  for (let k = 0; k < edits; k++) {
    t = editMachine(t, 1 + (k % Math.min(50, nodes - 1)), k);
    c = cpuMs();
    w = performance.now();
    nextEvents = runJourney(t, spec).events.length;
    wall.push(performance.now() - w);
    cpu.push(cpuMs() - c);
  }
  c = cpuMs();
  labChecks(t);
  const checksFirstCpuMs = cpuMs() - c;
  const checkWall: number[] = [];
  const checkCpu: number[] = [];
  for (let k = 0; k < Math.min(edits, 10); k++) {
    t = editMachine(t, 1 + (k % Math.min(50, nodes - 1)), 100 + k);
    c = cpuMs();
    w = performance.now();
    labChecks(t);
    checkWall.push(performance.now() - w);
    checkCpu.push(cpuMs() - c);
  }
  return {
    nodes, pods, events: first.events.length, buildMs, buildCpuMs, firstMs, firstCpuMs, nextMs: median(wall), nextCpuMs: median(cpu), nextEvents,
    checksFirstCpuMs, checksNextMs: median(checkWall), checksNextCpuMs: median(checkCpu),
  };
}

/** One size's browser figures. */
export interface ScaleUi {
  nodes: number;
  pods: number;
  /** From navigation to the Play button, and to the overview's first paint after it. */
  playMs: number;
  overviewMs: number;
  pan: { frames: number; workP95Ms: number; intervalP95Ms: number; late: number };
  zoom: { frames: number; workP95Ms: number; intervalP95Ms: number; late: number };
}

function frameFigures(s: { costs: number[]; intervals: number[] }): ScaleUi['pan'] {
  return { frames: s.intervals.length, workP95Ms: p95(s.costs), intervalP95Ms: p95(s.intervals), late: s.intervals.filter((d) => d > 25).length };
}

/** Pans with the real mouse (a drag across the canvas, one move per 16 ms), then zooms with the wheel, sampling frames. */
async function panAndZoom(page: Page): Promise<Pick<ScaleUi, 'pan' | 'zoom'>> {
  const canvas = await page.getByTestId('network-canvas').boundingBox();
  if (!canvas) throw new Error('no canvas on screen');
  const x0 = canvas.x + canvas.width * 0.7;
  const y0 = canvas.y + canvas.height * 0.6;
  const before = await page.getByTestId('camera').getAttribute('transform');
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await startSampling(page);
  for (let i = 1; i <= 120; i++) {
    const t0 = Date.now();
    await page.mouse.move(x0 - 3 * i, y0 + 40 * Math.sin(i / 10));
    const left = 16 - (Date.now() - t0);
    if (left > 0) await new Promise((r) => setTimeout(r, left));
  }
  await page.mouse.up();
  const pan = frameFigures(await stopSampling(page));
  if ((await page.getByTestId('camera').getAttribute('transform')) === before) throw new Error('the drawing did not pan');
  await startSampling(page);
  for (let i = 0; i < 60; i++) {
    const t0 = Date.now();
    await page.mouse.wheel(0, i < 30 ? -120 : 120);
    const left = 16 - (Date.now() - t0);
    if (left > 0) await new Promise((r) => setTimeout(r, left));
  }
  const zoom = frameFigures(await stopSampling(page));
  return { pan, zoom };
}

/** The browser figures for every size, in a browser open on the built app at `base`. */
export async function benchScaleUi(browser: Browser, base: string): Promise<ScaleUi[]> {
  const out: ScaleUi[] = [];
  for (const [nodes, pods] of (process.env.SCALE_ONLY ? SCALE_SIZES.filter(([n]) => String(n) === process.env.SCALE_ONLY) : SCALE_SIZES)) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      const t0 = Date.now();
      await page.goto(`${base}?nodes=${nodes}&pods=${pods}&lang=en`);
      await page.getByTestId('play').waitFor({ timeout: 180_000 });
      const playMs = Date.now() - t0;
      // Fit the whole lab: every tile is in view, drawn as one path of marks.
      await page.getByTestId('fit').click();
      await page.getByTestId('overview-marks').waitFor();
      const overviewMs = Date.now() - t0;
      // From far the journey's machines are marks of their own.
      const drawn = Number(await page.getByTestId('overview-marks').getAttribute('data-tiles'));
      const opened = Number(await page.getByTestId('overview-open').getAttribute('data-tiles'));
      if (drawn + opened !== nodes + 1) throw new Error(`?nodes=${nodes}&pods=${pods} drew ${drawn} marks and ${opened} opened machines, expected ${nodes + 1} in all`);
      await page.waitForTimeout(500);
      out.push({ nodes, pods, playMs, overviewMs, ...(await panAndZoom(page)) });
    } finally {
      await page.close();
    }
  }
  return out;
}
