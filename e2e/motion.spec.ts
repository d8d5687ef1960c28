import { expect, test, type Page } from '@playwright/test';

/** Centre of the packet glyph and of the interface it is going to, on screen. */
async function glyphAndTarget(page: Page) {
  return page.evaluate(() => {
    const g = document.querySelector('[data-packet]');
    const to = g?.getAttribute('data-at') ?? '';
    const anchor = document.querySelector(`[data-iface="${to}"]`);
    const c = (el: Element | null | undefined) => {
      const r = el?.getBoundingClientRect();
      return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    };
    return { to, glyph: c(g?.querySelector('rect')), target: c(anchor) };
  });
}

test('with reduced motion the packet is drawn where it lands, without travelling', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?lang=en');
  // Step 4: pod1's ARP request crosses the veth pair.
  await page.getByTestId('timeline').fill('3');
  const p = await glyphAndTarget(page);
  expect(p.to).toBe('node1/veth-pod1');
  expect(Math.abs((p.glyph?.x ?? 0) - (p.target?.x ?? 1e9))).toBeLessThan(1.5);
  expect(Math.abs((p.glyph?.y ?? 0) - (p.target?.y ?? 1e9))).toBeLessThan(1.5);
});

test('with motion the packet travels the link and ends on the far interface', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('/?lang=en');
  await page.getByTestId('timeline').fill('3');
  await expect
    .poll(async () => {
      const p = await glyphAndTarget(page);
      return p.glyph && p.target ? Math.round(Math.hypot(p.glyph.x - p.target.x, p.glyph.y - p.target.y)) : -1;
    })
    .toBeLessThanOrEqual(1);
});
