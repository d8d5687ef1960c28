import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, readStep } from './player';

/** The event number (1-based) of the log's keyboard cursor, read from aria-activedescendant. */
async function cursorEvent(page: Page): Promise<number> {
  return page.evaluate(() => {
    const list = document.querySelector('[role="listbox"]');
    const id = list?.getAttribute('aria-activedescendant') ?? '';
    return Number(document.getElementById(id)?.getAttribute('data-event') ?? -2) + 1;
  });
}

/**
 * Serious or critical axe findings inside `include`; on these controls also the (experimental)
 * rule that an accessible name contains the visible label.
 */
async function axeFindings(page: Page, include: string[], labelInName = true): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (labelInName) builder = builder.options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
  for (const sel of include) builder = builder.include(sel);
  const r = await builder.analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('keyboard and screen readers', () => {
  test('the event log is one Tab stop: arrows, Home/End and Page keys move a cursor, Enter jumps, one Tab leaves', async ({ page }) => {
    await openApp(page);
    const tab = page.getByRole('tab', { name: 'Event log' });
    await tab.click();
    const list = page.getByRole('listbox', { name: 'Event log' });
    const options = list.getByRole('option');
    // The log's chunk loads when its tab is first reached.
    await expect(options.first()).toBeVisible();
    expect(await options.count()).toBeGreaterThan(100);
    // Tab from the tab goes through the five filter chips and "hide events to come", then into the list: the list is one stop.
    await tab.focus();
    for (let k = 0; k < 6; k++) await page.keyboard.press('Tab');
    await expect(page.getByTestId('hide-future')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(list).toBeFocused();
    expect(await cursorEvent(page)).toBe(1);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await cursorEvent(page)).toBe(4);
    // Moving the cursor does not move the player; Enter does.
    expect((await readStep(page)).step).toBe(1);
    await page.keyboard.press('Enter');
    expect((await readStep(page)).step).toBe(4);
    await expect(options.nth(3)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('PageDown');
    expect(await cursorEvent(page)).toBe(14);
    await page.keyboard.press('End');
    const total = (await readStep(page)).total;
    expect(await cursorEvent(page)).toBe(total);
    await page.keyboard.press('Home');
    expect(await cursorEvent(page)).toBe(1);
    await page.keyboard.press('ArrowUp');
    expect(await cursorEvent(page)).toBe(1);
    expect((await readStep(page)).step).toBe(4);

    // One Tab leaves the log for the playback controls.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ inLog: document.activeElement?.closest('.event-log') !== null, id: document.activeElement?.getAttribute('data-testid') }));
    expect(focused.inLog).toBe(false);
    expect(focused.id).toBe('first');
    await page.keyboard.press('Shift+Tab');
    await expect(list).toBeFocused();
  });

  test('the side-panel tabs are one Tab stop, with arrows, Home and End (WAI-ARIA tabs)', async ({ page }) => {
    await openApp(page, 'ru');
    const tables = page.getByRole('tab', { name: 'Таблицы' });
    const log = page.getByRole('tab', { name: 'Журнал событий' });
    await expect(tables).toHaveAttribute('tabindex', '0');
    await expect(log).toHaveAttribute('tabindex', '-1');
    await tables.focus();
    await page.keyboard.press('ArrowRight');
    await expect(log).toBeFocused();
    await expect(log).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('listbox', { name: 'Журнал событий' })).toBeVisible();
    // The arrows moved the tabs, not the player.
    expect((await readStep(page)).step).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect(tables).toBeFocused();
    await page.keyboard.press('End');
    await expect(log).toBeFocused();
    await page.keyboard.press('Home');
    await expect(tables).toBeFocused();
    await expect(tables).toHaveAttribute('aria-selected', 'true');
    await expect(log).toHaveAttribute('tabindex', '-1');
  });

  test('accessible names contain the visible labels: "EN" and "RU" are found by what they show', async ({ page }) => {
    await openApp(page, 'ru');
    await page.getByRole('button', { name: 'EN', exact: false }).click();
    await expect(page.getByRole('button', { name: 'EN — English' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: /^RU\b/ }).click();
    await expect(page.getByRole('button', { name: 'RU — Русский' })).toHaveAttribute('aria-pressed', 'true');
  });

  for (const lang of ['en', 'ru'] as const) {
    test(`${lang}: axe finds nothing serious on the new controls (log, tabs, language, links, the copy dialog)`, async ({ page }) => {
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('refused')) } });
      });
      await openApp(page, lang);
      await page.getByTestId('tab-log').click();
      await page.getByRole('listbox').focus();
      await page.keyboard.press('ArrowDown');
      expect(await axeFindings(page, ['.event-log', '.tabs', '.switches', '.share'])).toEqual([]);
      await page.getByTestId('tab-tables').click();
      await page.getByTestId('timeline').fill('40');
      expect(await axeFindings(page, ['.tables', '.share'])).toEqual([]);
      await page.getByTestId('copy-link').click();
      await expect(page.getByTestId('copy-manual')).toBeVisible();
      expect(await axeFindings(page, ['.share'])).toEqual([]);
      // And the whole page, with the dialog open (axe's standard rules).
      expect(await axeFindings(page, ['body'], false)).toEqual([]);
    });
  }
});
