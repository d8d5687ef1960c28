import { expect, test, type Page } from '@playwright/test';
import { openApp, readStep } from './player';

/** How many journeys this app has run since it opened (the form's counter). */
async function runs(page: Page): Promise<number> {
  return Number(await page.locator('form.journey-form').getAttribute('data-runs'));
}

test.describe('a form that waits for the user', () => {
  test('typing "1000" runs no journey; the journey from before the edit stays, with the error after a pause', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('End');
    const before = await readStep(page);
    const start = await runs(page);
    const count = page.getByTestId('count');
    await count.selectText();
    await count.pressSequentially('1000', { delay: 120 });
    // While typing: nothing ran, nothing is red yet.
    expect(await runs(page)).toBe(start);
    await expect(page.getByTestId('form-error')).toContainText('Packets “1000” must be a whole number from 1 to 10');
    await expect(count).toHaveAttribute('aria-invalid', 'true');
    expect(await runs(page)).toBe(start);
    const after = await readStep(page);
    expect(after.total).toBe(before.total);
    expect(after.step).toBe(before.step);

    // A good value runs once, on Enter.
    await count.fill('2');
    await count.press('Enter');
    await expect(page.getByTestId('form-error')).toHaveCount(0);
    expect(await runs(page)).toBe(start + 1);
    expect((await readStep(page)).total).toBeGreaterThan(before.total);
  });

  test('a typed TTL applies after a short pause, once', async ({ page }) => {
    await openApp(page);
    const start = await runs(page);
    const total = (await readStep(page)).total;
    const ttl = page.getByTestId('ttl');
    await ttl.selectText();
    await ttl.pressSequentially('1', { delay: 50 });
    await expect.poll(() => runs(page), { timeout: 3000 }).toBe(start + 1);
    expect((await readStep(page)).total).toBeLessThan(total);
    await page.waitForTimeout(900);
    expect(await runs(page)).toBe(start + 1);
  });

  test('"IP address…" offers an empty field with the cursor in it and no error until it is left', async ({ page }) => {
    await openApp(page, 'ru');
    await page.getByTestId('to').selectOption({ label: 'IP-адрес…' });
    const ip = page.getByTestId('to-ip');
    await expect(ip).toBeFocused();
    await page.waitForTimeout(800);
    await expect(page.getByTestId('form-error')).toHaveCount(0);
    await expect(ip).not.toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('form-error')).toContainText('Куда: IP-адрес не введён');
    await ip.fill('10.10.11.1');
    await ip.press('Enter');
    await expect(page.getByTestId('form-error')).toHaveCount(0);
  });
});
