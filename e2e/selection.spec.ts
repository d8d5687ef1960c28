import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './player';

/** The middle of an element's box on screen. */
async function middle(l: Locator): Promise<{ x: number; y: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** The drawing-unit corner of a machine's box (its rect's x and y). */
const at = (page: Page, name: string) => page.locator(`[data-machine="${name}"] rect.machine-box`).evaluate((r) => [Number(r.getAttribute('x')), Number(r.getAttribute('y'))]);

async function editMode(page: Page): Promise<void> {
  await openApp(page);
  await page.getByTestId('edit-mode').click();
  // The palette loads on first use and may push the drawing down: wait for it, then for the camera to settle.
  await expect(page.getByRole('button', { name: 'Add node' })).toBeVisible();
  await expect(page.getByTestId('cable-layer')).toBeAttached();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
}

test.describe('selecting several machines and pods', () => {
  test('Shift+click selects two machines; dragging one moves both, one undo step', async ({ page }) => {
    await editMode(page);
    await page.locator('[data-machine="node1"] .machine-title').click();
    await page.locator('[data-machine="node2"] .machine-title').click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('selection')).toContainText('node1, node2');
    await expect(page.getByTestId('inspector-one-of')).toHaveText('(one of 2 selected)');
    const [x1, y1] = await at(page, 'node1');
    const [x2, y2] = await at(page, 'node2');
    const from = await middle(page.locator('[data-machine="node1"] .machine-title'));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, from.y + 90, { steps: 10 });
    await page.mouse.up();
    const [nx1, ny1] = await at(page, 'node1');
    const [nx2, ny2] = await at(page, 'node2');
    expect((ny1 ?? 0) - (y1 ?? 0)).toBeGreaterThan(30);
    // Both moved by the same amount.
    expect([(nx1 ?? 0) - (x1 ?? 0), (ny1 ?? 0) - (y1 ?? 0)]).toEqual([(nx2 ?? 0) - (x2 ?? 0), (ny2 ?? 0) - (y2 ?? 0)]);
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('undo')).toBeDisabled();
    expect(await at(page, 'node2')).toEqual([x2, y2]);
  });

  test('Shift+drag draws a box round the two pods of node1; Ctrl+C, select node2, Ctrl+V puts copies there', async ({ page }) => {
    await editMode(page);
    const p1 = await page.locator('[data-pin="pod1"] rect.pod-box').boundingBox();
    const p2 = await page.locator('[data-pin="pod2"] rect.pod-box').boundingBox();
    if (!p1 || !p2) throw new Error('no pods');
    // From node1's background above-left of its pods to below-right of pod2 (still inside node1).
    await page.keyboard.down('Shift');
    await page.mouse.move(p1.x - 6, p1.y - 6);
    await page.mouse.down();
    await page.mouse.move(p2.x + p2.width + 6, p2.y + p2.height + 6, { steps: 10 });
    await expect(page.getByTestId('select-box')).toBeVisible();
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect(page.getByTestId('selection')).toContainText('pod1, pod2');
    await page.keyboard.press('Control+c');
    await page.locator('[data-machine="node2"] .machine-title').click();
    await page.keyboard.press('Control+v');
    await expect(page.getByTestId('selection')).toContainText('pod5, pod6');
    await expect(page.locator('[data-label-for="pod5/eth0"]')).toContainText('10.10.11.3');
    await expect(page.locator('[data-label-for="pod6/eth0"]')).toContainText('10.10.11.4');
    // Delete takes both away in one step; undo brings them back.
    await page.getByTestId('delete').click();
    await expect(page.locator('[data-ns="pod5"]')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.locator('[data-ns="pod6"]').first()).toBeVisible();
  });
});
