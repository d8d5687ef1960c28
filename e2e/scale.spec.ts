import { expect, test, type Page } from '@playwright/test';

/*
 * Kubernetes' limits (issue 12, point 4): a 5,000-node, 150,000-pod generated cluster is drawn as an
 * overview. Only the machines in view are in the page, the journey's machines are open in full, and
 * the real mouse pans and the wheel zooms through the levels of detail. Speed is measured by
 * `npm run bench` (scripts/benchScale.ts), never here.
 */

test.describe.configure({ timeout: 240_000 });

/** The canvas's box on the page. */
async function canvasBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.getByTestId('network-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  return box;
}

/** Every tile in the page meets the canvas (a little slack for the cell at each edge). */
async function tilesInView(page: Page): Promise<{ inView: number; outside: string[] }> {
  const c = await canvasBox(page);
  return page.evaluate((c) => {
    const outside: string[] = [];
    const tiles = [...document.querySelectorAll('[data-tile]')];
    for (const t of tiles) {
      const r = t.getBoundingClientRect();
      const meets = r.right >= c.x - 1 && r.left <= c.x + c.width + 1 && r.bottom >= c.y - 1 && r.top <= c.y + c.height + 1;
      if (!meets) outside.push(t.getAttribute('data-tile') ?? '?');
    }
    return { inView: tiles.length, outside };
  }, c);
}

test('5,000 nodes and 150,000 pods: an overview that opens the journey’s machines and draws only what is in view', async ({ page }) => {
  await page.goto('/?nodes=5000&pods=30&lang=en');
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 180_000 });
  await expect(page.getByTestId('link-error')).toHaveCount(0);
  // Following the packet, the journey's machines are drawn in full: its source's and destination's
  // nodes and the router between them; none of the 4,998 nodes that only ignored its ARP requests.
  await expect(page.getByTestId('network-canvas')).toHaveAttribute('data-follow', 'true');
  await expect(page.locator('[data-machine="node1"]')).toHaveCount(1);
  await expect(page.locator('[data-machine="node5000"]')).toHaveCount(1);
  await expect(page.locator('[data-machine="router"]')).toHaveCount(1);
  await expect(page.locator('[data-ns="pod1-1"]')).toBeVisible();
  // The whole lab: one path of marks for the 4,998 other machines; no machine or tile in the page.
  // Close up, no note covers the drawing; from far, it says what the overview is.
  await expect(page.getByTestId('overview-note')).toHaveCount(0);
  await page.getByTestId('fit').click();
  await expect(page.getByTestId('overview-note')).toHaveText('Overview of 5,001 machines and 150,000 pods: zoom in to see the machines in full. The journey\'s machines are open.');
  const marks = page.getByTestId('overview-marks');
  await expect(marks).toHaveAttribute('data-tiles', '4998');
  await expect(page.getByTestId('overview-open')).toHaveAttribute('data-tiles', '3');
  await expect(page.locator('[data-machine]')).toHaveCount(0);
  await expect(page.locator('[data-tile]')).toHaveCount(0);

  // Zoom in with the wheel over the middle of the drawing, to labelled tiles: only those in view.
  const c = await canvasBox(page);
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  for (let i = 0; i < 60 && (await page.locator('[data-tile]').count()) === 0; i++) await page.mouse.wheel(0, -120);
  await expect(page.getByTestId('overview-tiles')).toBeVisible();
  const zoomed = await tilesInView(page);
  expect(zoomed.inView).toBeGreaterThan(0);
  expect(zoomed.inView).toBeLessThan(500);
  expect(zoomed.outside).toEqual([]);
  const first = await page.locator('[data-tile]').first().getAttribute('data-tile');
  await expect(page.locator('[data-tile]').first()).toContainText(/^node\d+ · node · 30 pods$/);

  // Pan with a real drag: other tiles come into view, and still none outside it.
  await page.mouse.move(c.x + c.width * 0.8, c.y + c.height * 0.8);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(c.x + c.width * 0.8 - 15 * i, c.y + c.height * 0.8 - 8 * i);
  await page.mouse.up();
  await expect.poll(async () => page.locator('[data-tile]').first().getAttribute('data-tile')).not.toBe(first);
  expect((await tilesInView(page)).outside).toEqual([]);

  // Closer still, the machines in view are drawn for real, their pods with them.
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  for (let i = 0; i < 80 && (await page.locator('[data-testid="overview-full"] [data-machine]').count()) === 0; i++) await page.mouse.wheel(0, -120);
  const full = page.locator('[data-testid="overview-full"] [data-machine]');
  await expect(full.first()).toBeVisible();
  expect(await full.count()).toBeLessThan(20);
  await expect(full.first().locator('.pod-box').first()).toBeVisible();

  // Russian, through the language switch, from far again.
  await page.getByTestId('lang-ru').click();
  await page.getByTestId('fit').click();
  await expect(page.getByTestId('overview-note')).toHaveText('Обзор 5 001 машины и 150 000 подов: приблизьте схему, чтобы увидеть машины целиком. Машины, через которые идёт пакет, раскрыты.');
});

test('a cluster above Kubernetes’ limit of 150,000 pods is refused in both languages, and the seed lab opens', async ({ page }) => {
  await page.goto('/?nodes=5000&pods=31&lang=en');
  const banner = page.getByTestId('link-error');
  await expect(banner).toContainText("pods: 5000 nodes × 31 pods = 155000 pods, over Kubernetes' limit of 150000 pods in a cluster; with 5000 nodes ask for at most 30 pods per node");
  await expect(page.locator('[data-machine]')).toHaveCount(3);
  await page.getByTestId('lang-ru').click();
  await expect(banner).toContainText('pods: 5000 нод × 31 под = 155000 подов, больше предела Kubernetes в 150000 подов на кластер; при 5000 нодах можно не больше 30 подов на ноде');
});
