import { expect, test } from '@playwright/test';

/*
 * The built app ships a strict Content-Security-Policy and runs under it without a single
 * violation, whatever a link carries: hostile link values are only ever rendered as text.
 */

test('the built page carries a strict CSP and nothing violates it, hostile links included', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?lang=ru&nodes=6&pods=3&follow=1&step=40');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  await expect(page.getByTestId('step-count')).toHaveText(/^Событие 40 из \d+$/);
  const hostile = encodeURIComponent('<img src=x onerror=alert(1)>');
  await page.goto(`/?to=${hostile}&from=${hostile}&colour=${hostile}`);
  const banner = page.getByTestId('link-error');
  await expect(banner).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.getByTestId('network-canvas').press('ArrowRight');
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});
