import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { openApp, readStep } from './player';

/** Opens the export menu and picks `testId`'s item. */
async function choose(page: Page, testId: string): Promise<void> {
  await page.getByTestId('export-menu').click();
  await page.getByTestId(testId).click();
  await expect(page.getByTestId(testId)).toHaveCount(0);
}

/** Downloads what the export menu's item `testId` saves; its name and bytes. */
async function download(page: Page, testId: string, path: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), choose(page, testId)]);
  await d.saveAs(path);
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** Drops a file on the drawing as a browser does: dragover, then drop, with a DataTransfer built in the page. */
async function dropFile(page: Page, name: string, type: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ({ name, type, b64 }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type }));
      const target = document.querySelector('[data-testid="network-canvas"]') ?? document.body;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, type, b64: bytes.toString('base64') },
  );
}

/**
 * Console errors the page logs from now on: an export must log none, in particular no refused inline
 * style (the page's CSP is `style-src 'self'`; teacher review, item 17).
 */
function consoleErrors(page: Page): string[] {
  const out: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') out.push(m.text());
  });
  return out;
}

/** Steps forward `n` times with the player's Next button. */
/** The offline file at `path` opened from disk in a new page, with every failed request and page error it meets. */
async function openOffline(context: BrowserContext, path: string): Promise<{ offline: Page; failed: string[] }> {
  const offline = await context.newPage();
  const failed: string[] = [];
  offline.on('requestfailed', (r) => failed.push(r.url()));
  offline.on('pageerror', (e) => failed.push(e.message));
  await offline.emulateMedia({ reducedMotion: 'reduce' });
  await offline.goto(`file://${path}`);
  return { offline, failed };
}

async function forward(page: Page, n: number): Promise<void> {
  for (let k = 0; k < n; k++) await page.getByTestId('next').click();
}

