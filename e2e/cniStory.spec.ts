import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './player';

/*
 * The CNI story in the player (issue 10, point 3): a pod's creation stepped through with the
 * plugin calls and their JSON beside the drawing, each device appearing when the plugin creates
 * it; DEL; a CHECK that fails with its error JSON and exit code; the editor's offer after "Add
 * pod"; both languages, and accessible at every size.
 */

const cni0 = (page: Page) => page.locator('[data-testid="network-canvas"] [data-iface="node1/cni0"]');
const text = (page: Page) => page.getByTestId('cni-text');

/** Step with the panel's Next button until the story's text matches, at most `max` times. */
async function stepUntil(page: Page, re: RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (re.test((await text(page).textContent()) ?? '')) return;
    await page.getByTestId('cni-next').click();
  }
  throw new Error(`never reached ${re}`);
}

async function openStory(page: Page, id: string, lang: 'en' | 'ru' = 'en'): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/?preset=${id}&lang=${lang}`);
  await expect(page.getByTestId('cni-panel')).toBeVisible();
}

test.describe('the CNI story', () => {
  test('plays a pod creation step by step: cni0 appears when bridge creates it, then the result JSON', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('scenario').selectOption('cni-add-first-pod');
    await expect(page.getByTestId('cni-panel')).toHaveAttribute('data-op', 'ADD');
    await expect(page.getByTestId('cni-counter')).toHaveText('Event 1 of 38');
    await expect(text(page)).toContainText("The runtime creates pod1's network namespace /var/run/netns/pod1");
    await expect(page.getByTestId('cni-correction')).toContainText('Only with Docker\'s dockershim, removed in Kubernetes 1.24, did the kubelet call the plugins itself');
    // A fresh node: no cni0, and the pod's namespace is there with nothing in it yet.
    await expect(cni0(page)).toHaveCount(0);
    await expect(page.locator('[data-testid="network-canvas"] g[data-ns="pod1"]')).toHaveCount(1);
    await page.getByTestId('cni-next').click();
    await expect(page.getByTestId('cni-call-flannel').getByTestId('cni-env')).toContainText('CNI_COMMAND');
    await expect(page.getByTestId('cni-call-flannel').getByTestId('cni-stdin').first()).toContainText('"type": "flannel"');
    await stepUntil(page, /flannel hands the work over to bridge|flannel runs bridge/);
    await expect(cni0(page)).toHaveCount(0);
    await page.getByTestId('cni-next').click();
    await expect(text(page)).toContainText('bridge creates the bridge cni0');
    await expect(cni0(page).first()).toBeVisible();
    await expect(page.getByTestId('cni-correction')).toHaveAttribute('data-code', 'cni0-created-by-bridge');
    await expect(page.getByTestId('cni-chapter')).toHaveValue('6');
    await stepUntil(page, /host-local reserves 10\.10\.10\.2/);
    await page.getByTestId('cni-last').click();
    await expect(page.getByTestId('cni-counter')).toHaveText('Event 38 of 38');
    const result = page.getByTestId('cni-result');
    await expect(result).toContainText('"address": "10.10.10.2/24"');
    await expect(result).toContainText('"gateway": "10.10.10.1"');
    await expect(page.getByTestId('cni-exit-code')).toHaveText('exit code 0');
    await expect(page.getByTestId('cni-outcome')).toContainText('pod1 has its network on node1: 10.10.10.2/24 on eth0');
    // Closing the story brings the journey and its controls back.
    await page.getByTestId('cni-close').click();
    await expect(page.getByTestId('cni-panel')).toHaveCount(0);
    await expect(page.getByTestId('play')).toBeVisible();
  });

  test('DEL removes the pod and its veth pair; cni0 stays; the keys step the story', async ({ page }) => {
    await openStory(page, 'cni-del');
    const pod2 = page.locator('[data-testid="network-canvas"] g[data-ns="pod2"]');
    await expect(pod2).toHaveCount(1);
    await page.getByTestId('cni-counter').click();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('cni-counter')).toHaveText('Event 2 of 16');
    await page.keyboard.press('End');
    await expect(page.getByTestId('cni-counter')).toHaveText('Event 16 of 16');
    await expect(text(page)).toContainText('The runtime removes the namespace /var/run/netns/pod2');
    await expect(pod2).toHaveCount(0);
    await expect(cni0(page).first()).toBeVisible();
    await expect(page.getByTestId('cni-outcome')).toContainText("pod2's network is gone; cni0 stays");
    // The address keeps the story: a reload plays it again.
    await expect(page).toHaveURL(/[?&]preset=cni-del&/);
    await expect(page.getByTestId('scenario')).toHaveValue('cni-del');
    await page.reload();
    await expect(page.getByTestId('cni-panel')).toHaveAttribute('data-op', 'DEL');
    await expect(page.getByTestId('link-error')).toHaveCount(0);
  });

  test('a failing CHECK shows the error JSON and exit code 1', async ({ page }) => {
    await openStory(page, 'cni-check-fails');
    await page.getByTestId('cni-last').click();
    await expect(page.getByTestId('cni-result')).toContainText('"code": 999');
    await expect(page.getByTestId('cni-result')).toContainText('Failed to match addr 10.10.10.2/24 on interface eth0');
    await expect(page.getByTestId('cni-exit-code')).toHaveText('exit code 1');
    await expect(page.getByTestId('cni-chapter').locator('option:checked')).toHaveText('CHECK fails: error 999');
  });

  test('after Add pod the editor offers the ADD that wired it', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('edit-mode').click();
    await page.locator('[data-testid="network-canvas"] g[data-pin="node1"]').first().click();
    await page.getByRole('button', { name: 'Add pod' }).click();
    await expect(page.getByTestId('cni-offer')).toContainText('pod5 got its network from a CNI ADD.');
    await page.getByTestId('cni-watch').click();
    await expect(page.getByTestId('cni-panel')).toHaveAttribute('data-op', 'ADD');
    await expect(page.getByTestId('edit-mode')).toHaveAttribute('aria-pressed', 'false');
    await page.getByTestId('cni-last').click();
    await expect(page.getByTestId('cni-result')).toContainText('"address": "10.10.10.3/24"');
  });

  test('in Russian', async ({ page }) => {
    await openStory(page, 'cni-add-second-pod', 'ru');
    await expect(page.getByTestId('cni-counter')).toHaveText('Событие 1 из 31');
    await stepUntil(page, /уже есть: плагин bridge использует его/);
    await expect(page.getByTestId('cni-correction')).toContainText('Мост cni0 уже на месте');
    await page.getByTestId('cni-last').click();
    await expect(page.getByTestId('cni-exit-code')).toHaveText('код возврата 0');
    await expect(page.getByTestId('cni-outcome')).toContainText('У пода pod2 есть сеть на ноде node1: 10.10.10.3/24');
  });

  for (const [w, h] of [[1280, 720], [960, 540], [800, 600]] as const) {
    test(`is accessible and keeps the header one row at ${w}×${h}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await openStory(page, 'cni-add-first-pod');
      await page.getByTestId('cni-next').click();
      if (w < 1100) {
        await page.getByTestId('cni-tab-calls').click();
        await expect(page.getByTestId('cni-calls')).toBeVisible();
      }
      const header = await page.locator('.pj-header').boundingBox();
      expect(header?.height ?? 999).toBeLessThanOrEqual(70);
      const panel = await page.getByTestId('cni-panel').boundingBox();
      expect((panel?.x ?? 0) + (panel?.width ?? 0)).toBeLessThanOrEqual(w + 1);
      const axe = await new AxeBuilder({ page }).analyze();
      const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
