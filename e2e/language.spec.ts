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

/**
 * Texts only one language's tables hold: the interface's hint (components/i18n/strings.ts and
 * ru/strings.ts), a drop reason of the narrator (core/i18n/<lang>/story.ts) and a scenario's title
 * (core/presets/scenario-titles.<lang>.json).
 */
const ONLY_IN = {
  en: ['Press Play or → to go through the packet’s journey event by event', 'the reverse path filter on its ARP', 'First ping pod1 → pod3 (empty caches, other node)'],
  ru: ['Нажмите «Воспроизвести» или →, чтобы пройти путь пакета событие за событием', 'фильтр обратного пути для ARP', 'Первый ping pod1 → pod3 (кэши пусты, другая нода)'],
} as const;

for (const [lang, other] of [['en', 'ru'], ['ru', 'en']] as const) {
  test(`a page in ${lang} loads no ${other} text until the reader switches, then switches at once`, async ({ page }) => {
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) void r.text().then((t) => scripts.push(t), () => undefined);
    });
    await openApp(page, lang);
    await page.waitForLoadState('networkidle');
    const has = (text: string) => scripts.some((s) => s.includes(text));
    // The page's own language is in what it loaded (so a text written another way would fail here, not pass unseen)…
    for (const t of ONLY_IN[lang]) expect(has(t), t).toBe(true);
    // …and nothing of the other one.
    for (const t of ONLY_IN[other]) expect(has(t), t).toBe(false);
    await page.keyboard.press('ArrowRight');
    await page.getByTestId(`lang-${other}`).click();
    await expect(page.locator('.pj-app')).toHaveAttribute('lang', other);
    await expect(page.getByTestId('play')).toHaveAttribute('aria-label', other === 'ru' ? 'Воспроизвести' : 'Play');
    await expect(page.getByTestId('step-count')).toHaveText(other === 'ru' ? /^Событие 2 из \d+$/ : /^Event 2 of \d+$/);
    await expect(page.getByTestId('scenario').locator('option:checked')).toHaveText(ONLY_IN[other][2]);
    await expect.poll(() => ONLY_IN[other].every(has)).toBe(true);
  });
}
