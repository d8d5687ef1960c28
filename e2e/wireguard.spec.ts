import { expect, test, type Page } from '@playwright/test';
import { openApp } from './player';

/*
 * Cilium with WireGuard, in both languages: the same packet as Cilium's tunnel scenario, switched in
 * the compare view to tunnel + WireGuard (the VXLAN datagram encrypted in UDP 51871: 50 + 70 bytes
 * more) and to native routing + WireGuard; then the WireGuard scenario itself, whose log shows the
 * handshake before the first packet leaves and whose inspector shows only the message's header.
 */

function figure(page: Page, row: string, side: 1 | 2) {
  return page.locator(`[data-testid="compare-figures"] tr[data-row="${row}"] td`).nth(side - 1);
}

for (const lang of ['en', 'ru'] as const) {
  const T = lang === 'en'
    ? {
      scenario: 'Scenario', log: 'Event log', group: 'Cilium: eBPF, tunnel and native routing (not kernel-recorded)',
      tunnelWg: 'VXLAN, VNI 256, UDP port 8472; WireGuard, UDP port 51871 (encrypted: only its header is readable)',
      overhead: /^120 \(VXLAN 50, then WireGuard 70: outer IPv4 20 \+ UDP 8 \+ header 16 \+ tag 16 \+ padding 10/,
      nativeOverhead: /^72 \(WireGuard 72: .* padding 12/,
      init: /cilium_wg0: handshake initiation to node2 \(148 bytes\)/, resp: /cilium_wg0: handshake response to node1 \(92 bytes\)/,
      staged: /cilium_wg0: waits for a session with node2/, type: '4, transport data',
    }
    : {
      scenario: 'Сценарий', log: 'Журнал событий', group: 'Cilium: eBPF, туннель и маршрутизация без туннеля (без записи на ядре)',
      tunnelWg: 'VXLAN, VNI 256, порт UDP 8472; WireGuard, порт UDP 51871 (шифрование: читается только заголовок)',
      overhead: /^120 \(VXLAN 50, затем WireGuard 70: внешний IPv4 20 \+ UDP 8 \+ заголовок 16 \+ метка 16 \+ дополнение 10/,
      nativeOverhead: /^72 \(WireGuard 72: .* дополнение 12/,
      init: /cilium_wg0: начало рукопожатия к ноде node2 \(148 байт\)/, resp: /cilium_wg0: ответ рукопожатия ноде node1 \(92 байта\)/,
      staged: /cilium_wg0: ждёт сеанса с нодой node2/, type: '4, данные',
    };

  test(`${lang}: the same packet under Cilium with WireGuard in the compare view, and the handshake in the log`, async ({ page }) => {
    await openApp(page, lang);
    const picker = page.getByRole('combobox', { name: T.scenario });
    for (const id of ['cilium-wireguard-cold-ping-pod1-pod3', 'cilium-native-wireguard-cold-ping-pod1-pod3']) {
      await expect(picker.locator(`optgroup[label="${T.group}"] option[value="${id}"]`)).toHaveCount(1);
    }
    await picker.selectOption('cilium-cold-ping-pod1-pod3');
    // The list shows the scenario once its lab and journey are here (the catalogue and the lab's datapath packs load first).
    await expect(picker).toHaveValue('cilium-cold-ping-pod1-pod3');

    // The same packet: Cilium's tunnel beside tunnel + WireGuard, then native routing + WireGuard.
    await page.getByTestId('compare-modes').click();
    await expect(page.getByTestId('compare-left-mode')).toHaveValue('cilium-tunnel');
    await page.getByTestId('compare-right-mode').selectOption('cilium-tunnel-wg');
    await expect(figure(page, 'encapsulation', 2)).toHaveText(T.tunnelWg);
    await expect(figure(page, 'overhead', 2)).toHaveText(T.overhead);
    await expect(figure(page, 'wire', 2)).toHaveText('218');
    await expect(figure(page, 'devices', 2)).toContainText('node1/cilium_wg0');
    // The handshake's round trip shows in the time it takes, not in the TTL.
    await expect(figure(page, 'ttl', 2)).toHaveText('64 → 63');
    await expect(page.locator('[data-testid="compare-figures"] tr[data-row="time"]')).toHaveClass(/differs/);
    await page.getByTestId('compare-right-mode').selectOption('cilium-native-wg');
    await expect(figure(page, 'overhead', 2)).toHaveText(T.nativeOverhead);
    await expect(figure(page, 'wire', 2)).toHaveText('170');
    await page.keyboard.press('Escape');

    // The WireGuard scenario: staged, handshake of 148 and 92 bytes, then the encrypted datagram.
    await picker.selectOption('cilium-wireguard-cold-ping-pod1-pod3');
    await expect(page.getByTestId('network-canvas').getByText('cilium_wg0').first()).toBeVisible();
    await page.getByRole('tab', { name: T.log }).click();
    const rows = page.locator('[data-testid="log-list"] [role="option"] .log-text');
    await expect(rows.filter({ hasText: T.staged })).toHaveCount(1);
    await expect(rows.filter({ hasText: T.init })).toHaveCount(1);
    await expect(rows.filter({ hasText: T.resp })).toHaveCount(1);
    // The encrypted datagram on node1's eth0: the inspector shows its readable header, no inner packet.
    const data = page.locator('[data-testid="log-list"] [role="option"]').filter({ hasText: /51871/ }).last();
    await data.click();
    await expect(page.locator('[data-layer="wireguard"]')).toBeVisible();
    await expect(page.locator('[data-field="wireguard.type"] dd')).toHaveText(T.type);
    await expect(page.getByTestId('inner-frame')).toHaveCount(0);
  });
}
