import { expect, test } from '@playwright/test';
import { openApp, readStep } from './player';

test('switches language, keeps test ids, and remembers the choice', async ({ page }) => {
  await openApp(page, 'en');
  await page.keyboard.press('ArrowRight');
  const en = await readStep(page);
  await page.getByTestId('lang-ru').click();
  await expect(page.getByTestId('hint')).toHaveCount(0);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Воспроизвести');
  await expect(page.getByTestId('next')).toHaveAttribute('aria-label', 'Следующее событие');
  await expect(page.getByTestId('step-count')).toHaveText(`Событие 2 из ${en.total}`);
  const ru = await readStep(page);
  expect(ru.explanation).not.toBe(en.explanation);
  expect(ru.explanation).toMatch(/[а-яё]/i);
  expect(ru.tag).toBe('pod1 · маршрут');
  await expect(page.locator('.pj-app')).toHaveAttribute('lang', 'ru');

  // The bare address (no link parameters) opens in the language chosen last time.
  await page.goto('/');
  await expect(page.getByTestId('hint')).toContainText('Нажмите «Воспроизвести» или →, чтобы пройти путь пакета событие за событием');
  await expect(page.getByTestId('hint-keys')).toHaveText('Клавиши: Пробел — пуск/пауза, ← → — предыдущее/следующее событие, Home/End — в начало/конец, F — следить за пакетом, P — панели');
  await page.getByTestId('lang-en').click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('opens in Russian when the browser prefers it', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'ru-RU' });
  const page = await ctx.newPage();
  await page.goto('/');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Воспроизвести');
  await ctx.close();
});
