import { createServer, type Server } from 'node:http';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { labelLines } from './player';

/*
 * The embed (embed.html) in real pages: driven by postMessage from its parent, only from allowed
 * origins, handing the deck's keys back, kept in step across windows, still when printed; the
 * shipped examples (two embeds, the reveal.js deck) work as their text says.
 */

const API = { source: 'packet-journey', version: 1 } as const;

/** Events a parent page received, with the frame (by index) each came from. */
type Got = { frame: number; data: { type: string; index?: number; code?: string; id?: string; key?: string } };

/** Collect in the page every message whose source is one of its iframes. */
async function collect(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { got: Got[] };
    w.got = [];
    window.addEventListener('message', (e) => {
      const frames = [...document.querySelectorAll('iframe')].map((f) => f.contentWindow);
      w.got.push({ frame: frames.indexOf(e.source as Window), data: e.data as Got['data'] });
    });
  });
}

async function got(page: Page): Promise<Got[]> {
  return page.evaluate(() => (window as unknown as { got: Got[] }).got);
}

function frameOf(page: Page, n: number): Frame {
  const f = page.frames().filter((x) => x !== page.mainFrame())[n];
  if (!f) throw new Error(`no frame ${n}`);
  return f;
}

test('two embeds on one page: each obeys its own buttons and reports only its own steps', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/examples/two-embeds.html');
  await expect(page.getByTestId('status-a')).toContainText('ready: step 1 of');
  await expect(page.getByTestId('status-b')).toContainText('step 1 of');
  await collect(page);
  const a = page.locator('section[data-frame="a"]');
  await a.getByRole('button', { name: 'Next ▶' }).click();
  await a.getByRole('button', { name: 'Next ▶' }).click();
  await expect(page.getByTestId('status-a')).toContainText('step: step 3 of');
  await expect(page.getByTestId('status-b')).toContainText('step 1 of');
  const first = await got(page);
  // Only frame a spoke, every event named a and carried plain data.
  expect(first.length).toBeGreaterThanOrEqual(2);
  for (const g of first) {
    expect(g.frame).toBe(0);
    expect(g.data).toMatchObject({ ...API, id: 'a' });
  }
  await page.locator('section[data-frame="b"]').getByRole('button', { name: 'Вперёд ▶' }).click();
  await expect(page.getByTestId('status-b')).toContainText('step: step 2 of');
  await expect(page.getByTestId('status-a')).toContainText('step: step 3 of');
  const second = (await got(page)).slice(first.length);
  expect(second.every((g) => g.frame === 1 && g.data.id === 'b')).toBe(true);
  expect(errors).toEqual([]);
});

/** A second origin: a server of the test's own on another port, serving the parent page of an embed. */
let parentServer: Server | null = null;
let parentOrigin = '';
let parentEmbed = '';

