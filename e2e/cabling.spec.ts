import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './player';

/** An element's box once it holds still (the camera re-fits when edit mode's palette changes the strip's height). */
async function settledBox(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = '';
  for (let k = 0; k < 50; k++) {
    const b = await l.boundingBox();
    const now = JSON.stringify(b);
    if (b && now === last) return b;
    last = now;
    await l.page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  throw new Error('never held still');
}

/** Press on `from`, move in steps as a hand does, let go on `to`'s middle (or at a point). */
async function dragTo(page: Page, from: Locator, to: Locator | { x: number; y: number }): Promise<void> {
  const a = await settledBox(from);
  const b = 'boundingBox' in to ? await settledBox(to) : { ...to, width: 0, height: 0 };
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 14 });
  await page.mouse.up();
}

/** The seed lab in edit mode, the router selected with a second segment on its eth1 (lan1, 172.16.101.0/24). */
async function routerWithSecondSegment(page: Page): Promise<void> {
  await openApp(page);
  await page.getByTestId('edit-mode').click();
  await page.locator('[data-pin="router"]').click();
  await page.getByRole('button', { name: 'Add segment' }).click();
  await expect(page.locator('[data-segment="lan1"]')).toHaveCount(1);
}

test.describe('cabling in the editor', () => {
  test('a new node moved onto a second segment by dragging its NIC: the checks name the missing routes, auto-configure fixes them, and the ping arrives', async ({ page }) => {
    await routerWithSecondSegment(page);
    // Then a node with a pod.
    await page.getByRole('button', { name: 'Add node' }).click();
    await page.getByRole('button', { name: 'Add pod' }).click();
    await expect(page.locator('[data-label-for="node3/eth0"]')).toContainText('172.16.100.3');

    // A cable from node3's eth0 to lan1's line.
    await dragTo(page, page.locator('[data-grip="node3/eth0"]'), page.locator('[data-segment="lan1"] .segment-lane').first());
    await expect(page.locator('[data-label-for="node3/eth0"]')).toContainText('172.16.101.2');
    await expect(page.getByTestId('edit-status')).toContainText('interface linked');
    const checks = page.getByTestId('checks');
    await expect(checks).toContainText('router has no route to 10.10.12.0/24');
    await expect(checks).toContainText('node3 has no route to 10.10.10.0/24');
    await page.getByRole('button', { name: 'Auto-configure routes' }).click();
    await expect(page.getByTestId('checks-ok')).toBeVisible();

    await page.getByTestId('edit-mode').click();
    await page.getByTestId('to').selectOption('pod5');
    await page.getByTestId('last').click();
    await expect(page.getByTestId('outcome')).toContainText('Echo replies back at pod1: 1 of 1.');

    // One undo step took the cable back (after the routes).
    await page.getByTestId('edit-mode').click();
    await page.getByTestId('undo').click();
    await page.getByTestId('undo').click();
    await expect(page.locator('[data-label-for="node3/eth0"]')).toContainText('172.16.100.3');
  });

  test('by keyboard: the inspector\'s Link list plugs node3\'s eth0 into lan1, one undo step', async ({ page }) => {
    await routerWithSecondSegment(page);
    await page.getByRole('button', { name: 'Add node' }).click();
    await expect(page.getByTestId('selection')).toContainText('node3');
    const link = page.getByTestId('iface-segment-0');
    await link.focus();
    await page.keyboard.press('ArrowDown');
    await expect(link).toHaveValue('lan1');
    await expect(page.locator('[data-label-for="node3/eth0"]')).toContainText('172.16.101.2');
    await expect(page.getByTestId('checks')).toContainText('node3 has no route to 10.10.10.0/24');
    // Ctrl+Z belongs to a focused field: Tab back to Undo and press it.
    await page.getByTestId('undo').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-label-for="node3/eth0"]')).toContainText('172.16.100.3');
  });

  test('the inspector removes a NIC: its segment goes when nobody else is on it; undo brings both back', async ({ page }) => {
    await routerWithSecondSegment(page);
    await page.getByTestId('inspector-iface-1').locator('summary').click();
    await page.getByTestId('iface-remove-eth1').click();
    await expect(page.locator('[data-segment="lan1"]')).toHaveCount(0);
    await expect(page.locator('[data-label-for="router/eth1"]')).toHaveCount(0);
    await page.getByTestId('undo').click();
    await expect(page.locator('[data-segment="lan1"]')).toHaveCount(1);
  });

  for (const [lang, said] of [['en', /^pod1\/eth0 is one end of a veth pair/], ['ru', /^pod1\/eth0 — один конец пары veth/]] as const) {
    test(`a cable from a pod's veth is refused with the reason (${lang})`, async ({ page }) => {
      await openApp(page, lang);
      await page.getByTestId('edit-mode').click();
      // The palette loads on first use and may push the drawing down: wait for it.
      await expect(page.getByRole('button', { name: lang === 'en' ? 'Add node' : 'Добавить ноду' })).toBeVisible();
      await expect(page.getByTestId('cable-layer')).toBeAttached();
      await dragTo(page, page.locator('[data-grip="pod1/eth0"]'), page.locator('[data-segment="lan"] .segment-lane').first());
      await expect(page.getByTestId('edit-error')).toContainText(said);
      await expect(page.getByTestId('undo')).toBeDisabled();
      // Let go over nothing: told where a cable goes.
      await dragTo(page, page.locator('[data-grip="node1/eth0"]'), { x: 5, y: 5 });
      await expect(page.getByTestId('edit-error')).toContainText(lang === 'en' ? 'segment’s line' : 'линии сегмента');
    });
  }
});
