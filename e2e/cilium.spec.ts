import { expect, test, type Page } from '@playwright/test';
import { openApp } from './player';

/*
 * Cilium from the picker, in both languages: the lab draws no bridge but lxc devices and
 * cilium_vxlan, the log tells eBPF answering the ARP at the lxc and putting the packet into the
 * tunnel with the source's identity as the VNI; then the compare view sets the same packet under
 * Cilium beside Flannel VXLAN.
 */

function figure(page: Page, row: string, side: 1 | 2) {
  return page.locator(`[data-testid="compare-figures"] tr[data-row="${row}"] td`).nth(side - 1);
}

for (const lang of ['en', 'ru'] as const) {
  const T = lang === 'en'
    ? {
      scenario: 'Scenario', log: 'Event log', detailed: 'Detailed', group: 'Cilium: eBPF, tunnel and native routing (not kernel-recorded)',
      arp: /lxc5ea618a82d38 cil_from_container: ARP answered: 10\.10\.10\.254 is at 02:01:0a:0a:0a:01/,
      encap: /lxc5ea618a82d38 cil_from_container: tunnel to 172\.16\.100\.2, VNI 256/,
      deliver: /cilium_vxlan cil_from_overlay: into pod3, TTL 64 → 63/,
      why: /ipcache/, vni: 'VXLAN, VNI 256, UDP port 8472', vxlan: 'VXLAN, VNI 1, UDP port 8472',
    }
    : {
      scenario: 'Сценарий', log: 'Журнал событий', detailed: 'Подробно', group: 'Cilium: eBPF, туннель и маршрутизация без туннеля (без записи на ядре)',
      arp: /lxc5ea618a82d38 cil_from_container: ответ на ARP: 10\.10\.10\.254 — это 02:01:0a:0a:0a:01/,
      encap: /lxc5ea618a82d38 cil_from_container: в туннель к 172\.16\.100\.2, VNI 256/,
      deliver: /cilium_vxlan cil_from_overlay: в pod3, TTL 64 → 63/,
      why: /ipcache/, vni: 'VXLAN, VNI 256, порт UDP 8472', vxlan: 'VXLAN, VNI 1, порт UDP 8472',
    };

  test(`${lang}: the Cilium scenario answers ARP in eBPF, tunnels with the identity as VNI, and compares with Flannel VXLAN`, async ({ page }) => {
    await openApp(page, lang);
    const picker = page.getByRole('combobox', { name: T.scenario });
    for (const id of ['cilium-cold-ping-pod1-pod3', 'cilium-cold-ping-pod1-pod2', 'cilium-ttl-1-pod1-pod3', 'cilium-native-cold-ping-pod1-pod3', 'cilium-minikube-ping-pod-a-pod-b']) {
      await expect(picker.locator(`optgroup[label="${T.group}"] option[value="${id}"]`)).toHaveCount(1);
    }
    await picker.selectOption('cilium-cold-ping-pod1-pod3');
    const canvas = page.getByTestId('network-canvas');
    await expect(canvas.getByText('cilium_vxlan').first()).toBeVisible();
    await expect(canvas.getByText(/^lxc5ea618a82d38/).first()).toBeVisible();
    await expect(canvas.getByText(/^cni0/)).toHaveCount(0);

    await page.getByRole('tab', { name: T.log }).click();
    const rows = page.locator('[data-testid="log-list"] [role="option"] .log-text');
    await expect(rows.filter({ hasText: T.arp })).toHaveCount(1);
    await expect(rows.filter({ hasText: T.encap })).toHaveCount(1);
    await expect(rows.filter({ hasText: T.deliver })).toHaveCount(1);
    // The tunnel decision's detailed sentence says where its key came from.
    await rows.filter({ hasText: T.encap }).first().click();
    await page.getByRole('button', { name: T.detailed, exact: true }).click();
    await expect(page.getByText(T.why).first()).toBeVisible();

    // The same packet under Cilium and under Flannel VXLAN: one TTL decrement fewer, the same 50 bytes, another VNI.
    await page.getByTestId('compare-modes').click();
    await expect(page.getByTestId('compare-left-mode')).toHaveValue('cilium-tunnel');
    await page.getByTestId('compare-right-mode').selectOption('flannel-vxlan');
    await expect(figure(page, 'ttl', 1)).toHaveText('64 → 63');
    await expect(figure(page, 'ttl', 2)).toHaveText('64 → 62');
    await expect(figure(page, 'encapsulation', 1)).toHaveText(T.vni);
    await expect(figure(page, 'encapsulation', 2)).toHaveText(T.vxlan);
    await expect(figure(page, 'devices', 1)).toContainText('node1/cilium_vxlan');
    await expect(figure(page, 'devices', 2)).toContainText('node1/flannel.1');
    await expect(page.locator('[data-testid="compare-figures"] tr[data-row="ttl"]')).toHaveClass(/differs/);
  });
}
