import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './player';

/** Boxes of the main regions must not overlap one another. */
async function regions(page: Page) {
  const box = async (sel: string) => {
    const b = await page.locator(sel).first().boundingBox();
    if (!b) throw new Error(`${sel} is not visible`);
    return b;
  };
  return {
    header: await box('.pj-header'),
    stage: await box('.stage'),
    inspector: await box('[data-testid="inspector"]'),
    side: await box('.side'),
    footer: await box('.pj-footer'),
  };
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}

for (const [lang, theme] of [
  ['en', 'light'],
  ['en', 'dark'],
  ['ru', 'light'],
  ['ru', 'dark'],
] as const) {
  test(`${lang} ${theme}: regions do not overlap, text is legible, and axe finds nothing serious`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openApp(page, lang);
    await expect(page.locator('.pj-app')).toHaveAttribute('data-theme', theme);
    // Mid-journey: the router forwarding the request.
    await page.getByTestId('timeline').fill('52');
    const r = await regions(page);
    const names = Object.keys(r) as (keyof typeof r)[];
    for (const a of names) {
      expect(r[a].x + r[a].width, `${a} fits the width`).toBeLessThanOrEqual(1280.5);
      expect(r[a].y + r[a].height, `${a} fits the height`).toBeLessThanOrEqual(720.5);
      for (const b of names) if (a < b) expect(overlaps(r[a], r[b]), `${a} overlaps ${b}`).toBe(false);
    }
    // Drawing labels are at least 10 px on screen at the default zoom.
    const smallest = await page.locator('.iface-label tspan').evaluateAll((els) => Math.min(...els.map((e) => e.getBoundingClientRect().height)));
    expect(smallest).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: `${test.info().project.outputDir}/screenshots/mid-journey-${lang}-${theme}.png` });

    const axe = await new AxeBuilder({ page }).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
