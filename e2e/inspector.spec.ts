import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './player';

/** Edit mode with `ns` selected by a click on the drawing. */
async function inspect(page: Page, ns: string): Promise<Locator> {
  await page.getByTestId('edit-mode').click();
  await page.locator(`[data-pin="${ns}"]`).first().click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText(ns);
  return inspector;
}

/** Back to play mode, to the journey's last event: its outcome line. */
async function outcome(page: Page): Promise<Locator> {
  await page.getByTestId('edit-mode').click();
  await page.getByTestId('last').click();
  return page.getByTestId('outcome');
}

/** Press Tab until `target` has the focus (a keyboard user's way there), at most 60 times. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let k = 0; k < 60 && !(await target.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

test.describe('the inspector', () => {
  test('deleting node1\'s route drops the packet there; undo brings the route and the delivery back', async ({ page }) => {
    await openApp(page);
    const inspector = await inspect(page, 'node1');
    await inspector.getByRole('tab', { name: 'Routes (1)' }).click();
    await expect(page.getByTestId('route-dst-0')).toHaveValue('default');
    await expect(page.getByTestId('route-via-0')).toHaveValue('172.16.100.254');
    await expect(page.getByTestId('route-dev-0')).toHaveValue('eth0');
    await inspector.getByRole('button', { name: 'Delete route 1: default via 172.16.100.254 dev eth0' }).click();
    await expect(inspector.getByRole('tab', { name: 'Routes (0)' })).toBeVisible();
    await expect(page.getByTestId('routes-table').locator('tbody tr')).toHaveCount(0);
    await expect(await outcome(page)).toContainText('Echo replies back at pod1: 0 of 1. ICMP Destination Net Unreachable came from 10.10.10.254 (node1)');

    // One undo step puts the route back, and the echo reply arrives again.
    await page.getByTestId('edit-mode').click();
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('undo')).toBeDisabled();
    await expect(await outcome(page)).toContainText('Echo replies back at pod1: 1 of 1.');

    // A route typed into the new row, then a cell edited: each commit is one undo step.
    const insp = await inspect(page, 'router');
    await insp.getByRole('tab', { name: 'Routes (2)' }).click();
    await page.getByTestId('new-route-dst').fill('10.99.0.0/16');
    await page.getByTestId('new-route-via').fill('172.16.100.1');
    await page.getByTestId('new-route-via').press('Enter');
    await expect(page.getByTestId('route-dst-2')).toHaveValue('10.99.0.0/16');
    await expect(page.getByTestId('new-route-dst')).toHaveValue('');
    await expect(page.getByTestId('new-route-dst')).toBeFocused();
    await page.getByTestId('route-metric-2').fill('20');
    await page.getByTestId('route-metric-2').press('Enter');
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('route-metric-2')).toHaveValue('');
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('routes-table').locator('tbody tr[data-testid^="route-"]')).toHaveCount(2);
  });

  test('renaming a pod: the drawing, its node\'s veth and the journey form follow; undo follows back', async ({ page }) => {
    await openApp(page);
    const inspector = await inspect(page, 'pod1');
    const name = inspector.getByRole('textbox', { name: 'Name of pod1' });
    await name.fill('web');
    // Typing alone changes nothing: the lab changes on Enter.
    await expect(page.locator('[data-ns="pod1"]').first()).toBeVisible();
    await name.press('Enter');
    await expect(page.locator('[data-ns="web"]').first()).toBeVisible();
    await expect(page.locator('[data-ns="pod1"]')).toHaveCount(0);
    await expect(page.locator('[data-label-for="node1/veth-web"]')).toBeVisible();
    await expect(page.getByTestId('selection')).toContainText('web');
    await expect(inspector).toContainText('web (pod)');
    // The field keeps the focus through the rename.
    await expect(inspector.getByRole('textbox', { name: 'Name of web' })).toBeFocused();
    await expect(page.getByTestId('from')).toHaveValue('web');
    await expect(await outcome(page)).toContainText('Echo replies back at web: 1 of 1.');
    await page.getByTestId('edit-mode').click();
    await page.getByTestId('undo').click();
    await expect(page.locator('[data-ns="pod1"]').first()).toBeVisible();
    await expect(page.getByTestId('from')).toHaveValue('pod1');
    // Play mode let the selection go; selecting the pod again shows its old name.
    await page.locator('[data-pin="pod1"]').first().click();
    await expect(page.getByTestId('inspector')).toContainText('pod1 (pod)');
  });

  test('a refused value stays in its field with the reason, in English and in Russian, and the lab is unchanged', async ({ page }) => {
    await openApp(page);
    const inspector = await inspect(page, 'pod1');
    const mac = inspector.getByRole('textbox', { name: 'MAC of eth0' });
    await expect(mac).toHaveValue('02:00:0a:0a:0a:01');
    await mac.fill('01:00:5e:00:00:01');
    await mac.press('Enter');
    await expect(mac).toHaveAttribute('aria-invalid', 'true');
    await expect(mac).toHaveValue('01:00:5e:00:00:01');
    await expect(mac).toHaveAccessibleDescription(/01:00:5e:00:00:01 is a multicast address; an interface needs a unicast MAC \(Linux: "RTNETLINK answers: Cannot assign requested address"\)/);
    await expect(page.locator('[data-label-for="pod1/eth0"]')).toContainText('02:00:0a:0a:0a:01');
    await expect(page.getByTestId('undo')).toBeDisabled();

    // The reason follows the language; the refused value is still there to correct.
    await page.getByTestId('lang-ru').click();
    const macRu = inspector.getByRole('textbox', { name: 'MAC: eth0' });
    await expect(macRu).toHaveValue('01:00:5e:00:00:01');
    await expect(macRu).toHaveAccessibleDescription(/01:00:5e:00:00:01 — групповой \(multicast\) адрес, а интерфейсу нужен индивидуальный \(unicast\) MAC-адрес \(Linux: «RTNETLINK answers: Cannot assign requested address»\)/);
    await expect(inspector.getByTestId('inspector-reason').filter({ hasText: 'групповой' })).toBeVisible();

    // Escape puts the lab's value back; a good value is taken as one undo step.
    await macRu.press('Escape');
    await expect(macRu).toHaveValue('02:00:0a:0a:0a:01');
    await expect(macRu).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('selection')).toContainText('pod1');
    await macRu.fill('02:00:0A:0A:0A:99');
    await macRu.press('Tab');
    await expect(macRu).toHaveValue('02:00:0a:0a:0a:99');
    await expect(page.locator('[data-label-for="pod1/eth0"]')).toContainText('02:00:0a:0a:0a:99');
    await expect(page.getByTestId('undo')).toBeEnabled();

    // A route Linux refuses says so in Linux's words, and nothing is added.
    await inspector.getByRole('tab', { name: 'Маршруты (1)' }).click();
    await page.getByTestId('new-route-dst').fill('10.10.11.1/24');
    await page.getByTestId('add-route').click();
    await expect(inspector.getByTestId('inspector-reason').filter({ hasText: 'в префиксе 10.10.11.1/24 заданы биты номера хоста' })).toContainText('Error: Invalid prefix for given prefix length.');
    await expect(page.getByTestId('routes-table').locator('tbody tr[data-testid^="route-"]')).toHaveCount(1);
  });

  test('one edit with the keyboard only: the router stops forwarding, and Ctrl+Z turns it back on', async ({ page }) => {
    await openApp(page);
    const edit = page.getByTestId('edit-mode');
    await edit.focus();
    await page.keyboard.press('Enter');
    const router = page.locator('[data-pin="router"]');
    await tabTo(page, page.locator('[data-pin="node1"]'));
    for (let k = 0; k < 6 && !(await router.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('ArrowRight');
    await expect(router).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('inspector')).toContainText('router (router)');
    // To the inspector's tabs, then the arrows to Sysctls, then Tab to ip_forward and Space.
    await tabTo(page, page.getByRole('tab', { name: 'Interfaces (1)' }));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Sysctls' })).toBeFocused();
    const forward = page.getByRole('checkbox', { name: 'ip_forward' });
    await tabTo(page, forward);
    await expect(forward).toBeChecked();
    await page.keyboard.press('Space');
    await expect(forward).not.toBeChecked();
    // The checkbox's arrows stay in the inspector: the router has not moved, and one step was made.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('undo')).toBeEnabled();
    await page.keyboard.press('Control+z');
    await expect(forward).toBeChecked();
    await expect(page.getByTestId('undo')).toBeDisabled();
    await page.keyboard.press('Control+y');
    await expect(forward).not.toBeChecked();
    await expect(await outcome(page)).toContainText('Echo replies back at pod1: 0 of 1. TTL: 64 → 63 (node1)');
  });

  for (const [w, h] of [[1280, 720], [960, 540], [800, 600]] as const) {
    for (const lang of ['en', 'ru'] as const) {
      test(`fits the editor's panel and is accessible at ${w}×${h} (${lang})`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        await openApp(page, lang);
        const inspector = await inspect(page, 'node1');
        const panel = page.getByTestId('editor-panel');
        for (const tab of ['interfaces', 'routes', 'sysctls']) {
          await page.getByTestId(`inspector-tab-${tab}`).click();
          if (tab === 'sysctls') await page.locator('[data-testid="sysctl-iface-0"] > summary').click();
          // Inside the panel, never wider than it: long contents scroll inside the inspector.
          const [box, outer] = [await inspector.boundingBox(), await panel.boundingBox()];
          if (!box || !outer) throw new Error('not on screen');
          expect(box.x).toBeGreaterThanOrEqual(outer.x - 1);
          expect(box.x + box.width).toBeLessThanOrEqual(outer.x + outer.width + 1);
          expect(box.y + box.height).toBeLessThanOrEqual(outer.y + outer.height + 1);
          expect(await inspector.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
          expect(box.y + box.height).toBeLessThanOrEqual(h);
          const axe = await new AxeBuilder({ page }).include('[data-testid="editor-panel"]').analyze();
          expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        }
      });
    }
  }
});
