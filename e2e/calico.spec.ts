import { expect, test } from '@playwright/test';
import { openApp } from './player';

/*
 * The Calico scenarios from the picker, in both languages: the seed's nodes without a bridge, pod1
 * asking for 169.254.1.1 and node1 answering by proxy ARP with ee:ee:ee:ee:ee:ee; then the same
 * packet compared with Calico VXLAN (vxlan.calico, VNI 4096, UDP 4789).
 */
for (const lang of ['en', 'ru'] as const) {
  const T = lang === 'en'
    ? { scenario: 'Scenario', log: 'Event log', group: 'Calico: no bridge, proxy ARP, BGP routes, VXLAN or IP-in-IP', title: 'The same packet under two datapath modes: pod1 → pod3', vxlan: 'VXLAN, VNI 4096, UDP port 4789' }
    : { scenario: 'Сценарий', log: 'Журнал событий', group: 'Calico: без моста, proxy ARP, маршруты BGP, VXLAN или IP-in-IP', title: 'Один и тот же пакет в двух режимах пути данных: pod1 → pod3', vxlan: /4096.*4789/ };

  test(`${lang}: the Calico scenario answers 169.254.1.1 by proxy ARP, and compares with Calico VXLAN`, async ({ page }) => {
    await openApp(page, lang);
    const picker = page.getByRole('combobox', { name: T.scenario });
    for (const id of ['calico-cold-ping-pod1-pod3', 'calico-vxlan-cold-ping-pod1-pod3', 'calico-minikube-ping-pod-a-pod-b']) {
      await expect(picker.locator(`optgroup[label="${T.group}"] option[value="${id}"]`)).toHaveCount(1);
    }
    await picker.selectOption('calico-cold-ping-pod1-pod3');
    const canvas = page.getByTestId('network-canvas');
    // No bridge on either node: each pod's host end is a cali* veth of its own.
    await expect(canvas.getByText('cni0')).toHaveCount(0);
    await expect(canvas.getByText(/^calice0906292e2/).first()).toBeVisible();
    await page.getByRole('tab', { name: T.log }).click();
    const rows = page.locator('[data-testid="log-list"] [role="option"] .log-text');
    // pod1's one ARP request, for the placeholder gateway, and node1's proxy answer.
    await expect(rows.filter({ hasText: /169\.254\.1\.1/ }).filter({ hasText: /ee:ee:ee:ee:ee:ee/ }).first()).toBeVisible();

    await page.getByTestId('compare-modes').click();
    await expect(page.getByRole('dialog', { name: T.title })).toBeVisible();
    await expect(page.getByTestId('compare-left-mode')).toHaveValue('calico');
    await page.getByTestId('compare-right-mode').selectOption('calico-vxlan');
    const enc = page.locator('[data-testid="compare-figures"] tr[data-row="encapsulation"] td');
    await expect(enc.nth(0)).not.toHaveText(T.vxlan);
    await expect(enc.nth(1)).toHaveText(T.vxlan);
    await expect(page.locator('[data-testid="compare-figures"] tr[data-row="devices"] td').nth(1)).toContainText('node1/vxlan.calico');
  });
}
