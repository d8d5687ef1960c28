import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { labelLines, openApp } from './player';

/*
 * The player in class (issue 8.1): legible on a 1280×720 projector, in a 16:9 slide's 960×540
 * iframe and in an 800×600 window, in both languages.
 */


function median(xs: number[]): number {
  const a = xs.length;
  if (a === 0) return 0;
  const lo = xs[Math.floor((a - 1) / 2)] ?? 0;
  const hi = xs[Math.floor(a / 2)] ?? 0;
  return (lo + hi) / 2;
}

/** The preview's address, for the slide page's iframe. */
function appUrl(query: string): string {
  const base = test.info().project.use.baseURL ?? 'http://127.0.0.1:4173';
  return `${base}/?${query}`;
}

/**
 * A plain slide: a title, a line of text, and the player in a 960×540 iframe, as a teacher embeds
 * it in a 16:9 deck. Returns the player's frame once it has drawn.
 */
async function openSlide(page: Page, query: string): Promise<Frame> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>Slide 7</title></head><body style="margin:0;font-family:sans-serif">
      <main><h1 style="font-size:28px;margin:16px 24px">Slide 7: a ping between two nodes</h1>
      <iframe src="${appUrl(query)}" width="960" height="540" style="border:0;display:block;margin:0 24px" title="Packet Journey"></iframe></main>
    </body></html>`,
  );
  const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the player frame did not load');
  await expect(frame.getByTestId('step-count')).toBeVisible();
  await expect(frame.getByTestId('app')).toHaveAttribute('data-size', 'compact');
  return frame;
}

/** Scale of the camera (drawing units to pixels). */
async function scale(frame: Frame): Promise<number> {
  return Number(await frame.getByTestId('camera').getAttribute('data-scale'));
}

/**
 * Is the source pod wholly in view and on top everywhere? Samples its box: the element found there
 * must belong to the drawing (its box, labels, or the packet resting on it), never a hint, legend,
 * button or panel laid over it.
 */
async function sourceUncovered(frame: Frame, pod: string): Promise<{ visible: boolean; covers: string[] }> {
  return frame.evaluate((ns) => {
    const svg = document.querySelector('[data-testid="network-canvas"]');
    const box = document.querySelector(`g[data-ns="${ns}"] rect`);
    if (!svg || !box) return { visible: false, covers: ['no drawing'] };
    const a = svg.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const visible = b.left >= a.left - 0.5 && b.top >= a.top - 0.5 && b.right <= a.right + 0.5 && b.bottom <= a.bottom + 0.5;
    const covers: string[] = [];
    for (const fx of [0.02, 0.25, 0.5, 0.75, 0.98]) {
      for (const fy of [0.04, 0.5, 0.96]) {
        const el = document.elementFromPoint(b.left + b.width * fx, b.top + b.height * fy);
        if (!el || !svg.contains(el)) covers.push(el ? `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}` : 'nothing');
      }
    }
    return { visible, covers };
  }, pod);
}

test.describe('projector, 1280×720', () => {
  for (const lang of ['en', 'ru'] as const) {
    test(`${lang}: the default view's labels are at least 14 px, and nothing covers the source pod`, async ({ page }) => {
      await openApp(page, lang);
      await expect(page.getByTestId('app')).toHaveAttribute('data-size', 'wide');
      await expect(page.getByTestId('hint')).toBeVisible();
      const lines = await labelLines(page.mainFrame());
      expect(lines.length).toBeGreaterThan(20);
      expect(median(lines), `label heights ${lines.join(', ')}`).toBeGreaterThanOrEqual(14);
      // The whole lab is in view, MACs and prefixes included at this size.
      await expect(page.getByTestId('network-canvas')).toHaveAttribute('data-lod', 'full');
      expect(await sourceUncovered(page.mainFrame(), 'pod1')).toEqual({ visible: true, covers: [] });
    });
  }
});

test.describe('a 16:9 slide, the player in a 960×540 iframe', () => {
  for (const lang of ['en', 'ru'] as const) {
    test(`${lang}: the whole lab at 10 px or more, following the packet at 12 px or more, the start clear`, async ({ page }) => {
      const frame = await openSlide(page, `lang=${lang}`);
      const whole = await labelLines(frame);
      expect(median(whole), `whole lab: ${whole.join(', ')}`).toBeGreaterThanOrEqual(10);
      expect(await sourceUncovered(frame, 'pod1')).toEqual({ visible: true, covers: [] });
      const wholeK = await scale(frame);

      // Follow zooms in at this size too, at every kind of step: inside a pod, a bridge, the segment, the router.
      await frame.getByTestId('follow').click();
      await expect(frame.getByTestId('follow')).toHaveAttribute('aria-pressed', 'true');
      for (const step of [1, 12, 30, 53, 60, 90]) {
        await frame.getByTestId('timeline').fill(String(step - 1));
        await expect(frame.getByTestId('step-count')).toContainText(String(step));
        const near = await labelLines(frame);
        expect(median(near), `following, event ${step}: ${near.join(', ')}`).toBeGreaterThanOrEqual(12);
        expect(await scale(frame), `event ${step} zooms in`).toBeGreaterThan(wholeK);
        // The packet is in view.
        const packet = await frame.locator('[data-packet]').first().boundingBox();
        const area = await frame.getByTestId('network-canvas').boundingBox();
        if (!packet || !area) throw new Error('no packet or drawing');
        expect(packet.x >= area.x && packet.x + packet.width <= area.x + area.width && packet.y >= area.y && packet.y + packet.height <= area.y + area.height).toBe(true);
      }
      await page.screenshot({ path: test.info().outputPath(`slide-${lang}-following.png`) });
    });
  }

  test('a link that asks for following and no panels opens zoomed in, with the text of the event under the drawing', async ({ page }) => {
    const frame = await openSlide(page, 'lang=ru&step=55&follow=1&panels=0');
    await expect(frame.getByTestId('follow')).toHaveAttribute('aria-pressed', 'true');
    expect(median(await labelLines(frame))).toBeGreaterThanOrEqual(12);
    await expect(frame.locator('.caption [data-testid="explanation"]')).toBeVisible();
    await expect(frame.getByTestId('drawer')).toHaveCount(0);
  });
});

