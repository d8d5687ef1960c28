import { expect, test, type Page } from '@playwright/test';
import { openApp } from './player';

/*
 * Calico IP-in-IP: the same packet switched from Calico without encapsulation to IP-in-IP in the
 * compare view (tunl0 on the devices' path, 20 bytes more on the wire, the encapsulation named),
 * the lab then switched by "use this mode", and the inspector showing the IPv4 packet inside the
 * outer header with its 20 bytes added up.
 */
const figure = (page: Page, row: string, column: 1 | 2) => page.locator(`[data-testid="compare-figures"] tr[data-row="${row}"] td`).nth(column - 1);

for (const lang of ['en', 'ru'] as const) {
  const T = lang === 'en'
    ? { overhead: '20 (outer IPv4 header 20, nothing else)', encap: 'IP-in-IP (outer IPv4 header, protocol 4)', mode: 'Calico IP-in-IP (tunl0, IP protocol 4)', log: 'Event log' }
    : { overhead: '20 (только внешний заголовок IPv4, 20)', encap: 'IP-in-IP (внешний заголовок IPv4, протокол 4)', mode: 'Calico IP-in-IP (туннель tunl0, протокол IP 4)', log: 'Журнал событий' };

  test(`${lang}: the Calico packet compared with IP-in-IP, then the lab switched to it`, async ({ page }) => {
    await openApp(page, lang);
    await page.getByRole('combobox', { name: lang === 'en' ? 'Scenario' : 'Сценарий' }).selectOption('calico-cold-ping-pod1-pod3');
    const canvas = page.getByTestId('network-canvas');
    await expect(canvas.getByText('tunl0')).toHaveCount(0);
    await page.getByTestId('compare-modes').click();
    await expect(page.getByTestId('compare-left-mode')).toHaveValue('calico');
    await expect(page.locator('[data-testid="compare-right-mode"] option[value="calico-ipip"]')).toHaveText(T.mode);
    await page.getByTestId('compare-right-mode').selectOption('calico-ipip');
    await expect(figure(page, 'encapsulation', 2)).toHaveText(T.encap);
    await expect(figure(page, 'overhead', 1)).toHaveText('0');
    await expect(figure(page, 'overhead', 2)).toHaveText(T.overhead);
    await expect(figure(page, 'wire', 2)).toHaveText('118');
    await expect(figure(page, 'devices', 2)).toContainText('node1/tunl0');
    await expect(figure(page, 'devices', 2)).toContainText('node2/tunl0');
    // The outer TTL is no hop of the packet's: both arrive with 62.
    await expect(figure(page, 'ttl', 1)).toHaveText('64 → 62');
    await expect(figure(page, 'ttl', 2)).toHaveText('64 → 62');
    await page.getByTestId('compare-right-use').click();
    await expect(page.locator('#compare-right-mode option:checked, [data-testid="compare-right-mode"] option:checked')).toHaveText(new RegExp(`^${T.mode.replace(/[()]/g, '\\$&')}`));
    await page.getByTestId('compare-close').click();
    await expect(canvas.getByText(/^tunl0/).first()).toBeVisible();
    await page.getByRole('tab', { name: T.log }).click();
    const rows = page.locator('[data-testid="log-list"] [role="option"] .log-text');
    await expect(rows.filter({ hasText: /tunl0 → 172\.16\.100\.2/ }).first()).toBeVisible();
  });
}

test('the inspector shows an IP-in-IP packet: outer IPv4 with protocol ipip, the IPv4 packet inside, 20 bytes added up', async ({ page }) => {
  await openApp(page, 'en');
  await page.goto('/?preset=calico-ipip-cold-ping-pod1-pod3&step=30');
  const inspector = page.getByTestId('inspector');
  await expect(inspector.locator('[data-field="ipv4.proto"] dd')).toHaveText('ipip');
  await expect(inspector.locator('[data-field="ipv4.src"] dd')).toHaveText('172.16.100.1');
  const inner = page.getByTestId('inner-frame');
  await expect(inner.getByText('Inside: the IPv4 packet it carries (protocol 4)')).toBeVisible();
  await expect(inner.locator('[data-field="inner.ipv4.src"] dd')).toHaveText('10.10.10.1');
  await expect(inner.locator('[data-field="inner.ipv4.ttl"] dd')).toHaveText('63');
  // No Ethernet inside: IP-in-IP carries the IPv4 packet alone.
  await expect(inner.locator('[data-layer="inner.eth"]')).toHaveCount(0);
  await expect(page.getByTestId('encap-bytes')).toHaveText(/^104 bytes of outer IP = outer IPv4 header 20 \+ inner packet 84: 20 bytes more, .*\(1500 − 20 = 1480\)$/);
});
