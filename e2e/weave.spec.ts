import { expect, test, type Page } from '@playwright/test';
import { openApp } from './player';

/*
 * Weave Net from the picker, in both languages: the lab draws the bridge weave, the OVS datapath
 * and fastdp's vxlan-6784 on each node; the log tells the datapath's flow miss, weaver's answer to
 * the upcall with the tunnel to the other node (VNI = both peers' short IDs) and the flow hits on
 * the way back; then the compare view sets the same packet under Weave beside Flannel VXLAN: the
 * same 50 bytes, but the TTL arrives unchanged.
 */

function figure(page: Page, row: string, side: 1 | 2) {
  return page.locator(`[data-testid="compare-figures"] tr[data-row="${row}"] td`).nth(side - 1);
}

for (const lang of ['en', 'ru'] as const) {
  const T = lang === 'en'
    ? {
      scenario: 'Scenario', log: 'Event log', detailed: 'Detailed', group: 'Weave Net, historical: OVS datapath and VXLAN (not kernel-recorded)',
      miss: /^datapath \(vethwe-datapath\): no flow: up to weaver$/,
      upcall: /^datapath \(vethwe-datapath\): weaver: VXLAN to node2, VNI \d+, flow installed$/,
      hit: /^datapath \(vxlan-6784\): flow: vethwe-datapath$/,
      why: /short ID/, vni: /^VXLAN, VNI \d+, UDP port 6784$/, vxlan: 'VXLAN, VNI 1, UDP port 8472', overhead: /^50 /,
    }
    : {
      scenario: 'Сценарий', log: 'Журнал событий', detailed: 'Подробно', group: 'Weave Net, история: путь данных OVS и VXLAN (без записи на ядре)',
      miss: /^datapath \(vethwe-datapath\): потока нет: вопрос к weaver$/,
      upcall: /^datapath \(vethwe-datapath\): weaver: VXLAN к машине node2, VNI \d+, поток установлен$/,
      hit: /^datapath \(vxlan-6784\): поток: vethwe-datapath$/,
      why: /short ID/, vni: /^VXLAN, VNI \d+, порт UDP 6784$/, vxlan: 'VXLAN, VNI 1, порт UDP 8472', overhead: /^50 /,
    };

  test(`${lang}: the Weave scenario misses, asks weaver, tunnels to UDP 6784, and keeps the TTL against Flannel VXLAN`, async ({ page }) => {
    await openApp(page, lang);
    const picker = page.getByRole('combobox', { name: T.scenario });
    for (const id of ['weave-cold-ping-pod1-pod3', 'weave-two-pings-pod1-pod3']) {
      await expect(picker.locator(`optgroup[label="${T.group}"] option[value="${id}"]`)).toHaveCount(1);
    }
    await picker.selectOption('weave-cold-ping-pod1-pod3');
    const canvas = page.getByTestId('network-canvas');
    await expect(canvas.getByText('vxlan-6784').first()).toBeVisible();
    await expect(canvas.getByText('vethwe-datapath').first()).toBeVisible();
    await expect(canvas.getByText(/^weave 10\./).first()).toBeVisible();

    // Play it: the playhead moves on by itself; then on to the end, and read the log.
    const count = page.getByTestId('step-count');
    const before = await count.textContent();
    await page.getByTestId('play').click();
    await expect(count).not.toHaveText(before ?? '');
    await page.getByTestId('last').click();
    await expect(count).toHaveText(/(\d+)\D+\1$/);
    await page.getByRole('tab', { name: T.log }).click();
    const rows = page.locator('[data-testid="log-list"] [role="option"] .log-text');
    await expect(rows.filter({ hasText: T.miss }).first()).toBeVisible();
    await expect(rows.filter({ hasText: T.upcall })).not.toHaveCount(0);
    await expect(rows.filter({ hasText: T.hit })).toHaveCount(1);
    // weaver's answer, at the detailed level, says what the VNI holds.
    await rows.filter({ hasText: T.upcall }).first().click();
    await page.getByRole('button', { name: T.detailed, exact: true }).click();
    await expect(page.getByText(T.why).first()).toBeVisible();
    await page.screenshot({ path: `test-results/weave-${lang}-1280x720.png` });

    // The same packet under Weave and under Flannel VXLAN: the same overhead, no hop, another VNI and port.
    await page.getByTestId('compare-modes').click();
    await expect(page.getByTestId('compare-left-mode')).toHaveValue('weave');
    await page.getByTestId('compare-right-mode').selectOption('flannel-vxlan');
    await expect(figure(page, 'ttl', 1)).toHaveText('64 → 64');
    await expect(figure(page, 'ttl', 2)).toHaveText('64 → 62');
    await expect(figure(page, 'overhead', 1)).toHaveText(T.overhead);
    await expect(figure(page, 'overhead', 2)).toHaveText(T.overhead);
    await expect(figure(page, 'encapsulation', 1)).toHaveText(T.vni);
    await expect(figure(page, 'encapsulation', 2)).toHaveText(T.vxlan);
    await expect(figure(page, 'devices', 1)).toContainText('node1/vxlan-6784');
    await expect(figure(page, 'devices', 2)).toContainText('node1/flannel.1');
  });
}
