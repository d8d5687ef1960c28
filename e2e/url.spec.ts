import { expect, test } from '@playwright/test';

test('a link opens a given cluster, journey, language and step', async ({ page }) => {
  await page.goto('/?nodes=6&pods=2&from=pod1-1&to=pod6-2&proto=tcp&port=80&lang=ru&theme=dark&step=5');
  await expect(page.locator('[data-machine]')).toHaveCount(7);
  await expect(page.getByTestId('step-count')).toHaveText(/^Шаг 5 из \d+$/);
  await expect(page.getByTestId('proto')).toHaveValue('tcp');
  await expect(page.getByTestId('to')).toHaveValue('pod6-2');
  await expect(page.locator('.pj-app')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});
