import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './player';

/*
 * The compare view: the journey's first packet under two datapath modes side by side, each side a
 * player of its own, the figures that differ, switching a side's mode, driving both, and applying a
 * mode to the lab (one undo step).
 */

function figure(page: Page, row: string, side: 1 | 2) {
  return page.locator(`[data-testid="compare-figures"] tr[data-row="${row}"] td`).nth(side - 1);
}

test.describe('compare datapath modes', () => {
  test('the seed journey routed and under Flannel VXLAN: one router fewer, 50 bytes more, the same packet', async ({ page }) => {
    await openApp(page, 'en');
    await page.getByTestId('compare-modes').click();
    const dialog = page.getByRole('dialog', { name: 'The same packet under two datapath modes: pod1 → pod3' });
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('compare-left-mode')).toHaveValue('bridge');
    await expect(page.getByTestId('compare-right-mode')).toHaveValue('flannel-vxlan');
    await expect(figure(page, 'ttl', 1)).toHaveText('64 → 61');
    await expect(figure(page, 'ttl', 2)).toHaveText('64 → 62');
    await expect(figure(page, 'hops', 1)).toHaveText('3');
    await expect(figure(page, 'hops', 2)).toHaveText('2');
    await expect(figure(page, 'overhead', 2)).toHaveText('50 (outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14)');
    await expect(figure(page, 'encapsulation', 2)).toHaveText('VXLAN, VNI 1, UDP port 8472');
    await expect(figure(page, 'devices', 2)).toContainText('node1/flannel.1');
    await expect(page.locator('[data-testid="compare-figures"] tr[data-row="ttl"]')).toHaveClass(/differs/);
    await expect(page.locator('[data-testid="compare-figures"] tr[data-row="source"]')).not.toHaveClass(/differs/);

    // Both sides step together, each in its own player.
    await page.getByTestId('compare-next').click();
    await page.getByTestId('compare-next').click();
    await expect(page.getByTestId('compare-left').getByTestId('step-count')).toHaveText(/^Event 3 of \d+$/);
    await expect(page.getByTestId('compare-right').getByTestId('step-count')).toHaveText(/^Event 3 of \d+$/);
    // One side alone.
    await page.getByTestId('compare-right').getByTestId('next').click();
    await expect(page.getByTestId('compare-right').getByTestId('step-count')).toHaveText(/^Event 4 of \d+$/);
    await expect(page.getByTestId('compare-left').getByTestId('step-count')).toHaveText(/^Event 3 of \d+$/);

    // Switch the right side to host-gw: the same two routers, nothing added on the wire.
    await page.getByTestId('compare-right-mode').selectOption('flannel-host-gw');
    await expect(figure(page, 'hops', 2)).toHaveText('2');
    await expect(figure(page, 'overhead', 2)).toHaveText('0');
    await expect(figure(page, 'encapsulation', 2)).toHaveText('none');
    await expect(figure(page, 'devices', 2)).not.toContainText('flannel.1');

    const axe = await new AxeBuilder({ page }).include('[data-testid="compare"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('compare-modes')).toBeFocused();
  });

  test('"Use this mode" switches the lab itself, as one undo step, and the journey plays through flannel.1', async ({ page }) => {
    await openApp(page, 'en');
    const canvas = page.getByTestId('network-canvas');
    await expect(canvas.getByText('flannel.1')).toHaveCount(0);
    await page.getByTestId('compare-modes').click();
    await page.getByTestId('compare-right-use').click();
    // The lab is now in that mode: the left side says so, and the dialog can be closed on it.
    await expect(page.getByTestId('compare-left-mode')).toHaveValue('bridge');
    await expect(page.locator('#compare-right-mode option:checked')).toHaveText(/\(this lab\)$/);
    await page.getByTestId('compare-close').click();
    await expect(canvas.getByText('flannel.1').first()).toBeVisible();
    // Undo (edit mode's history) brings the routed lab back.
    await page.getByTestId('edit-mode').click();
    await page.keyboard.press('Control+z');
    await expect(canvas.getByText('flannel.1')).toHaveCount(0);
  });

  test('in Russian', async ({ page }) => {
    await openApp(page, 'ru');
    await page.getByTestId('compare-modes').click();
    await expect(page.getByRole('dialog', { name: 'Один и тот же пакет в двух режимах пути данных: pod1 → pod3' })).toBeVisible();
    await expect(figure(page, 'encapsulation', 2)).toHaveText('VXLAN, VNI 1, порт UDP 8472');
    await expect(page.locator('[data-testid="compare-figures"] tr[data-row="ttl"] th')).toHaveText('TTL у получателя');
  });
});

test('on the notes’ cluster (Flannel VXLAN, no router) the other side starts with host-gw, which arrives, not the routed bridge mode', async ({ page }) => {
  await page.goto('/?preset=flannel-minikube-ping-pod-a-pod-b&lang=en');
  await page.getByTestId('compare-modes').click();
  await expect(page.getByTestId('compare-left-mode')).toHaveValue('flannel-vxlan');
  await expect(page.getByTestId('compare-right-mode')).toHaveValue('flannel-host-gw');
});

test('the packet inspector shows a VXLAN datagram as layers within layers, with its 50 bytes added up', async ({ page }) => {
  await openApp(page, 'en');
  await page.goto('/?preset=flannel-vxlan-cold-ping-pod1-pod3&step=40');
  const inspector = page.getByTestId('inspector');
  await expect(inspector.locator('[data-field="udp.dport"] dd')).toHaveText('8472');
  await expect(inspector.locator('[data-field="vxlan.vni"] dd')).toHaveText('1');
  const inner = page.getByTestId('inner-frame');
  await expect(inner.locator('[data-field="inner.ipv4.src"] dd')).toHaveText('10.10.10.1');
  await expect(inner.locator('[data-field="inner.ipv4.dst"] dd')).toHaveText('10.10.11.1');
  await expect(page.getByTestId('encap-bytes')).toHaveText(/^134 bytes of outer IP = IPv4 20 \+ UDP 8 \+ VXLAN 8 \+ inner Ethernet 14 \+ inner packet 84/);
});