test.beforeAll(async () => {
  parentServer = createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>parent</title><iframe src="${parentEmbed}" width="640" height="360"></iframe>`);
  });
  await new Promise<void>((resolve) => parentServer?.listen(0, '127.0.0.1', resolve));
  const addr = parentServer.address();
  parentOrigin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (parentServer ? parentServer.close(() => resolve()) : resolve()));
});

/** A parent page on another origin (the test's server) holding one embed of the real build. */
async function foreignParent(page: Page, embedQuery: string): Promise<Frame> {
  parentEmbed = new URL(`/embed.html?${embedQuery}`, test.info().project.use.baseURL).href;
  await page.goto(`${parentOrigin}/parent.html`);
  await collect(page);
  const frame = frameOf(page, 0);
  await expect(frame.getByTestId('step-count')).toHaveText(/^(Event 1 of|Событие 1 из) \d+$/);
  return frame;
}

async function post(page: Page, message: Record<string, unknown>): Promise<void> {
  await page.evaluate((m) => document.querySelector('iframe')?.contentWindow?.postMessage(m, '*'), message);
}

test('a message from an origin not on the allow-list is ignored; an allowed one is obeyed and answered', async ({ page }) => {
  const frame = await foreignParent(page, 'controls=minimal');
  // A listener of the test's own, added after the player's, tells when the frame has seen the messages.
  await frame.evaluate(() => {
    const w = window as unknown as { seen: number };
    w.seen = 0;
    window.addEventListener('message', () => (w.seen += 1));
  });
  await post(page, { ...API, type: 'next' });
  await post(page, { ...API, type: 'get' });
  await post(page, { ...API, type: 'goto', index: 5 });
  await expect.poll(() => frame.evaluate(() => (window as unknown as { seen: number }).seen)).toBe(3);
  await expect(frame.getByTestId('step-count')).toHaveText(/^Event 1 of \d+$/);
  expect(await got(page)).toEqual([]);

  const allowed = await foreignParent(page, `controls=minimal&origins=${parentOrigin}`);
  await post(page, { ...API, type: 'next' });
  await expect(allowed.getByTestId('step-count')).toHaveText(/^Event 2 of \d+$/);
  await expect.poll(async () => (await got(page)).map((g) => g.data.type)).toContain('step');
});

test('a bad message gets a documented error event naming what is wrong, nothing on the console', async ({ page }) => {
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  await foreignParent(page, `origins=${parentOrigin}&lang=ru&controls=minimal`);
  await post(page, { ...API, type: 'jump' });
  await post(page, { ...API, type: 'goto', index: -1 });
  await post(page, { ...API, version: 2, type: 'next' });
  await post(page, { source: 'someone-else', type: 'next' });
  await expect.poll(async () => (await got(page)).filter((g) => g.data.type === 'error').length).toBe(3);
  const errs = (await got(page)).filter((g) => g.data.type === 'error').map((g) => g.data as Got['data'] & { field?: string; message?: string });
  expect(errs.map((e) => [e.code, e.field])).toEqual([
    ['type', 'type'],
    ['field', 'index'],
    ['version', 'version'],
  ]);
  // In the player's language.
  expect(errs[0]?.message).toContain('не команда');
  expect(logs).toEqual([]);
});

test('load opens a scenario’s lab and journey, or answers with an error naming the scenario', async ({ page }) => {
  const frame = await foreignParent(page, `origins=${parentOrigin}&controls=minimal&id=x`);
  const before = await frame.getByTestId('step-count').textContent();
  await post(page, { ...API, type: 'load', preset: 'no-such-scenario' });
  await expect.poll(async () => (await got(page)).find((g) => g.data.type === 'error')?.data).toMatchObject({ code: 'load', field: 'preset', id: 'x' });
  await expect(frame.getByTestId('step-count')).toHaveText(before ?? '');
  await post(page, { ...API, type: 'load', preset: 'tcp-handshake-listener', journey: { count: 1 } });
  await expect.poll(async () => (await got(page)).filter((g) => g.data.type === 'step').length).toBe(1);
  const step = (await got(page)).find((g) => g.data.type === 'step')?.data as unknown as { index: number; event: number; events: number };
  expect(step).toMatchObject({ index: 0, event: 1 });
  await expect(frame.getByTestId('step-count')).toHaveText(`Event 1 of ${step.events}`);
  expect(`Event 1 of ${step.events}`).not.toBe(before);
});

test('a scenario named by the address or by an attribute opens, its catalogue loaded on demand first', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The listener scenario: pod3 listens on tcp/80, and the journey is a TCP handshake.
  await page.goto('/embed.html?preset=tcp-handshake-listener&controls=minimal');
  await expect(page.getByTestId('step-count')).toHaveText(/^Event 1 of \d+$/);
  await expect(page.locator('[data-testid="network-canvas"]')).toContainText('tcp/80');
  // A page of its own holding one element that names the same scenario.
  await page.route('**/one-element.html', (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>one</title><script type="module" src="./packet-journey.js"></script><packet-journey preset="tcp-handshake-listener" controls="minimal"></packet-journey>' }),
  );
  await page.goto('/one-element.html');
  const el = page.locator('packet-journey');
  await expect(el.getByTestId('step-count')).toHaveText(/^Event 1 of \d+$/);
  await expect(el.locator('[data-testid="network-canvas"]')).toContainText('tcp/80');
  expect(errors).toEqual([]);
});

test('the reveal.js example: each fragment advances one hop, and back', async ({ page }) => {
  await page.goto('/examples/reveal/index.html');
  await collect(page);
  await expect(page.frameLocator('iframe[data-journey]').getByTestId('app')).toBeAttached();
  await page.keyboard.press('ArrowRight');
  // Arriving on the journey slide puts the player at its first step.
  await expect(page.locator('body')).toHaveAttribute('data-journey-step', '0');
  for (const k of [1, 2, 3]) {
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('body')).toHaveAttribute('data-journey-step', String(k));
    await expect(page.locator('section[data-journey-slide] .fragment.hop.visible')).toHaveCount(k);
  }
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('body')).toHaveAttribute('data-journey-step', '2');
  await expect(page.locator('section[data-journey-slide] .fragment.hop.visible')).toHaveCount(2);
});

test('arrow keys and PageDown reach the deck while the embed has the focus', async ({ page }) => {
  await page.goto('/examples/reveal/index.html#/1');
  await expect(page.frameLocator('iframe[data-journey]').getByTestId('app')).toBeAttached();
  const frame = frameOf(page, 0);
  await expect(page.locator('body')).toHaveAttribute('data-journey-step', '0');
  // Focus inside the embed: a click on the drawing.
  await page.frameLocator('iframe[data-journey]').getByTestId('network-canvas').click({ position: { x: 30, y: 200 } });
  await expect.poll(() => frame.evaluate(() => document.hasFocus())).toBe(true);
  await page.keyboard.press('PageDown');
  await expect(page.locator('section[data-journey-slide] .fragment.hop.visible')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('section[data-journey-slide] .fragment.hop.visible')).toHaveCount(3);
  await page.keyboard.press('PageUp');
  await expect(page.locator('section[data-journey-slide] .fragment.hop.visible')).toHaveCount(2);
  // The deck moved the player one hop per key: the embed did not also act on them itself.
  await expect(page.locator('body')).toHaveAttribute('data-journey-step', '2');
  expect(await frame.evaluate(() => document.hasFocus())).toBe(true);
});

test('two windows of the same deck stay on the same step', async ({ context }) => {
  const presenter = await context.newPage();
  const audience = await context.newPage();
  await presenter.goto('/embed.html?channel=lesson-1&controls=minimal');
  await audience.goto('/embed.html?channel=lesson-1&controls=minimal');
  await expect(audience.getByTestId('step-count')).toHaveText(/^Event 1 of \d+$/);
  for (let k = 0; k < 3; k++) await presenter.getByTestId('next').click();
  const at = await presenter.getByTestId('step-count').textContent();
  expect(at).not.toMatch(/^Event 1 of/);
  await expect(audience.getByTestId('step-count')).toHaveText(at ?? '');
  await audience.getByTestId('prev').click();
  const back = await audience.getByTestId('step-count').textContent();
  await expect(presenter.getByTestId('step-count')).toHaveText(back ?? '');
});

test('printing gives a still picture of the step: the drawing as it is, no controls', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  await page.goto('/embed.html?step=40&controls=full');
  await expect(page.getByTestId('step-count')).toHaveText(/^Event 40 of \d+$/);
  await page.emulateMedia({ media: 'print' });
  const app = page.getByTestId('app');
  await expect(app).toHaveAttribute('data-still', 'true');
  await expect(page.getByTestId('play')).toHaveCount(0);
  await expect(page.getByTestId('still')).toHaveText(/^Printed at event 40 of \d+$/);
  // The packet stands where it lands (no animation), in a drawing that has its machines.
  await expect(page.locator('[data-machine]')).toHaveCount(3);
  await expect(page.locator('g.packet[transform]')).toHaveCount(1);
  await expect(page.locator('.canvas-strip')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(app).toHaveAttribute('data-still', 'false');
  await expect(page.getByTestId('play')).toBeVisible();
  // A deck printing to PDF (reveal.js's ?print-pdf) asks its embed for the still picture.
  await page.goto('/examples/reveal/index.html?print-pdf#/1');
  await expect(page.frameLocator('iframe[data-journey] >> nth=0').getByTestId('app')).toHaveAttribute('data-still', 'true');
});


for (const [w, h] of [
  [960, 540],
  [480, 270],
] as const) {
  test(`the embed at ${w}×${h}: no editing chrome, Follow zooms in, labels readable in both languages`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const lang of ['en', 'ru'] as const) {
      await page.goto(`/embed.html?lang=${lang}&follow=0`);
      await expect(page.getByTestId('step-count')).toHaveText(/^(Event|Событие) 1 (of|из) \d+$/);
      await expect(page.getByTestId('edit-mode')).toHaveCount(0);
      await expect(page.locator('.journey-form')).toHaveCount(0);
      const whole = Number(await page.getByTestId('camera').getAttribute('data-scale'));
      for (const step of [1, 20, 40, 55, 80]) {
        await page.goto(`/embed.html?lang=${lang}&step=${step}`);
        await expect(page.getByTestId('network-canvas')).toHaveAttribute('data-follow', 'true');
        await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`^(Event|Событие) ${step} `));
        // Follow works at this size: the camera is closer than the whole lab.
        await expect.poll(async () => Number(await page.getByTestId('camera').getAttribute('data-scale')), `event ${step} zooms in`).toBeGreaterThan(whole);
        const lines = await labelLines(page);
        expect(lines.length, `labels at event ${step}`).toBeGreaterThan(1);
        expect(lines[0] ?? 0, `smallest label at event ${step}: ${lines.join(', ')}`).toBeGreaterThanOrEqual(11);
      }
    }
  });
}

test('the web component: two <packet-journey> on one page, independent, keys only where the focus is', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/examples/web-component.html');
  const one = page.locator('#one');
  const two = page.locator('#two');
  // Playwright's locators pierce open shadow roots.
  await expect(one.getByTestId('step-count')).toHaveText(/^Event 1 of \d+$/);
  await expect(two.getByTestId('step-count')).toHaveText(/^Событие 5 из \d+$/);
  await page.getByRole('button', { name: 'Next ▶' }).click();
  await page.getByRole('button', { name: 'Next ▶' }).click();
  await expect(one.getByTestId('step-count')).toHaveText(/^Event 3 of \d+$/);
  await expect(page.getByTestId('status-one')).toHaveText(/^step 3 of \d+ · event 3$/);
  await expect(two.getByTestId('step-count')).toHaveText(/^Событие 5 из \d+$/);
  await expect(page.getByTestId('status-two')).toHaveText('');
  // Keys act in the element that has the focus only.
  await two.getByTestId('next').click();
  await expect(two.getByTestId('step-count')).toHaveText(/^Событие 6 из \d+$/);
  await page.keyboard.press('ArrowRight');
  await expect(two.getByTestId('step-count')).toHaveText(/^Событие 7 из \d+$/);
  await expect(one.getByTestId('step-count')).toHaveText(/^Event 3 of \d+$/);
  // The page's styles and the player's stay apart: the player's stylesheet is not the document's.
  expect(await page.evaluate(() => [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('.pj-app'))))).toBe(false);
  // An attribute change opens the player again as it says.
  await page.evaluate(() => document.getElementById('one')?.setAttribute('lang', 'ru'));
  await expect(one.getByTestId('step-count')).toHaveText(/^Событие 1 из \d+$/);
  expect(errors).toEqual([]);
});

test('a mistyped preset in the embed’s address is said on the frame, in its language, until closed', async ({ page }) => {
  await page.goto('/embed.html?preset=flannel-minikub&lang=ru');
  const note = page.getByTestId('link-error');
  await expect(note).toContainText('flannel-minikub');
  await page.getByTestId('link-error-close').click();
  await expect(note).toHaveCount(0);
  await expect(page.getByTestId('network-canvas')).toBeVisible();
});
