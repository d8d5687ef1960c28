import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, readStep } from './player';

/*
 * Point at anything (issue 8.4): a machine or pod clicked, or reached with Tab and Enter/Space,
 * pins its tables in the tables panel; a second activation unpins; a pod (or machine) can be made
 * the journey's source or destination from the drawing.
 */

const box = (page: Page, ns: string) => page.locator(`[data-pin="${ns}"]`);

test('clicking the router shows the router’s tables, with its ARP entries for 172.16.100.x, at any event', async ({ page }) => {
  await openApp(page);
  // Late in the journey the router has learnt both nodes' MACs.
  await page.getByRole('button', { name: 'Last event' }).click();
  const tables = page.getByTestId('tables');
  await expect(tables).not.toHaveAttribute('data-device', 'router');
  await box(page, 'router').click();
  await expect(box(page, 'router')).toHaveAttribute('aria-pressed', 'true');
  await expect(tables).toHaveAttribute('data-device', 'router');
  await expect(tables.locator('.device-title')).toContainText('Tables of router (pinned)');
  const arp = tables.getByTestId('table-neigh');
  await expect(arp).toContainText('172.16.100.1');
  await expect(arp).toContainText('172.16.100.2');
  expect(await arp.locator('tbody tr').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^172\.16\.100\.\d+/)]));
  // Pinned, the tables stay the router's while the journey moves on elsewhere.
  await page.getByRole('button', { name: 'First event' }).click();
  await expect(page.getByTestId('step-count')).toContainText('Event 1 of');
  await expect(tables).toHaveAttribute('data-device', 'router');
  // The click gave the focus back to the page: Space still plays.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('pause')).toBeVisible();
  await page.keyboard.press('Space');
  // A second click unpins: the tables follow the event again.
  await box(page, 'router').click();
  await expect(box(page, 'router')).toHaveAttribute('aria-pressed', 'false');
  await expect(tables).not.toHaveAttribute('data-device', 'router');
  await expect(tables.locator('.device-title')).not.toContainText('pinned');
});

test('the keyboard: Tab to the drawing, arrows to a machine, Enter pins, Space unpins; Tab goes on to its actions, Escape comes back', async ({ page }) => {
  await openApp(page);
  // From the last control of the header, Tab enters the drawing (one stop); the arrows go through its boxes in order.
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-pin') ?? null);
  await page.getByTestId('theme').focus();
  await page.keyboard.press('Tab');
  const seen: (string | null)[] = [await focused()];
  while (seen[seen.length - 1] !== 'router' && seen.length < 10) {
    await page.keyboard.press('ArrowRight');
    seen.push(await focused());
  }
  expect(seen).toEqual(['node1', 'pod1', 'pod2', 'router']);
  expect((await readStep(page)).step).toBe(1);
  await page.keyboard.press('Enter');
  await expect(box(page, 'router')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('tables')).toHaveAttribute('data-device', 'router');
  await expect(box(page, 'router')).toBeFocused();
  // Tab goes to the pinned machine's actions, Escape back to it.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('send-from')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(box(page, 'router')).toBeFocused();
  // Space on a focused box is the box's, not the player's.
  await page.keyboard.press('Space');
  await expect(box(page, 'router')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('play')).toBeVisible();
  await expect(page.getByTestId('pin-actions')).toHaveCount(0);
});

test('“Send from here” and “Send to here” make a pod the source or the destination, and the journey re-runs', async ({ page }) => {
  await openApp(page);
  await box(page, 'pod4').click();
  const actions = page.getByTestId('pin-actions');
  await expect(actions).toBeVisible();
  await expect(actions).toHaveAttribute('aria-label', 'Actions for pod4');
  await actions.getByRole('button', { name: 'Send from here' }).click();
  await expect(page.getByTestId('from')).toHaveValue('pod4');
  await expect(page.getByTestId('step-count')).toContainText('Event 1 of');
  await expect(page.locator('.explain .event-tag')).toHaveText('pod4 · send');
  await expect(actions.getByRole('button', { name: 'Send from here' })).toBeDisabled();
  // Another pod as the destination.
  await box(page, 'pod2').click();
  await expect(page.getByTestId('pin-actions')).toHaveAttribute('aria-label', 'Actions for pod2');
  await page.getByTestId('pin-actions').getByRole('button', { name: 'Send to here' }).click();
  await expect(page.getByTestId('to')).toHaveValue('pod2');
  await page.getByRole('button', { name: 'Last event' }).click();
  await expect(page.getByTestId('outcome')).toContainText('pod4');
  // A right click shows the actions too; × unpins.
  await box(page, 'pod1').click({ button: 'right' });
  await expect(page.getByTestId('pin-actions')).toHaveAttribute('aria-label', 'Actions for pod1');
  await page.getByTestId('unpin').click();
  await expect(page.getByTestId('pin-actions')).toHaveCount(0);
});

test('a pin in a small window opens the drawer on the tables', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await openApp(page, 'ru');
  await expect(page.getByTestId('drawer')).toHaveCount(0);
  await page.getByRole('button', { name: 'Последнее событие' }).click();
  await box(page, 'router').click();
  const drawer = page.getByTestId('drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('tables')).toHaveAttribute('data-device', 'router');
  await expect(drawer.locator('.device-title')).toContainText('Таблицы router (закреплены)');
  await expect(drawer.getByTestId('table-neigh')).toContainText('172.16.100.2');
  await expect(page.getByTestId('pin-actions').getByRole('button', { name: 'Отправить отсюда' })).toBeVisible();
  await expect(page.getByTestId('pin-actions').getByRole('button', { name: 'Отправить сюда' })).toBeVisible();
  await drawer.getByTestId('tables-unpin').click();
  await expect(drawer.getByTestId('tables')).not.toHaveAttribute('data-device', 'router');
});

for (const lang of ['en', 'ru'] as const) {
  test(`${lang}: axe finds nothing serious with a pod pinned and its actions shown`, async ({ page }) => {
    await openApp(page, lang);
    await box(page, 'pod3').click();
    await expect(page.getByTestId('pin-actions')).toBeVisible();
    await page.getByTestId('network-canvas').evaluate((svg) => (svg.querySelector('[data-pin="node2"]') as SVGGElement | null)?.focus());
    const axe = await new AxeBuilder({ page }).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