test.describe('small sizes: the form folds into one control, the panels become a drawer', () => {
  for (const lang of ['en', 'ru'] as const) {
    test(`${lang}, 800×600: the start is clear, the form opens from one button, the drawer opens and closes`, async ({ page }) => {
      await page.setViewportSize({ width: 800, height: 600 });
      await openApp(page, lang);
      const t = lang === 'en' ? { journey: 'Journey', close: 'Close the panels' } : { journey: 'Путь', close: 'Закрыть панели' };
      await expect(page.getByTestId('app')).toHaveAttribute('data-size', 'compact');
      expect(await sourceUncovered(page.mainFrame(), 'pod1')).toEqual({ visible: true, covers: [] });
      expect(median(await labelLines(page.mainFrame()))).toBeGreaterThanOrEqual(10);

      // One control says what the journey is; the form is behind it.
      const fold = page.getByTestId('journey-fold');
      await expect(fold).toContainText(t.journey);
      await expect(fold).toContainText('pod1 → pod3');
      await expect(page.getByTestId('from')).toHaveCount(0);
      await fold.click();
      await expect(fold).toHaveAttribute('aria-expanded', 'true');
      await page.getByTestId('to').selectOption('pod4');
      await expect(fold).toContainText('pod1 → pod4');
      await page.getByTestId('to').press('Escape');
      await expect(fold).toHaveAttribute('aria-expanded', 'false');
      await expect(fold).toBeFocused();

      // The panels start closed (this event's text sits under the drawing); P opens the drawer.
      await expect(page.getByTestId('drawer')).toHaveCount(0);
      await expect(page.locator('.caption [data-testid="explanation"]')).toBeVisible();
      const before = await page.getByTestId('network-canvas').boundingBox();
      await page.getByTestId('panels').click();
      const drawer = page.getByTestId('drawer');
      await expect(drawer).toBeVisible();
      await expect(drawer.getByTestId('inspector')).toHaveCount(1);
      await expect(drawer.getByTestId('tab-tables')).toBeVisible();
      // The drawer sits beside the drawing, which is fitted to what is left.
      const after = await page.getByTestId('network-canvas').boundingBox();
      const side = await drawer.boundingBox();
      if (!before || !after || !side) throw new Error('regions missing');
      expect(after.width).toBeLessThan(before.width - 200);
      expect(after.x + after.width).toBeLessThanOrEqual(side.x + 0.5);
      await drawer.getByRole('button', { name: t.close }).click();
      await expect(drawer).toHaveCount(0);
    });
  }

  for (const lang of ['en', 'ru'] as const) {
    test(`${lang}: the source pod is clear at the first event with the hint shown, 960×540 and 800×600, from two sources`, async ({ page }) => {
      const frame = await openSlide(page, `lang=${lang}`);
      await expect(frame.getByTestId('hint')).toBeVisible();
      expect(await sourceUncovered(frame, 'pod1'), '960×540').toEqual({ visible: true, covers: [] });
      await page.setViewportSize({ width: 800, height: 600 });
      await page.goto(`/?lang=${lang}`);
      await expect(page.getByTestId('hint')).toBeVisible();
      expect(await sourceUncovered(page.mainFrame(), 'pod1'), '800×600').toEqual({ visible: true, covers: [] });
      // Another source: the start moves, and the hint keeps clear of it.
      await page.goto(`/?lang=${lang}&from=pod4&to=pod1`);
      await expect(page.getByTestId('hint')).toBeVisible();
      expect(await sourceUncovered(page.mainFrame(), 'pod4'), '800×600, from pod4').toEqual({ visible: true, covers: [] });
    });
  }

  for (const lang of ['en', 'ru'] as const) {
    test(`${lang}: axe finds nothing serious in the compact layout, form and drawer open`, async ({ page }) => {
      await page.setViewportSize({ width: 960, height: 540 });
      await openApp(page, lang);
      await page.getByTestId('journey-fold').click();
      await page.getByTestId('panels').click();
      await expect(page.getByTestId('drawer')).toBeVisible();
      const axe = await new AxeBuilder({ page }).analyze();
      const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
