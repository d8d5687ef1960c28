import { expect, test } from '@playwright/test';

test('a link opens a given cluster, journey, language and step', async ({ page }) => {
  await page.goto('/?nodes=6&pods=2&from=pod1-1&to=pod6-2&proto=tcp&port=80&lang=ru&theme=dark&step=5');
  await expect(page.locator('[data-machine]')).toHaveCount(7);
  await expect(page.getByTestId('step-count')).toHaveText(/^Событие 5 из \d+$/);
  await expect(page.getByTestId('proto')).toHaveValue('tcp');
  await expect(page.getByTestId('to')).toHaveValue('pod6-2');
  await expect(page.locator('.pj-app')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test('a link with mistakes names each one, in the page language, and still opens a working journey', async ({ page }) => {
  await page.goto('/?lang=en&nodes=9999&to=nosuch&ttl=2&speed=3&colour=red');
  const banner = page.getByTestId('link-error');
  await expect(banner).toContainText('?nodes=9999: the number of nodes must be a whole number from 1 to 5000');
  await expect(banner).toContainText('?to=nosuch: “nosuch” is neither a pod or machine of this lab nor an IPv4 address');
  await expect(banner).toContainText('?speed=3: the speed must be one of 0.25, 0.5, 1, 2, 4');
  await expect(banner).toContainText('Unknown link parameter “?colour”');
  // The good parts of the link apply: the seed lab, its default destination, TTL 2.
  await expect(page.locator('[data-machine]')).toHaveCount(3);
  await expect(page.getByTestId('to')).toHaveValue('pod3');
  await expect(page.getByTestId('ttl')).toHaveValue('2');
  await expect(page.getByTestId('step-count')).toHaveText(/^Event 1 of \d+$/);
  await expect(page.getByTestId('play')).toBeEnabled();
  await page.getByTestId('lang-ru').click();
  await expect(banner).toContainText('?nodes=9999: число нод должно быть целым числом от 1 до 5000. Показан учебный стенд.');
  await expect(banner).toContainText('Неизвестный параметр ссылки «?colour»');
  await page.getByTestId('link-error-close').click();
  await expect(banner).toHaveCount(0);
});

test('a 20-machine, 200-pod cluster opens at 4× with no complaint', async ({ page }) => {
  await page.goto('/?nodes=20&pods=10&speed=4&lang=en');
  await expect(page.locator('[data-machine]')).toHaveCount(21);
  await expect(page.locator('g[data-ns]')).toHaveCount(200);
  await expect(page.getByTestId('speed')).toHaveValue('4');
  await expect(page.getByTestId('link-error')).toHaveCount(0);
  // A big cluster starts following the packet: its labels are drawn larger than the whole-lab view would.
  await expect(page.getByTestId('network-canvas')).toHaveAttribute('data-follow', 'true');
});

test('an event number past the end opens at the last event and says so', async ({ page }) => {
  await page.goto('/?lang=en&step=5000');
  await expect(page.getByTestId('link-error')).toContainText(/\?step=5000: this journey has \d+ events; opened at the last one/);
  const m = /Event (\d+) of (\d+)/.exec((await page.getByTestId('step-count').textContent()) ?? '');
  expect(m?.[1]).toBe(m?.[2]);
});
