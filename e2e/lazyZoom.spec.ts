import { expect, test, type Page, type Route } from '@playwright/test';
import { openApp } from './player';

/*
 * d3-zoom is not in the first load (issue 11's size targets): the drawing is placed without it,
 * and it arrives with the first gesture over the drawing (canvas/useZoom.ts). These tests hold its
 * chunk back on the network, so the gesture surely comes first, and check that nothing the user
 * does is lost or done twice: a wheel zooms once it is here, a drag begun before it pans, a click
 * does not.
 */

const ZOOM_CHUNK = /\/assets\/zoomBehaviour-[^/]+\.js$/;

/** Holds the zoom chunk's request until `release()` is called; `asked` resolves when the page asked for it. */
async function holdZoomChunk(page: Page): Promise<{ asked: Promise<void>; release: () => void }> {
  let release = () => undefined as void;
  let askedResolve = () => undefined as void;
  const asked = new Promise<void>((r) => (askedResolve = r));
  const released = new Promise<void>((r) => (release = r));
  await page.route(ZOOM_CHUNK, async (route: Route) => {
    askedResolve();
    await released;
    await route.continue();
  });
  return { asked, release };
}

const camera = (page: Page) => page.getByTestId('camera');

/** The middle of the drawing's empty lower-left corner, in page pixels (no machine under it). */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('network-canvas').boundingBox();
  if (!box) throw new Error('no drawing');
  return { x: box.x + 12, y: box.y + box.height - 12 };
}

test('the first page does not fetch d3-zoom until the pointer reaches the drawing', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (ZOOM_CHUNK.test(r.url())) fetched.push(r.url());
  });
  await openApp(page);
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
  const at = await emptySpot(page);
  await page.mouse.move(at.x, at.y);
  await expect.poll(() => fetched.length).toBe(1);
});

test('a wheel over the drawing before d3-zoom arrived zooms once it is here', async ({ page }) => {
  const chunk = await holdZoomChunk(page);
  await openApp(page);
  const before = Number(await camera(page).getAttribute('data-scale'));
  const at = await emptySpot(page);
  await page.mouse.move(at.x, at.y);
  await chunk.asked;
  await page.mouse.wheel(0, -300);
  // Nothing moved yet: the behaviour is still on its way.
  await expect(camera(page)).toHaveAttribute('data-scale', before.toFixed(3));
  chunk.release();
  await expect.poll(async () => Number(await camera(page).getAttribute('data-scale'))).toBeGreaterThan(before);
});

test('a drag begun before d3-zoom arrived pans the drawing; a click released before it does not', async ({ page }) => {
  const chunk = await holdZoomChunk(page);
  await openApp(page);
  const at = await emptySpot(page);
  const start = await camera(page).getAttribute('transform');
  // A click: pressed and released while the behaviour is on its way.
  await page.mouse.move(at.x, at.y);
  await chunk.asked;
  await page.mouse.down();
  await page.mouse.up();
  // A drag: pressed before it arrives, moved after.
  await page.mouse.down();
  const arrived = page.waitForResponse(ZOOM_CHUNK);
  chunk.release();
  await arrived;
  await expect.poll(() => page.evaluate(() => typeof (document.querySelector('[data-testid="network-canvas"]') as { __zoom?: unknown } | null)?.__zoom)).toBe('object');
  // The click panned nothing.
  await expect(camera(page)).toHaveAttribute('transform', start ?? '');
  await page.mouse.move(at.x + 60, at.y - 40, { steps: 4 });
  await page.mouse.up();
  const moved = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec((await camera(page).getAttribute('transform')) ?? '');
  const was = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(start ?? '');
  expect(Number(moved?.[1]) - Number(was?.[1])).toBeCloseTo(60, 0);
  expect(Number(moved?.[2]) - Number(was?.[2])).toBeCloseTo(-40, 0);
});
