import { expect, test } from '@playwright/test';
import { openApp } from './player';

/*
 * The Flannel scenarios from the picker: the VXLAN journey draws flannel.1 on each node, and its
 * event log tells the encapsulation with the 50-byte overhead, in both languages.
 */
for (const lang of ['en', 'ru'] as const) {
  const T = lang === 'en'
    ? { scenario: 'Scenario', log: 'Event log', group: 'Flannel: VXLAN and host-gw', encap: /flannel\.1 → 172\.16\.100\.2: VNI 1: 98 bytes in 134/, decap: /flannel\.1 ← 172\.16\.100\.1: VNI 1: 98 bytes out of 134/ }
    : { scenario: 'Сценарий', log: 'Журнал событий', group: 'Flannel: VXLAN и host-gw', encap: /flannel\.1 → 172\.16\.100\.2: VNI 1: 98 байт в 134/, decap: /flannel\.1 ← 172\.16\.100\.1: VNI 1: 98 байт из 134/ };

  test(`${lang}: the Flannel VXLAN scenario encapsulates on node1 and decapsulates on node2`, async ({ page }) => {
    await openApp(page, lang);
    const picker = page.getByRole('combobox', { name: T.scenario });
    for (const id of ['flannel-vxlan-cold-ping-pod1-pod3', 'flannel-host-gw-cold-ping-pod1-pod3', 'flannel-vxlan-fragments', 'flannel-vxlan-frag-needed']) {
      await expect(picker.locator(`optgroup[label="${T.group}"] option[value="${id}"]`)).toHaveCount(1);
    }
    await picker.selectOption('flannel-vxlan-cold-ping-pod1-pod3');
    // flannel.1 is drawn on both nodes, with its /32 under its name (the NIC row is as wide as the pods).
    for (const [node, addr] of [['node1', '10.10.10.0/32'], ['node2', '10.10.11.0/32']] as const) {
      const lines = page.locator(`[data-label-for="${node}/flannel.1"] > tspan.label-main`);
      await expect(lines).toHaveText(['flannel.1', addr]);
      await expect(lines.last()).toBeVisible();
    }
    await page.getByRole('tab', { name: T.log }).click();
    const rows = page.locator('[data-testid="log-list"] [role="option"] .log-text');
    await expect(rows.filter({ hasText: T.encap })).toHaveCount(1);
    await expect(rows.filter({ hasText: T.decap })).toHaveCount(1);
    // The encapsulation's detailed sentence says where the 50 bytes come from.
    await rows.filter({ hasText: T.encap }).first().click();
    await page.getByRole('button', { name: lang === 'en' ? 'Detailed' : 'Подробно', exact: true }).click();
    await expect(page.getByText(/14 \+ 8 \+ 8 \+ 20 = 50/)).toBeVisible();
  });
}
