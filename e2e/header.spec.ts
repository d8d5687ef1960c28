import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './player';

/*
 * The header is one row at every size (teacher review 2): at 1280×720 the minikube scenario's long
 * title and its pods' long names (coredns-787d4945fb-b7d9r) pushed the picker onto a second row,
 * taking 37 px from the drawing. Every scenario, the five CNI stories too, in both languages at the
 * three sizes a class uses; a title the picker cuts is whole in its tooltip.
 */

const index = JSON.parse(readFileSync(new URL('../src/core/presets/scenario-index.json', import.meta.url), 'utf8')) as { id: string }[];
/** The scenarios' titles, one file per language (written by `npm run presets`). */
const titles = (lang: 'en' | 'ru'): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../src/core/presets/scenario-titles.${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const CNI_STORIES = ['cni-add-first-pod', 'cni-add-second-pod', 'cni-del', 'cni-del-netns-gone', 'cni-check-fails'];
const SIZES = [[1280, 720], [960, 540], [800, 600]] as const;

/**
 * How many rows the header's items take: its own children and the journey form's fields, grouped
 * by vertical overlap (an item that starts below every row so far opens a new one).
 */
async function headerRows(page: Page): Promise<{ rows: number; height: number }> {
  return page.evaluate(() => {
    const header = document.querySelector('[data-testid="app"] .pj-header');
    if (!header) return { rows: 0, height: 0 };
    const form = header.querySelector(':scope > .journey-form');
    const items = [...header.children, ...(form ? [...form.children] : [])].filter((el) => el !== form && !el.classList.contains('form-errors'));
    const rows: { top: number; bottom: number }[] = [];
    for (const el of items) {
      const r = el.getBoundingClientRect();
      if (r.height === 0 || getComputedStyle(el).position === 'absolute') continue;
      const row = rows.find((w) => r.top < w.bottom - 1 && r.bottom > w.top + 1);
      if (row) {
        row.top = Math.min(row.top, r.top);
        row.bottom = Math.max(row.bottom, r.bottom);
      } else rows.push({ top: r.top, bottom: r.bottom });
    }
    return { rows: rows.length, height: header.getBoundingClientRect().height };
  });
}

/** Open a scenario from the picker: in the header, or in the folded form's popover on a small screen. */
async function pick(page: Page, id: string): Promise<void> {
  const fold = page.getByTestId('journey-fold');
  const folded = await fold.isVisible();
  if (folded) await fold.click();
  await page.getByTestId('scenario').selectOption(id);
  await expect(page.getByTestId('scenario')).toHaveValue(id);
  if (folded) await fold.click();
}

for (const lang of ['en', 'ru'] as const) {
  for (const [w, h] of SIZES) {
    test(`${lang}, ${w}×${h}: every scenario keeps the header one row and the page no wider than the window`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: w, height: h });
      await openApp(page, lang);
      const seed = await headerRows(page);
      expect(seed.rows, 'the seed lab').toBe(1);
      const bad: string[] = [];
      for (const id of [...CNI_STORIES, ...index.map((s) => s.id)]) {
        await pick(page, id);
        const now = await headerRows(page);
        if (now.rows !== 1 || now.height > seed.height + 1) bad.push(`${id}: ${now.rows} rows, ${now.height} px (seed ${seed.height})`);
        // Nor does anything push the page sideways (the routing loop's 69 chapter marks did).
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (wide > 0) bad.push(`${id}: the page is ${wide} px wider than the window`);
      }
      expect(bad).toEqual([]);
    });
  }

  test(`${lang}: 69 chapters are thin marks, each clickable, inside the timeline`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/?preset=fib-replace-connected-loop&lang=${lang}`);
    const marks = page.getByTestId('chapter-marks');
    await expect(marks).toHaveClass(/is-many/);
    const row = await marks.boundingBox();
    const last = await page.getByTestId('chapter-69').boundingBox();
    expect(row && last && last.x + last.width <= row.x + row.width + 0.5 && last.width >= 3, 'the last chapter is in the row').toBe(true);
    await page.getByTestId('chapter-69').click();
    await expect(page.getByTestId('chapter-69')).toHaveAttribute('aria-current', 'step');
  });

  test(`${lang}: a title the picker cuts is whole in its tooltip`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/?preset=flannel-minikube-ping-pod-a-pod-b&lang=${lang}`);
    const picker = page.getByTestId('scenario');
    const title = titles(lang)['flannel-minikube-ping-pod-a-pod-b'] ?? '';
    expect(title.length).toBeGreaterThan(20);
    await expect(picker).toHaveAttribute('title', title);
    // Cut indeed: the list is narrower than its title, and the header still one row.
    expect(await picker.evaluate((el) => el.scrollWidth > el.clientWidth || el.getBoundingClientRect().width < 400)).toBe(true);
    expect((await headerRows(page)).rows).toBe(1);
  });

  test(`${lang}: an IP address and a port, or a bad field, keep it one row too`, async ({ page }) => {
    for (const [w, h] of [[1280, 720], [1180, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`/?lang=${lang}&to=10.10.11.9&proto=udp&port=53`);
      await expect(page.getByTestId('step-count')).toBeVisible();
      expect(await headerRows(page), `${w} px`).toMatchObject({ rows: 1 });
      // Narrower than the full row, the form is folded from the start (and stays closed).
      if (w < 1280) await expect(page.getByTestId('journey-fold')).toHaveAttribute('aria-expanded', 'false');
    }
    // At 1180 px the header's form folds under the user's hands when it takes an IP address and a
    // port: the popover opens at once with the address field ready to type in.
    await page.goto(`/?lang=${lang}&proto=udp`);
    await expect(page.getByTestId('to')).toBeVisible();
    await page.getByTestId('to').selectOption('');
    await expect(page.getByTestId('journey-fold')).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('to-ip')).toBeFocused();
    expect((await headerRows(page)).rows).toBe(1);
    // A bad field's message floats under the header.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/?lang=${lang}`);
    await page.getByTestId('ttl').fill('0');
    await page.getByTestId('ttl').press('Enter');
    await expect(page.getByTestId('form-error')).toBeVisible();
    expect(await headerRows(page)).toMatchObject({ rows: 1 });
  });
}
