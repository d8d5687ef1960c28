/**
 * Browser figures for `npm run bench`, measured in headless Debian Chromium on a production build:
 * the gzip size of the JavaScript each page loads first (the first page, the embed, the element,
 * beside issue 11's targets), frame times while a journey plays, and the
 * editor's figures (benchEdit.ts: frame times during a drag, the time from an edit to the new journey).
 * Frame times are rAF deltas sampled in the page (main-thread cost; headless Chromium paces rAF at
 * 60 Hz itself, so 16.7 ms is the floor).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { build, preview } from 'vite';
import { benchEdit } from './benchEdit';
import { benchScaleUi } from './benchScale';
import { breakdown, type LoadedScript, type SourceMapV3 } from './sizeBreakdown';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = 'reports/bench-dist';
/** The preview server's port; BENCH_PORT lets two checkouts run the bench side by side. */
const PORT = Number(process.env.BENCH_PORT ?? 4180);

/** Frame statistics in milliseconds. */
export interface FrameStats {
  frames: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
  longTasks: number;
}

async function sampleFrames(page: Page, ms: number): Promise<FrameStats> {
  return page.evaluate(async (duration) => {
    const long: number[] = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => long.push(e.duration)));
    obs.observe({ type: 'longtask', buffered: false });
    const deltas: number[] = [];
    await new Promise<void>((resolve) => {
      let last = performance.now();
      const t0 = last;
      const tick = (t: number): void => {
        deltas.push(t - last);
        last = t;
        if (t - t0 < duration) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    obs.disconnect();
    deltas.shift();
    const sorted = [...deltas].sort((a, b) => a - b);
    const mean = deltas.reduce((a, b) => a + b, 0) / Math.max(1, deltas.length);
    return { frames: deltas.length, meanMs: mean, p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0, maxMs: sorted.at(-1) ?? 0, longTasks: long.length };
  }, ms);
}

async function playAndSample(page: Page, url: string, speed: string, machines: number, pods: number): Promise<FrameStats> {
  await page.goto(url);
  await page.getByTestId('play').waitFor();
  // Measure what was asked for, or say so: a URL the app rejected would show the seed lab instead.
  const drawn = { machines: await page.locator('[data-machine]').count(), pods: await page.locator('g[data-ns]').count() };
  if (drawn.machines !== machines || drawn.pods !== pods) {
    throw new Error(`${url} drew ${drawn.machines} machines and ${drawn.pods} pods, expected ${machines} and ${pods}`);
  }
  await page.getByTestId('speed').selectOption(speed);
  await page.waitForTimeout(500);
  await page.getByTestId('play').click();
  return sampleFrames(page, 5000);
}

/** JavaScript a page loads: gzip (level 9) and raw bytes, and the files, relative to `base`. */
export interface LoadedJs {
  gzipBytes: number;
  rawBytes: number;
  files: string[];
  /**
   * The stylesheets the same load fetched, gzip bytes: not in the targets (which count JavaScript),
   * printed beside them so a page cannot look lighter by moving CSS out of its scripts.
   */
  cssGzipBytes?: number;
  /** What weighs most, in gzip bytes (estimated from the source maps: sizeBreakdown.ts): packages and our folders, then modules. */
  top?: { packages: [string, number][]; modules: [string, number][] };
}

/** The largest contributors to a load, from the built files and their hidden source maps in `dir`. */
function contributors(dir: string, j: LoadedJs): NonNullable<LoadedJs['top']> {
  const scripts: LoadedScript[] = j.files.map((f) => {
    const file = join(dir, f.split('?')[0] ?? f);
    const code = readFileSync(file);
    const map = existsSync(`${file}.map`) ? (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapV3) : null;
    return { code: code.toString('utf8'), map, gzipBytes: gzipSync(code, { level: 9 }).length };
  });
  const round = (rows: [string, number][]): [string, number][] => rows.slice(0, 15).map(([k, v]) => [k, Math.round(v)]);
  return { packages: round(breakdown(scripts, true)), modules: round(breakdown(scripts)) };
}

function showTop(j: LoadedJs): void {
  if (!j.top) return;
  const row = (rows: [string, number][], n: number) => rows.slice(0, n).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)}`).join(', ');
  console.log(`    by package or folder (KiB): ${row(j.top.packages, 8)}`);
  console.log(`    largest modules (KiB): ${row(j.top.modules, 8)}`);
}

/**
 * The JavaScript `url` loads before the network goes idle (the first load only: the listener
 * stops then), gzipped as a server would send it; `keep` leaves out files that are not the thing measured.
 */
async function firstLoadJs(page: Page, url: string, base: string, keep: (url: string) => boolean = () => true): Promise<LoadedJs> {
  const js: { url: string; raw: number; gzip: number }[] = [];
  let css = 0;
  const onResponse = (r: Response) => {
    if (r.url().endsWith('.css') && r.status() < 300) {
      r.body().then(
        (b) => (css += gzipSync(b, { level: 9 }).length),
        () => undefined,
      );
      return;
    }
    if (!r.url().endsWith('.js') || r.status() >= 300 || !keep(r.url())) return;
    // A body can vanish when the page navigates on; such a response is not part of the first load.
    r.body().then(
      (b) => js.push({ url: r.url(), raw: b.length, gzip: gzipSync(b, { level: 9 }).length }),
      () => undefined,
    );
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  page.off('response', onResponse);
  return { gzipBytes: js.reduce((a, f) => a + f.gzip, 0), rawBytes: js.reduce((a, f) => a + f.raw, 0), files: js.map((f) => f.url.replace(base, '')), cssGzipBytes: css };
}

function kib(j: LoadedJs): string {
  const css = j.cssGzipBytes === undefined ? '' : `; CSS ${(j.cssGzipBytes / 1024).toFixed(1)} KiB gzip beside it`;
  return `${(j.gzipBytes / 1024).toFixed(1)} KiB gzip (${(j.rawBytes / 1024).toFixed(0)} KiB raw, ${j.files.length} files${css})`;
}

function show(name: string, s: FrameStats): void {
  console.log(`${name.padEnd(27)} p95 ${s.p95Ms.toFixed(1)} ms, mean ${s.meanMs.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms, ${s.frames} frames in 5 s, ${s.longTasks} long tasks (target p95 <= 20 ms)`);
}

/** Issue 11's size targets, KiB of gzip JavaScript in a page's first load. */
export const SIZE_TARGETS = { firstPage: 150, embed: 130, element: 130 } as const;

/** One figure against its target, as the report prints it. */
function sized(name: string, j: LoadedJs, target: number | null): string {
  const verdict = target === null ? '' : ` | target <= ${target} KiB: ${j.gzipBytes <= target * 1024 ? 'met' : `not met, ${((j.gzipBytes - target * 1024) / 1024).toFixed(1)} KiB over`}`;
  return `${name.padEnd(27)} ${kib(j)}${verdict}`;
}

/**
 * A page holding one `<packet-journey>` and nothing else: what a page that adds the element pays
 * for it. Served by the browser itself (the build has no such page).
 */
const ONE_ELEMENT_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>one element</title><script type="module" src="./packet-journey.js"></script></head><body><packet-journey controls="minimal"></packet-journey></body></html>';

/**
 * The JavaScript of each page's first load (the first page in English and in Russian, the embed,
 * one `<packet-journey>`, and the two-element example, whose second element speaks Russian),
 * printed beside issue 11's targets; each in a page of its own, so nothing comes from the cache.
 */
async function benchSizes(browser: Browser, base: string): Promise<Record<string, LoadedJs>> {
  const measure = async (url: string, width: number, height: number, keep?: (url: string) => boolean, setup?: (page: Page) => Promise<unknown>): Promise<LoadedJs> => {
    const page = await browser.newPage({ viewport: { width, height } });
    try {
      await setup?.(page);
      return await firstLoadJs(page, url, base, keep);
    } finally {
      await page.close();
    }
  };
  const first = await measure(base, 1280, 720);
  first.top = contributors(OUT, first);
  console.log(sized('first page JavaScript:', first, SIZE_TARGETS.firstPage));
  showTop(first);
  const firstRu = await measure(`${base}?lang=ru`, 1280, 720);
  console.log(sized('  the same in Russian:', firstRu, SIZE_TARGETS.firstPage));
  // The embed for slides: what a deck loads for one player.
  const embed = await measure(`${base}embed.html`, 960, 540);
  embed.top = contributors(OUT, embed);
  console.log(sized("embed's first load:", embed, SIZE_TARGETS.embed));
  showTop(embed);
  const oneUrl = `${base}one-element.html`;
  const element = await measure(oneUrl, 1280, 720, undefined, (page) => page.route(oneUrl, (r) => r.fulfill({ contentType: 'text/html', body: ONE_ELEMENT_PAGE })));
  element.top = contributors(OUT, element);
  console.log(sized('<packet-journey>, one:', element, SIZE_TARGETS.element));
  showTop(element);
  // The example's own script is not the element's.
  const example = await measure(`${base}examples/web-component.html`, 1280, 720, (url) => !url.endsWith('/examples/web-component.js'));
  console.log(sized('  two, en and ru (example):', example, null));
  return { firstPageJs: first, firstPageRuJs: firstRu, embedFirstLoadJs: embed, elementJs: element, elementExampleJs: example };
}

/**
 * Builds the app into reports/, serves it, and measures it in Chromium; with `onlySizes`, only the
 * first loads' sizes (`npm run bench -- sizes`).
 */
export async function benchUi(onlySizes = false): Promise<Record<string, unknown>> {
  if (!existsSync(CHROMIUM)) {
    console.log(`browser figures skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return { skipped: `no Chromium at ${CHROMIUM}` };
  }
  // Hidden source maps: beside the files for the breakdown of each load, not named in them (the bytes measured are the pages' own).
  await build({ logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, sourcemap: 'hidden' } });
  const server = await preview({ logLevel: 'warn', build: { outDir: OUT }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const base = `http://127.0.0.1:${PORT}/`;
    const sizes = await benchSizes(browser, base);
    if (onlySizes) return sizes;
    const seed = await playAndSample(page, base, '1', 3, 4);
    show('playing the seed at 1x:', seed);
    // 20 nodes plus the router: 21 machines, 200 pods.
    const cluster = await playAndSample(page, `${base}?nodes=20&pods=10`, '4', 21, 200);
    show('playing 20 x 10 pods at 4x:', cluster);
    const edit = await benchEdit(browser, base);
    const scale = await benchScaleUi(browser, base);
    for (const s of scale) {
      const f = (x: { workP95Ms: number; intervalP95Ms: number; late: number; frames: number }) =>
        `work p95 ${x.workP95Ms.toFixed(1)} ms, interval p95 ${x.intervalP95Ms.toFixed(1)} ms, ${x.late} of ${x.frames} frames late`;
      console.log(`overview ${String(s.nodes).padStart(5)} x ${s.pods}: Play after ${s.playMs} ms, overview painted after ${s.overviewMs} ms; pan: ${f(s.pan)}; zoom: ${f(s.zoom)} (target p95 <= 16.7)`);
    }
    return { ...sizes, seed1x: seed, cluster20x10at4x: cluster, edit, scale };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
