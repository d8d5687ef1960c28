import { expect, test, type Page } from '@playwright/test';
import { openApp, readStep } from './player';

/** Wait until the address bar has caught up with the app (it follows a moment after each change). */
async function addressSays(page: Page, re: RegExp): Promise<URL> {
  await expect.poll(() => page.url(), { timeout: 3000 }).toMatch(re);
  return new URL(page.url());
}

test.describe('the address is the state', () => {
  test('the address follows the journey, the event and the language, and a reload restores them', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('to').selectOption('pod4');
    await page.getByTestId('proto').selectOption('udp');
    await page.getByTestId('next').click();
    await page.getByTestId('next').click();
    await page.getByTestId('lang-ru').click();
    // The switch waits for the Russian narrator (it loads per language): read the event once it speaks Russian.
    await expect(page.getByTestId('step-count')).toHaveText(/^Событие 3 из \d+$/);
    const before = await readStep(page);
    expect(before.step).toBe(3);
    const url = await addressSays(page, /lang=ru&.*step=3/);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ from: 'pod1', to: 'pod4', proto: 'udp', lang: 'ru', step: '3' });
    expect(url.searchParams.get('port')).toMatch(/^\d+$/);

    await page.reload();
    await expect(page.getByTestId('step-count')).toHaveText(`Событие 3 из ${before.total}`);
    await expect(page.getByTestId('to')).toHaveValue('pod4');
    await expect(page.getByTestId('proto')).toHaveValue('udp');
    const after = await readStep(page);
    expect(after.explanation).toBe(before.explanation);
    await expect(page.getByTestId('link-error')).toHaveCount(0);
  });

  test('a reload right after a change keeps it', async ({ page }) => {
    await openApp(page);
    await addressSays(page, /step=1$/);
    // At a person's pace (a few clicks a second), each change is in the address at once.
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(200);
    await page.getByTestId('lang-ru').click();
    await page.reload();
    await expect(page.getByTestId('step-count')).toHaveText(/^Событие 2 из \d+$/);
  });

  test('a typed value reaches the address only once it is applied', async ({ page }) => {
    await openApp(page);
    await addressSays(page, /ttl=64/);
    await page.getByTestId('ttl').fill('5');
    await page.waitForTimeout(100);
    expect(page.url()).toContain('ttl=64');
    await page.getByTestId('ttl').press('Enter');
    await addressSays(page, /ttl=5&/);
  });

  test('"Copy link to this event" copies an address that opens the same event in a fresh browser', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await page.getByTestId('ttl').fill('3');
    await page.getByTestId('ttl').press('Enter');
    for (let k = 0; k < 6; k++) await page.getByTestId('next').click();
    const here = await readStep(page);
    await page.getByRole('button', { name: 'Copy link to this event' }).click();
    await expect(page.getByTestId('copy-status')).toHaveText('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?from=pod1&to=pod3&.*ttl=3&.*&lang=en&.*&step=7$/);
    await expect(page.getByTestId('copy-status')).toHaveText('', { timeout: 5000 });

    const fresh = await browser.newContext({ locale: 'ru-RU' });
    const other = await fresh.newPage();
    await other.emulateMedia({ reducedMotion: 'reduce' });
    await other.goto(link);
    await expect(other.getByTestId('step-count')).toHaveText(`Event 7 of ${here.total}`);
    const there = await readStep(other);
    expect(there.explanation).toBe(here.explanation);
    expect(there.tag).toBe(here.tag);
    await expect(other.getByTestId('ttl')).toHaveValue('3');
    await fresh.close();
  });

  test('when the clipboard is refused, the embed code waits selected in a small dialog, and opens the same event', async ({ page, browser }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    });
    await openApp(page, 'ru');
    await page.getByTestId('timeline').fill('40');
    const here = await readStep(page);
    await page.getByRole('button', { name: 'Скопировать код для встраивания (iframe для слайда)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Скопируйте код для встраивания' });
    await expect(dialog).toBeVisible();
    const field = page.getByTestId('copy-manual-text');
    await expect(field).toBeFocused();
    const code = await field.inputValue();
    // The whole text is selected: Ctrl+C is all that is left.
    expect(await field.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(code);
    const m = /^<iframe src="([^"]+)" width="960" height="540" title="Путь пакета: pod1 → pod3, событие 41" style="border:0" loading="lazy" allowfullscreen><\/iframe>$/.exec(code);
    expect(m, code).not.toBeNull();
    const src = (m?.[1] ?? '').replace(/&amp;/g, '&');
    expect(src).toMatch(/\/embed\.html\?.*&step=41$/);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('copy-embed')).toBeFocused();

    // A slide with that iframe shows the same event in the embed view, drawing first, with its one line.
    const fresh = await browser.newContext();
    const slide = await fresh.newPage();
    await slide.emulateMedia({ reducedMotion: 'reduce' });
    await slide.goto(src);
    await expect(slide.getByTestId('step-count')).toHaveText(`Событие 41 из ${here.total}`);
    await expect(slide.getByTestId('explanation')).not.toBeEmpty();
    await expect(slide.getByTestId('network-canvas')).toHaveAttribute('data-follow', 'true');
    await expect(slide.getByTestId('inspector')).toHaveCount(0);
    await fresh.close();
  });
});
