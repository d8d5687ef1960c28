import { expect, test, type Page } from '@playwright/test';

/**
 * What sticks out of the side panel at this event: a table wider than its panel, a panel that
 * scrolls sideways, a badge ("new", "used now", "local") outside the panel's box. Empty when it all fits.
 */
async function overflows(page: Page): Promise<{ problems: string[]; badges: number }> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const panel = document.querySelector<HTMLElement>('[role="tabpanel"]');
    if (!panel) return { problems: ['no tab panel'], badges: 0 };
    const box = panel.getBoundingClientRect();
    const name = (el: Element) => el.closest('[data-testid^="table-"]')?.getAttribute('data-testid') ?? el.tagName;
    for (const el of [panel, ...document.querySelectorAll<HTMLElement>('.side, .drawer')]) {
      if (el.scrollWidth > el.clientWidth + 0.5) problems.push(`${el.className} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
    }
    for (const table of panel.querySelectorAll('table')) {
      const r = table.getBoundingClientRect();
      if (table.scrollWidth > panel.clientWidth + 0.5 || r.right > box.right + 0.5) problems.push(`${name(table)} is ${Math.round(r.width)} px in a ${panel.clientWidth} px panel`);
    }
    const badges = [...panel.querySelectorAll('.badge')];
    for (const b of badges) {
      const r = b.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) problems.push(`badge “${b.textContent}” in ${name(b)} runs out of the panel (${Math.round(r.left)}–${Math.round(r.right)} vs ${Math.round(box.left)}–${Math.round(box.right)})`);
      if (r.width < 8) problems.push(`badge “${b.textContent}” is cut to ${r.width} px`);
    }
    return { problems, badges: badges.length };
  });
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 960, height: 540 },
  { width: 800, height: 600 },
];

/** The seed journey, and an ARP nobody answers (INCOMPLETE, then FAILED: the widest Russian rows). */
const JOURNEYS = ['', '&to=10.10.11.99'];

for (const size of SIZES) {
  for (const lang of ['en', 'ru'] as const) {
    test(`${size.width}×${size.height} ${lang}: no table is wider than its panel and every badge stays inside, at every event`, async ({ page }) => {
      test.slow();
      await page.setViewportSize(size);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      let badges = 0;
      for (const journey of JOURNEYS) {
        await page.goto(`/?lang=${lang}&panels=1${journey}`);
        const tab = page.getByTestId('tab-tables');
        if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
        const total = Number(/(\d+)\D*$/.exec((await page.getByTestId('step-count').textContent()) ?? '')?.[1]);
        expect(total).toBeGreaterThan(20);
        for (let step = 1; step <= total; step++) {
          await page.getByTestId('timeline').fill(String(step - 1));
          const fit = await overflows(page);
          expect(fit.problems, `${journey || 'seed'} event ${step}`).toEqual([]);
          badges += fit.badges;
        }
      }
      // The check saw the badges it is about.
      expect(badges).toBeGreaterThan(50);
      await page.goto(`/?lang=${lang}&panels=1&to=10.10.11.99&step=83`);
      await page.getByTestId('tab-tables').scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`tables-${size.width}x${size.height}-${lang}.png`) });
    });
  }
}
