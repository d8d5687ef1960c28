import { expect, test } from '@playwright/test';
import { openApp, readStep } from './player';

test.describe('choosing the journey', () => {
  test('a bad IP is named inline and the last good journey stays', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('End');
    const before = await readStep(page);
    await page.getByTestId('to').selectOption({ label: 'IP address…' });
    const ip = page.getByTestId('to-ip');
    await ip.fill('10.10.300.1');
    await expect(page.getByTestId('form-error')).toContainText('“10.10.300.1” is not a valid IPv4 address');
    await expect(ip).toHaveAttribute('aria-invalid', 'true');
    expect((await readStep(page)).total).toBe(before.total);

    await ip.fill('10.10.12.1');
    await expect(page.getByTestId('form-error')).toHaveCount(0);
    // Nothing routes 10.10.12.1 at the router: the drop is marked there, and an ICMP error comes back.
    await page.getByRole('tab', { name: 'Event log' }).click();
    await page.locator('.log-row').filter({ hasText: 'no route to the destination' }).first().click();
    const drop = await readStep(page);
    expect(drop.drop).toBe('no-route');
    await expect(page.locator('[data-drop]')).toContainText('Dropped: no route to the destination');
    await expect(page.locator('[data-drop]')).toHaveAttribute('data-at', /^router/);
  });

  test('TTL 1 dies at node1 and pod1 gets time exceeded', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('ttl').fill('1');
    await page.getByRole('button', { name: 'Last event' }).click();
    const last = await readStep(page);
    expect(last.total).toBeLessThan(60);
    expect(last.packets[0]?.kind).toBe('icmp-error');
    await expect(page.getByTestId('outcome')).toContainText('ICMP Time Exceeded came from 10.10.10.254 (node1)');
    await page.getByTestId('ttl').fill('0');
    await expect(page.getByTestId('form-error')).toContainText('TTL “0” must be a whole number from 1 to 255');
  });

  test('UDP to a closed port, two packets, warm caches', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('proto').selectOption('udp');
    await page.getByTestId('port').fill('9999');
    // Typed values apply on Enter (or on leaving the field, or after a pause).
    await page.getByTestId('count').fill('2');
    await page.getByTestId('count').press('Enter');
    const cold = (await readStep(page)).total;
    await page.getByTestId('clear-caches').uncheck();
    const warm = (await readStep(page)).total;
    // Warm caches skip the ARP exchanges.
    expect(warm).toBeLessThan(cold);
    await page.getByRole('button', { name: 'Last event' }).click();
    await expect(page.getByTestId('outcome')).toContainText(/unreachable/i);
  });
});
