import { expect, test, type Locator, type Page } from '@playwright/test';

/*
 * The "notes vs. Linux" box on a small screen (teacher review, item 6): under the drawing the
 * caption holds a few lines, so the box's title carries a button that opens the whole correction
 * at once, in both languages, by mouse or keyboard; the footer keeps room for the chapter's title.
 */

const T = {
  en: { read: 'Read it all', title: 'Course notes vs. Linux, chapter 4', text: 'A bridge, as a switch, never sends ARP', close: 'Close' },
  ru: { read: 'Читать целиком', title: 'Конспект и реальный Linux, глава 4', text: 'мост как коммутатор сам ARP-запросов не отправляет', close: 'Закрыть' },
} as const;

/** Is the element wholly inside the window, and is none of its text cut off by a scrolling box? */
async function wholeOnScreen(el: Locator, page: Page): Promise<{ inView: boolean; clipped: boolean }> {
  const box = await el.boundingBox();
  const vp = page.viewportSize();
  if (!box || !vp) return { inView: false, clipped: true };
  const clipped = await el.evaluate((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1);
  return { inView: box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height, clipped };
}

for (const lang of ['en', 'ru'] as const) {
  for (const [w, h] of [[800, 600], [960, 540]] as const) {
    test(`${lang}, ${w}×${h}: one click shows the chapter's whole correction`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`/?from=pod1&to=pod3&step=22&lang=${lang}`);
      await expect(page.getByTestId('app')).toHaveAttribute('data-size', 'compact');
      const box = page.locator('.caption').getByTestId('correction');
      await expect(box).toHaveAttribute('data-start', 'true');
      // The caption is too small for it: the text runs out of its box.
      expect(await page.locator('.caption').evaluate((c) => c.scrollHeight > c.clientHeight)).toBe(true);

      // The button that opens it is in view on the caption's first line, without scrolling anything.
      const read = page.getByRole('button', { name: T[lang].read });
      const [r, c] = [await read.boundingBox(), await page.locator('.caption').boundingBox()];
      if (!r || !c) throw new Error('no button or caption');
      expect(r.y >= c.y && r.y + r.height <= c.y + c.height && r.x + r.width <= c.x + c.width).toBe(true);
      await read.click();
      const dialog = page.getByRole('dialog', { name: T[lang].title });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText(T[lang].text);
      // The whole text, as the narrator tells it, in view and not cut.
      const full = await box.locator('p').last().textContent();
      await expect(dialog.locator('p')).toHaveText(full ?? '');
      expect(await wholeOnScreen(dialog, page)).toEqual({ inView: true, clipped: false });
      const size = await dialog.locator('p').evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
      expect(size).toBeGreaterThanOrEqual(16);
      await page.screenshot({ path: test.info().outputPath(`correction-${lang}-${w}.png`) });

      // The player's keys stay out while it is open; Escape closes it and the focus is back on the button.
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('step-count')).toContainText('22');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('button', { name: T[lang].read })).toBeFocused();
    });
  }

  test(`${lang}, 800×600: at a later event of the chapter the keyboard opens it too, and the footer names the chapter`, async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/?from=pod1&to=pod3&step=23&lang=${lang}`);
    await expect(page.locator('.caption').getByTestId('correction')).toHaveAttribute('data-start', 'false');
    const read = page.getByRole('button', { name: T[lang].read });
    await expect(read).toContainText(T[lang].title);
    await read.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: T[lang].title });
    await expect(dialog).toContainText(T[lang].text);
    expect(await wholeOnScreen(dialog, page)).toEqual({ inView: true, clipped: false });
    await dialog.getByRole('button', { name: T[lang].close }).click();
    await expect(dialog).toBeHidden();
    await expect(read).toBeFocused();

    // The footer's chapter title is more than "Chapter…": the contents button is an icon here.
    const now = page.getByTestId('chapter-now');
    expect((await now.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(110);
    await expect(page.getByRole('button', { name: lang === 'en' ? 'Table of contents' : 'Оглавление' })).toBeVisible();
  });
}

test('with the panels shown on a wide screen the box stays in the panel, no window needed', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?from=pod1&to=pod3&step=22&lang=en');
  await expect(page.getByTestId('app')).toHaveAttribute('data-size', 'wide');
  await expect(page.getByTestId('correction')).toContainText(T.en.text);
  await expect(page.getByTestId('correction-read')).toHaveCount(0);
});