test.describe('classroom exports: pictures, handout, offline page', () => {
  test('the export menu opens above its button with four items, keys move through it and Escape closes it', async ({ page }) => {
    await openApp(page, 'ru');
    await page.getByTestId('export-menu').click();
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem')).toHaveText(['Рисунок (SVG)', 'Рисунок (PNG)', 'Материал для печати', 'Офлайн-страница (HTML)']);
    await expect(page.getByTestId('export-svg')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('export-png')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('export-offline')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(page.getByTestId('export-menu')).toBeFocused();
    await page.getByTestId('export-menu').click();
    await page.getByTestId('network-canvas').click({ position: { x: 5, y: 200 } });
    await expect(menu).toHaveCount(0);
  });

  test('the SVG of an event is valid SVG holding the drawing’s labels, and dropping it back opens the same lab and event', async ({ page }, info) => {
    await openApp(page);
    const errors = consoleErrors(page);
    await forward(page, 6);
    const before = await readStep(page);
    const chapter = await page.getByTestId('chapter-now').textContent();
    const labels = await page.locator('[data-testid="network-canvas"] text').evaluateAll((els) =>
      els.filter((e) => e.getClientRects().length > 0).map((e) => e.textContent ?? '').filter((s) => s.trim() !== ''),
    );
    expect(labels.length).toBeGreaterThan(5);
    const { name, bytes } = await download(page, 'export-svg', info.outputPath('step.svg'));
    expect(name).toBe(`packet-journey-pod1-pod3-step-${before.step}.svg`);
    const svg = bytes.toString('utf8');
    // An XML parser accepts it, it is SVG, and its texts are the drawing's labels as real <text>.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.namespaceURI,
        texts: [...doc.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'text')].map((t) => t.textContent ?? ''),
        link: doc.getElementsByTagNameNS('urn:x-packet-journey:picture:1', 'link')[0]?.textContent ?? '',
        title: doc.querySelector('title')?.textContent ?? '',
      };
    }, svg);
    expect(parsed.errors).toBe(0);
    expect(parsed.root).toBe('http://www.w3.org/2000/svg');
    for (const l of labels) expect(parsed.texts).toContain(l);
    expect(parsed.link).toMatch(/^lab=[^&]+&from=pod1&to=pod3&/);
    expect(parsed.link).toContain(`&step=${before.step}`);
    expect(parsed.title).toContain(`event ${before.step} of ${before.total}`);
    // The caption under the drawing is part of the picture: the event, its chapter, its short text.
    const caption = parsed.texts.join(' ');
    expect(caption).toContain(`Event ${before.step} of ${before.total} · ${chapter ?? '?'}`);
    const short = await page.evaluate(() => document.querySelector('[data-testid="explanation"] .explain-text')?.textContent ?? '');
    for (const word of short.split(' ').slice(0, 6)) expect(caption).toContain(word);
    expect(errors).toEqual([]);

    // Another lab and journey on screen, then the picture dropped on the page.
    await page.goto('/?preset=ttl-1');
    await expect(page.getByTestId('step-count')).toBeVisible();
    expect((await readStep(page)).step).toBe(1);
    await dropFile(page, name, 'image/svg+xml', bytes);
    await expect(page.getByTestId('drop-note')).toHaveAttribute('data-kind', 'opened');
    await expect.poll(async () => (await readStep(page)).step).toBe(before.step);
    const after = await readStep(page);
    expect(after.total).toBe(before.total);
    expect(after.tag).toBe(before.tag);
    expect(after.explanation).toBe(before.explanation);
    await expect(page).toHaveURL(/from=pod1&to=pod3/);
  });

  test('the PNG holds the lab in an iTXt chunk: it is a picture browsers draw, and dropping it back opens the event', async ({ page }, info) => {
    await openApp(page, 'ru');
    const errors = consoleErrors(page);
    await forward(page, 9);
    const before = await readStep(page);
    const { name, bytes } = await download(page, 'export-png', info.outputPath('step.png'));
    expect(errors).toEqual([]);
    expect(name).toBe(`packet-journey-pod1-pod3-step-${before.step}.png`);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.includes(Buffer.from('iTXtpacket-journey\0'))).toBe(true);
    const size = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      return { w: img.naturalWidth, h: img.naturalHeight };
    }, bytes.toString('base64'));
    expect(size.w).toBeGreaterThan(400);
    expect(size.h).toBeGreaterThan(200);
    await page.getByTestId('first').click();
    expect((await readStep(page)).step).toBe(1);
    await dropFile(page, name, 'image/png', bytes);
    await expect(page.getByTestId('drop-note')).toHaveAttribute('data-kind', 'opened');
    await expect.poll(async () => (await readStep(page)).step).toBe(before.step);

    // The same picture imported from My labs is kept there as a new lab, opened at its event.
    await page.getByTestId('first').click();
    await page.getByTestId('my-labs').click();
    const labs = page.getByRole('dialog');
    await labs.getByTestId('lab-import-file').setInputFiles({ name: 'Урок 3.png', mimeType: 'image/png', buffer: bytes });
    await expect(labs.getByTestId('labs-note')).toContainText('«Урок 3»');
    await expect(labs.getByTestId('lab-row')).toHaveCount(1);
    await labs.getByRole('button', { name: 'Закрыть' }).click();
    await expect.poll(async () => (await readStep(page)).step).toBe(before.step);
  });

  test('a lab file dropped on the page is kept in My labs and opened; a broken one is refused with its problems', async ({ page }) => {
    await openApp(page);
    const lab = JSON.parse(readFileSync('src/core/presets/minikube-flannel.lab.json', 'utf8')) as { name: string; machines: { name: string }[] };
    await dropFile(page, 'minikube.json', 'application/json', Buffer.from(JSON.stringify(lab)));
    const note = page.getByTestId('drop-note');
    await expect(note).toHaveAttribute('data-kind', 'imported');
    await expect(note).toContainText('Kept the lab of “minikube.json” in My labs and opened it.');
    await expect(page.locator('[data-machine="minikube-m02"]')).toBeVisible();
    const broken = { ...lab, machines: [{ ...lab.machines[0], name: '' }] };
    await dropFile(page, 'broken.json', 'application/json', Buffer.from(JSON.stringify(broken)));
    await expect(note).toHaveAttribute('data-kind', 'badFile');
    await expect(note).toContainText('“broken.json” does not read as a lab file; the lab on screen is unchanged:');
    await expect(note.locator('li').first()).toContainText('machines[0].name');
    await expect(page.locator('[data-machine="minikube-m02"]')).toBeVisible();
  });

  test('a picture without our data is refused in the user’s language, and the lab on screen stays', async ({ page }) => {
    await openApp(page, 'ru');
    await forward(page, 3);
    const before = await readStep(page);
    const plain = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    await dropFile(page, 'holiday.png', 'image/png', plain);
    const note = page.getByTestId('drop-note');
    await expect(note).toHaveAttribute('data-kind', 'noLab');
    await expect(note).toContainText('В «holiday.png» нет стенда');
    await dropFile(page, 'notes.txt', 'text/plain', Buffer.from('hello'));
    await expect(note).toHaveAttribute('data-kind', 'notPicture');
    await expect(note).toContainText('не рисунок SVG или PNG');
    expect(await readStep(page)).toEqual(before);
  });

  for (const lang of ['en', 'ru'] as const) {
    test(`the handout in ${lang}: a block per chapter with its picture, explanation and tables; printing shows the handout alone`, async ({ page }) => {
      await openApp(page, lang);
      const errors = consoleErrors(page);
      const chapters = await page.locator('[data-testid="toc-list"] button[data-testid^="toc-"]').count();
      await choose(page, 'export-handout');
      const handout = page.getByTestId('handout');
      await expect(handout).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
      expect(errors).toEqual([]);
      const blocks = handout.getByTestId('handout-chapter');
      const n = await blocks.count();
      expect(n).toBeGreaterThan(3);
      if (chapters > 0) expect(n).toBe(chapters);
      for (let k = 0; k < n; k++) {
        const b = blocks.nth(k);
        await expect(b.locator('h2')).toContainText(lang === 'en' ? `Chapter ${k + 1}.` : `Глава ${k + 1}.`);
        await expect(b.locator('img.handout-picture')).toHaveCount(1);
        expect(await b.locator('img.handout-picture').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
        expect(await b.locator('.handout-lines li').count()).toBeGreaterThan(0);
      }
      // The first chapter's ARP exchange fills pod1's neighbour table.
      await expect(handout.locator('table[data-kind="neigh"]').first()).toContainText(lang === 'en' ? 'ARP table' : 'ARP-таблица');
      await expect(handout.locator('table[data-kind="routes"]').first()).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      await expect(handout).toBeVisible();
      await expect(page.getByTestId('app')).toBeHidden();
      await expect(handout.getByTestId('handout-print')).toBeHidden();
      await page.emulateMedia({ media: 'screen' });
      await handout.getByTestId('handout-close').click();
      await expect(handout).toHaveCount(0);
      await expect(page.getByTestId('app')).toBeVisible();
    });
  }

  test('the offline page is one file that opens from file:// in Chromium, at the event it was saved at, and plays', async ({ page, context }, info) => {
    await openApp(page, 'ru');
    await forward(page, 4);
    const before = await readStep(page);
    const path = info.outputPath('offline.html');
    const { name, bytes } = await download(page, 'export-offline', path);
    expect(name).toBe(`packet-journey-pod1-pod3-step-${before.step}.html`);
    const html = bytes.toString('utf8');
    // Self-contained: no script or stylesheet fetched from anywhere.
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
    expect(html).toContain('<script type="application/json" id="pj-lab">');
    // Opened from disk there is no Content-Type header: the charset must be declared in the first 1024 bytes.
    expect(Buffer.byteLength(html.slice(0, html.indexOf('<meta charset="UTF-8"')))).toBeLessThan(1000);
    const { offline, failed } = await openOffline(context, path);
    const count = offline.getByTestId('step-count');
    await expect(count).toHaveText(`Событие ${before.step} из ${before.total}`);
    await expect(offline.locator('[data-testid="network-canvas"] [data-packet]').first()).toBeAttached();
    await offline.getByTestId('next').click();
    await expect(count).toHaveText(`Событие ${before.step + 1} из ${before.total}`);
    await offline.getByTestId('play').click();
    await expect.poll(async () => Number((await count.textContent())?.match(/\d+/)?.[0] ?? 0), { timeout: 10_000 }).toBeGreaterThan(before.step + 2);
    await offline.getByTestId('pause').click();

    // The whole player, as on the app's page (teacher review, item 7): both levels of explanation,
    // the packet's headers, the tables, the notes-vs-Linux corrections, and the other language,
    // whose narrator is in the file too.
    await offline.getByRole('button', { name: 'Подробно' }).click();
    await expect(offline.getByRole('button', { name: 'Подробно' })).toHaveAttribute('aria-pressed', 'true');
    await expect(offline.getByTestId('explanation')).toContainText('(в ядре:');
    await expect(offline.getByTestId('inspector')).toContainText('MAC источника');
    await expect(offline.getByTestId('tables').locator('tr').first()).toBeVisible();
    await offline.getByTestId('chapter-4').click();
    await expect(offline.getByTestId('correction')).toContainText('мост как коммутатор сам ARP-запросов не отправляет');
    await offline.getByTestId('lang-en').click();
    await expect(offline.getByTestId('correction')).toContainText('A bridge, as a switch, never sends ARP');
    await expect(count).toHaveText(/^Event \d+ of \d+$/);
    await expect(offline.getByTestId('explanation')).toContainText('(kernel:');
    await offline.getByRole('button', { name: 'Short' }).click();
    await expect(offline.getByTestId('explanation')).not.toContainText('(kernel:');
    await offline.screenshot({ path: info.outputPath('offline-en-1280.png') });
    expect(failed).toEqual([]);
    await offline.close();
  });

  test('the offline page of a VXLAN lab carries its datapath pack: from file:// it tells the encapsulation in both languages', async ({ page, context }, info) => {
    await openApp(page, 'en');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('flannel-vxlan-cold-ping-pod1-pod3');
    await expect(page.locator('[data-label-for="node1/flannel.1"]')).toBeVisible();
    const path = info.outputPath('offline-vxlan.html');
    await download(page, 'export-offline', path);
    const { offline, failed } = await openOffline(context, path);
    await offline.getByRole('tab', { name: 'Event log' }).click();
    const rows = offline.locator('[data-testid="log-list"] [role="option"] .log-text');
    await expect(rows.filter({ hasText: /flannel\.1 → 172\.16\.100\.2: VNI 1: 98 bytes in 134/ })).toHaveCount(1);
    await rows.filter({ hasText: /flannel\.1 → 172\.16\.100\.2/ }).first().click();
    await offline.getByRole('button', { name: 'Detailed', exact: true }).click();
    await expect(offline.getByTestId('explanation')).toContainText('14 + 8 + 8 + 20 = 50');
    // The other language's sentences of the pack come with the switch, from the same file.
    await offline.getByTestId('lang-ru').click();
    await expect(offline.getByTestId('explanation')).toContainText('14 + 8 + 8 + 20 = 50');
    await expect(offline.getByTestId('explanation')).toContainText('(в ядре:');
    expect(failed).toEqual([]);
    await offline.close();
  });
});
