import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, readStep } from './player';

/*
 * Journeys of any size (issue 8, item 8): a 20-node cluster's ARP flood is one step and can be
 * unfolded, the chapters have a table of contents, the log can hide what comes next, and the
 * drawing and the log are one Tab stop each; axe finds nothing serious at three sizes, in both
 * languages.
 */

/** The 20-node cluster's first flood: node1's ARP request for the router, event 27 (index 26). */
const FLOOD = 27;
/** Events the fold hides: 19 nodes, each a copy received and a "not for me". */
const HIDDEN = 38;

/** Open a link with animations off, as `openApp` opens the seed lab. */
async function openLink(page: Page, query: string): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/?${query}`);
  await expect(page.getByTestId('step-count')).toBeVisible();
}

/** The `data-pin` of the focused element, or null. */
const focusedPin = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-pin') ?? null);

for (const lang of ['en', 'ru'] as const) {
  test(`${lang}: a 20-node cluster folds its ARP flood into one step, and unfolds it`, async ({ page }) => {
    await openLink(page, `nodes=20&pods=2&lang=${lang}&step=${FLOOD}&panels=1`);
    const note = page.getByTestId('fold-note');
    await expect(note).toContainText(lang === 'en' ? 'The switch lan floods the ARP request out of 20 ports; 19 hosts ignore it' : 'Коммутатор lan рассылает ARP-запрос в 20 портов; 19 хостов его игнорируют');
    await expect(note).toContainText(lang === 'en' ? 'only router answers' : 'отвечает только router');
    await expect(page.getByTestId('step-count')).toContainText(`${FLOOD}–${FLOOD + HIDDEN}`);
    // Next steps over the whole flood to the router's copy; Previous comes back to the fold.
    await page.getByTestId('next').click();
    const after = await readStep(page);
    expect(after.step).toBe(FLOOD + HIDDEN + 1);
    expect(after.tag).toMatch(/^router · /);
    await page.getByTestId('prev').click();
    expect((await readStep(page)).step).toBe(FLOOD);
    // The log lists the flood as one row.
    await page.getByTestId('tab-log').click();
    await expect(page.getByTestId(`log-${FLOOD - 1}`)).toHaveAttribute('data-fold', String(HIDDEN));
    await expect(page.getByTestId(`log-${FLOOD}`)).toHaveCount(0);
    // Unfolded, each copy is a step of its own again.
    const toggle = page.getByTestId('fold-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId(`log-${FLOOD}`)).toBeVisible();
    await page.getByTestId('next').click();
    const inside = await readStep(page);
    expect(inside.step).toBe(FLOOD + 1);
    expect(inside.tag).toMatch(/^node2 · /);
    // Folding again from inside the flood goes back to its step.
    await page.getByTestId('fold-toggle').click();
    expect((await readStep(page)).step).toBe(FLOOD);
  });
}

test('the log folds and unfolds a flood with → and ←, like a tree', async ({ page }) => {
  await openLink(page, `nodes=20&pods=2&lang=en&step=${FLOOD}&panels=1`);
  await page.getByTestId('tab-log').click();
  const list = page.getByRole('listbox', { name: 'Event log' });
  await list.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId(`log-${FLOOD}`)).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId(`log-${FLOOD}`)).toHaveCount(0);
  // The arrows worked the log, not the player.
  expect((await readStep(page)).step).toBe(FLOOD);
});

test('the table of contents lists the chapters, marks the current one, explains "!", and jumps', async ({ page }) => {
  await openApp(page);
  const toc = page.getByTestId('toc');
  await toc.click();
  const list = page.getByTestId('toc-list');
  await expect(list).toBeVisible();
  await expect(list.getByRole('button')).toHaveCount(10);
  await expect(page.getByTestId('toc-1')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('toc-1')).toBeFocused();
  await expect(page.getByTestId('toc-marks')).toContainText('! marks a chapter where the course notes simplify');
  // A click jumps to the chapter's first event.
  await page.getByTestId('toc-6').click();
  await expect(page.getByTestId('chapter-now')).toContainText('Chapter 6: The router forwards the packet');
  await expect(page.getByTestId('toc-6')).toHaveAttribute('aria-current', 'step');
  // The keyboard: ↑ ↓ move, Enter jumps, Escape closes and gives the focus back.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('toc-4')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chapter-now')).toContainText('Chapter 4:');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(toc).toBeFocused();
  // One Tab stop inside: Tab from the open list leaves it.
  await toc.click();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="toc-list"]') === null)).toBe(true);
});

test('ru: the table of contents and its "!" read in Russian; a warm ping\'s probes are a chapter of their own', async ({ page }) => {
  await openLink(page, 'lang=ru&warm=1');
  await page.getByTestId('toc').click();
  await expect(page.getByTestId('toc-marks')).toContainText('! — глава, где конспект упрощает');
  await expect(page.getByTestId('toc-10')).toContainText('перепроверяют соседей одноадресными ARP-запросами (DELAY → PROBE)');
  await page.getByTestId('toc-10').click();
  await expect(page.getByTestId('chapter-now')).toContainText('Глава 10: Затем pod3, node2, router и node1');
});

test('"Hide events to come" lists the log only up to the event shown; the playhead reveals the rest; a reload keeps it', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-log').click();
  const options = page.getByRole('listbox', { name: 'Event log' }).getByRole('option');
  // The log's chunk loads when its tab is first reached.
  await expect(options.first()).toBeVisible();
  expect(await options.count()).toBeGreaterThan(100);
  await page.getByTestId('hide-future').check();
  await expect(options).toHaveCount(1);
  await expect(page.getByTestId('future-hidden')).toContainText('events to come are hidden');
  for (let k = 0; k < 3; k++) await page.getByTestId('next').click();
  await expect(options).toHaveCount(4);
  // The address follows the step and the option (step comes first in it).
  await expect(page).toHaveURL(/[?&]step=4\b.*[?&]future=0\b/);
  await page.reload();
  await page.getByTestId('tab-log').click();
  await expect(page.getByTestId('hide-future')).toBeChecked();
  await expect(options).toHaveCount(4);
  await page.getByTestId('hide-future').uncheck();
  expect(await options.count()).toBeGreaterThan(100);
  await expect(page).not.toHaveURL(/future=/);
});

test('in a 20-node cluster the event log is left with one Tab, and the drawing is one Tab stop', async ({ page }) => {
  await openLink(page, 'nodes=20&pods=2&lang=en&panels=1');
  // The drawing: one box of 60 is in the Tab order; the arrows move between them, not the player.
  expect(await page.locator('[data-pin][tabindex="0"]').count()).toBe(1);
  expect(await page.locator('[data-pin]').count()).toBe(61);
  await page.getByTestId('theme').focus();
  await page.keyboard.press('Tab');
  expect(await focusedPin(page)).toBe('node1');
  await page.keyboard.press('ArrowRight');
  expect(await focusedPin(page)).toBe('pod1-1');
  await page.keyboard.press('End');
  expect(await focusedPin(page)).toBe('router');
  expect((await readStep(page)).step).toBe(1);
  await page.keyboard.press('Tab');
  expect(await focusedPin(page)).toBeNull();
  // Back into the drawing: Tab returns to the box last visited.
  await page.keyboard.press('Shift+Tab');
  expect(await focusedPin(page)).toBe('router');
  // The log: one Tab in, one Tab out.
  await page.getByTestId('tab-log').click();
  const list = page.getByRole('listbox', { name: 'Event log' });
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.event-log') === null)).toBe(true);
});

test('About this lab says what the lab simplifies, in both languages', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('about').click();
  const note = page.getByTestId('about-note');
  await expect(note).toBeVisible();
  await expect(note).toContainText('no iptables or nftables');
  await expect(note).toContainText('reachable_time');
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
  await page.getByTestId('lang-ru').click();
  await page.getByRole('button', { name: 'О стенде' }).click();
  await expect(note).toContainText('нет iptables и nftables');
});

for (const [w, h] of [[1280, 720], [960, 540], [800, 600]] as const) {
  for (const lang of ['en', 'ru'] as const) {
    test(`${w}×${h} ${lang}: axe finds nothing serious with a folded flood, the log, the contents and the note open`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await openLink(page, `nodes=20&pods=2&lang=${lang}&step=${FLOOD}&panels=1`);
      await page.getByTestId('tab-log').click();
      // The log's chunk loads when its tab is first reached: axe looks at the log, not at its place.
      await expect(page.getByTestId('log-list')).toBeVisible();
      await page.getByTestId('toc').click();
      const axe = (labelInName: boolean) => {
        const b = new AxeBuilder({ page });
        return (labelInName ? b.options({ rules: { 'label-content-name-mismatch': { enabled: true } } }) : b).analyze();
      };
      const serious = (r: Awaited<ReturnType<typeof axe>>) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious(await axe(true))).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByTestId('about').click();
      expect(serious(await axe(false))).toEqual([]);
    });
  }
}
