import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './player';

/** Press the mouse on `from`, move in steps (a real drag, as a hand does it), let go at `to`. */
async function drag(page: Page, from: Locator, to: { x: number; y: number }): Promise<void> {
  const a = await from.boundingBox();
  if (!a) throw new Error('nothing to drag');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** The middle of an element's box on screen. */
async function middle(l: Locator): Promise<{ x: number; y: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

const machine = (page: Page, name: string) => page.locator(`[data-machine="${name}"] > [data-pin="${name}"] rect.machine-box`);

test.describe('the lab editor', () => {
  test('builds a third node with two pods by mouse, fixes the router, and the ping arrives; undo and redo', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('edit-mode').click();
    await expect(page.getByTestId('edit-mode')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('checks-ok')).toBeVisible();

    // A node dragged from the palette onto the empty space right of the router.
    const router = await machine(page, 'router').boundingBox();
    if (!router) throw new Error('no router');
    await drag(page, page.getByRole('button', { name: 'Add node' }), { x: router.x + router.width + 120, y: router.y + 40 });
    await expect(page.locator('[data-machine="node3"]')).toBeVisible();
    await expect(page.getByTestId('selection')).toContainText('node3');

    // Two pods dragged onto it.
    for (const pod of ['pod5', 'pod6']) {
      await drag(page, page.getByRole('button', { name: 'Add pod' }), await middle(machine(page, 'node3')));
      await expect(page.locator(`[data-ns="${pod}"]`).first()).toBeVisible();
    }
    await expect(page.locator('[data-label-for="pod6/eth0"]')).toContainText('10.10.12.2');

    // The router has no route to node3's pods: the warning says so, with its fix.
    const warning = page.getByTestId('checks').locator('li').filter({ hasText: '10.10.12.0/24' });
    await expect(warning).toContainText('router has no route to 10.10.12.0/24');
    await warning.getByRole('button', { name: /^Fix: add route 10\.10\.12\.0\/24 via 172\.16\.100\.3 dev eth0 on router$/ }).click();
    await expect(page.getByTestId('checks-ok')).toBeVisible();
    // The lab is the user's own now: the picker no longer names the seed's scenario.
    await expect(page.getByTestId('scenario')).toHaveValue('');

    // Back to play: pod1 pings pod6, and the echo reply comes back.
    await page.getByTestId('edit-mode').click();
    await page.getByTestId('to').selectOption('pod6');
    await page.getByTestId('last').click();
    await expect(page.getByTestId('outcome')).toContainText('Echo replies back at pod1: 1 of 1.');

    // Undo the fix (the button), then redo it (the keys): the journey follows each time.
    await page.getByTestId('edit-mode').click();
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('checks')).toContainText('router has no route to 10.10.12.0/24');
    await page.getByTestId('edit-mode').click();
    await page.getByTestId('last').click();
    await expect(page.getByTestId('outcome')).toContainText('Echo replies back at pod1: 0 of 1.');
    await page.locator('body').press('Control+Shift+Z');
    await page.getByTestId('last').click();
    await expect(page.getByTestId('outcome')).toContainText('Echo replies back at pod1: 1 of 1.');
    // Ctrl+Y redoes nothing more; Ctrl+Z undoes the fix again.
    await page.locator('body').press('Control+z');
    await page.getByTestId('edit-mode').click();
    await expect(page.getByTestId('checks')).toContainText('router has no route to 10.10.12.0/24');
    await page.locator('body').press('Control+y');
    await expect(page.getByTestId('checks-ok')).toBeVisible();
  });

  test('a drag of a machine is one undo step', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('edit-mode').click();
    // Edit mode's drawing layer (drags, cables) is its own chunk: wait until it is there.
    await expect(page.getByTestId('cable-layer')).toBeAttached();
    const before = await machine(page, 'router').boundingBox();
    if (!before) throw new Error('no router');
    await drag(page, page.locator('[data-machine="router"] .machine-title'), { x: before.x + 160, y: before.y + 120 });
    const after = await machine(page, 'router').boundingBox();
    expect(Math.abs((after?.x ?? 0) - before.x)).toBeGreaterThan(60);
    await expect(page.getByTestId('undo')).toBeEnabled();
    await expect(page.getByTestId('selection')).toContainText('router');
    // A click on the empty drawing lets it go; the move stays one undo step.
    const svg = await page.getByTestId('network-canvas').boundingBox();
    if (!svg) throw new Error('no canvas');
    await page.mouse.click(svg.x + svg.width - 20, svg.y + svg.height - 20);
    await expect(page.getByTestId('selection')).not.toContainText('router');
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('undo')).toBeDisabled();
    const back = await machine(page, 'router').boundingBox();
    expect(Math.abs((back?.x ?? 0) - before.x)).toBeLessThan(2);
    expect(Math.abs((back?.y ?? 0) - before.y)).toBeLessThan(2);
  });

  test('edits with the keyboard only: select, add a pod, move, delete, undo', async ({ page }) => {
    await openApp(page);
    const edit = page.getByTestId('edit-mode');
    await edit.focus();
    await page.keyboard.press('Enter');
    // Tab into the drawing to node1 and select it with Enter.
    const node1 = page.locator('[data-pin="node1"]');
    for (let k = 0; k < 60 && !(await node1.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('Tab');
    await expect(node1).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('selection')).toContainText('node1');
    // Add a pod to it from the palette with Enter.
    const addPod = page.getByRole('button', { name: 'Add pod' });
    await addPod.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-label-for="pod5/eth0"]')).toContainText('10.10.10.3');
    // Its host end is named as the bridge plugin names it: veth and 8 hex digits (the seed's read veth-podN).
    const hostEnd = page.locator('[data-label-for^="node1/veth"]:not([data-label-for^="node1/veth-"])');
    await expect(hostEnd).toHaveCount(1);
    expect(await hostEnd.getAttribute('data-label-for')).toMatch(/^node1\/veth[0-9a-f]{8}$/);
    // Select the new pod's node again and move it with the arrows: each press one undo step.
    await node1.focus();
    await page.keyboard.press('Enter');
    // Drawing units (the camera may re-fit the whole lab on screen): Shift+→ is 50, ↓ is 10.
    const at = async () => machine(page, 'node1').evaluate((r) => [Number(r.getAttribute('x')), Number(r.getAttribute('y'))]);
    const [x0, y0] = await at();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect.poll(at).toEqual([(x0 ?? 0) + 50, (y0 ?? 0) + 10]);
    await page.keyboard.press('Control+z');
    await expect.poll(at).toEqual([(x0 ?? 0) + 50, y0]);
    await page.keyboard.press('Control+z');
    await expect.poll(at).toEqual([x0, y0]);
    await expect(page.locator('[data-ns="pod5"]').first()).toBeVisible();
    // Delete removes the selected pod with its host veth.
    await page.locator('[data-pin="pod5"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');
    await expect(page.locator('[data-ns="pod5"]')).toHaveCount(0);
    await expect(hostEnd).toHaveCount(0);
    // Escape lets the selection go.
    await node1.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('selection')).not.toContainText('node1');
  });

  test('says in Russian what a pod needs first', async ({ page }) => {
    await openApp(page, 'ru');
    await page.getByTestId('edit-mode').click();
    await expect(page.getByTestId('edit-mode')).toHaveText(/Правка/);
    await page.getByRole('button', { name: 'Добавить под' }).click();
    await expect(page.getByTestId('edit-error')).toHaveText('Сначала выберите ноду: под живёт на ноде.');
    for (const name of ['Добавить ноду', 'Добавить маршрутизатор', 'Добавить сегмент']) await expect(page.getByRole('button', { name })).toBeVisible();
  });

  for (const [w, h] of [[1280, 720], [800, 600]] as const) {
    test(`edit mode is accessible at ${w}×${h}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await openApp(page);
      await page.getByTestId('edit-mode').click();
      await page.getByRole('button', { name: 'Add node' }).click();
      await page.getByRole('button', { name: 'Add pod' }).click();
      await expect(page.getByTestId('checks')).toBeVisible();
      const axe = await new AxeBuilder({ page }).analyze();
      const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
