import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { labelLines, openApp } from './player';

/*
 * Cluster labs on a projector (teacher review, item 5): the Flannel VXLAN preset, the notes'
 * minikube cluster and an imported cluster draw their labels as large as the seed lab does at
 * 1280×720 with the panels shown: the README's "labels read at 14 px or more" (the median line on
 * screen), and no label's font rendered below 12 px (its computed size times the drawing's scale).
 */

const fixture = (name: string) => readFileSync(new URL(`../src/core/import/fixtures/${name}`, import.meta.url), 'utf8');

function median(xs: number[]): number {
  const lo = xs[Math.floor((xs.length - 1) / 2)] ?? 0;
  const hi = xs[Math.floor(xs.length / 2)] ?? 0;
  return (lo + hi) / 2;
}

/** Every label's font size on screen, in px: its computed size times the scale of its coordinate system. */
async function renderedFonts(page: Page): Promise<{ px: number; text: string }[]> {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="network-canvas"]');
    if (!svg) return [];
    const area = svg.getBoundingClientRect();
    const out: { px: number; text: string }[] = [];
    for (const el of svg.querySelectorAll('text')) {
      const r = el.getBoundingClientRect();
      if (r.height === 0 || getComputedStyle(el).display === 'none') continue;
      if (r.right < area.left || r.left > area.right || r.bottom < area.top || r.top > area.bottom) continue;
      const m = (el as SVGTextElement).getScreenCTM();
      const k = m ? Math.hypot(m.a, m.b) : 1;
      out.push({ px: parseFloat(getComputedStyle(el).fontSize) * k, text: el.textContent ?? '' });
    }
    return out.sort((a, b) => a.px - b.px);
  });
}

/** The labels are as legible as the seed lab's: the median line at 14 px or more, no font under 12 px. */
async function expectLegible(page: Page, what: string): Promise<void> {
  await expect(page.getByTestId('app')).toHaveAttribute('data-size', 'wide');
  const lines = await labelLines(page);
  // Enough lines that the median means something (the field cases' two-host labs draw about ten).
  expect(lines.length, what).toBeGreaterThan(8);
  // Heights come back as 13.99997 for a 14 px line under a scaled drawing: a hundredth of a pixel is float noise.
  expect(median(lines), `${what}: label heights ${lines.join(', ')}`).toBeGreaterThanOrEqual(14 - 0.01);
  const fonts = await renderedFonts(page);
  expect(fonts[0]?.px ?? 0, `${what}: smallest font, on "${fonts[0]?.text ?? ''}"`).toBeGreaterThanOrEqual(12 - 0.01);
  // The whole lab is in view: every machine's box inside the drawing's area.
  const clipped = await page.evaluate(() => {
    const area = document.querySelector('[data-testid="network-canvas"]')?.getBoundingClientRect();
    if (!area) return ['no drawing'];
    return [...document.querySelectorAll('[data-machine] .machine-box')]
      .filter((b) => {
        const r = b.getBoundingClientRect();
        return r.left < area.left - 0.5 || r.right > area.right + 0.5 || r.top < area.top - 0.5 || r.bottom > area.bottom + 0.5;
      })
      .map((b) => b.closest('[data-machine]')?.getAttribute('data-machine') ?? '?');
  });
  expect(clipped, what).toEqual([]);
}

/** One scenario per preset lab (the first that opens it), from the scenarios' index. */
const index = JSON.parse(readFileSync(new URL('../src/core/presets/scenario-index.json', import.meta.url), 'utf8')) as { id: string; lab: string }[];
const oneScenarioPerLab = [...new Map(index.map((s) => [s.lab, s.id] as const)).entries()].map(([lab]) => index.find((s) => s.lab === lab)?.id ?? lab);

test.describe('every preset lab at 1280×720 reads like the seed lab (teacher review 2: Weave’s five NICs per node)', () => {
  test('each lab, in English', async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const failed: string[] = [];
    for (const preset of oneScenarioPerLab) {
      await page.goto(`/?preset=${preset}&lang=en&step=3`);
      await expect(page.getByTestId('step-count')).toBeVisible();
      await expect(page.locator('[data-machine]').first()).toBeVisible();
      // Every lab is measured, and the list names all those below the standard at once; a lab just
      // opened is measured again after a moment before it counts (its first fit may still be settling).
      await expectLegible(page, preset)
        .catch(async () => {
          await page.waitForTimeout(500);
          await expectLegible(page, preset);
        })
        .catch((e: unknown) => failed.push(String(e instanceof Error ? e.message : e).split('\n').slice(0, 4).join(' ') || preset));
    }
    // Below the standard today, each by a little, and fixed nowhere yet (teacher review 2, left for
    // later): the seed with a third segment (median line 13.9 px), and the two minikube clusters
    // whose long pod names (coredns-…, calico-kube-controllers) or four NICs per node fill the row
    // (median 11–12 px; Calico's in both its modes). The list is exact, so a lab that gets worse, or better, shows here.
    const SHORT = ['mtu-frag-needed-router', 'tcp-syn-retries-rp-filter-node2', 'tcp-syn-retries-rp-filter-router', 'calico-minikube-ping-pod-a-pod-b', 'calico-minikube-ipip-ping-pod-a-pod-b', 'cilium-minikube-ping-pod-a-pod-b'];
    expect(failed.map((f) => f.split(':')[0])).toEqual(SHORT);
  });

  test('the Weave and Cilium labs in Russian, with the raised labels on their leader lines', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const preset of ['weave-cold-ping-pod1-pod3', 'weave-two-pings-pod1-pod3', 'cilium-cold-ping-pod1-pod3']) {
      await page.goto(`/?preset=${preset}&lang=ru&step=3`);
      await expect(page.getByTestId('step-count')).toBeVisible();
      await expectLegible(page, preset);
    }
    // Weave: every other NIC of a node is raised, and its leader runs from the NIC up to its label.
    await page.goto('/?preset=weave-cold-ping-pod1-pod3&lang=ru&step=3');
    const leader = page.locator('[data-leader-for="node1/datapath"]');
    await expect(leader).toHaveCount(1);
    const [line, label] = await Promise.all([leader.boundingBox(), page.locator('[data-label-for="node1/datapath"]').boundingBox()]);
    expect(line && label && Math.abs(line.y - (label.y + label.height)) < 8, 'the leader reaches its label').toBe(true);
    await page.screenshot({ path: test.info().outputPath('weave-ru-1280.png') });
  });
});

test.describe('cluster labs at 1280×720 read like the seed lab', () => {
  for (const lang of ['en', 'ru'] as const) {
    for (const preset of ['flannel-vxlan-cold-ping-pod1-pod3', 'flannel-minikube-ping-pod-a-pod-b']) {
      test(`${lang}: ${preset}`, async ({ page }) => {
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.goto(`/?preset=${preset}&lang=${lang}&step=25`);
        await expect(page.getByTestId('step-count')).toBeVisible();
        await expectLegible(page, preset);
      });
    }
  }

  test('the notes\' tables imported as a cluster', async ({ page }) => {
    await openApp(page, 'en');
    await page.getByTestId('my-labs').click();
    await page.getByTestId('lab-import-cluster').click();
    await page.getByTestId('import-paste').fill(fixture('minikube-notes.txt'));
    await expect(page.getByTestId('import-go')).toBeEnabled();
    await page.getByTestId('import-go').click();
    await expect(page.locator('[data-machine="minikube-m03"]')).toBeVisible();
    await expectLegible(page, 'imported cluster');
    await page.screenshot({ path: test.info().outputPath('imported-1280.png') });
  });

  test('the seed lab keeps its size', async ({ page }) => {
    await openApp(page, 'en');
    await expectLegible(page, 'seed lab');
  });
});

test.describe('the "Press Play" hint leaves the drawing clear (teacher review, item 14)', () => {
  for (const lang of ['en', 'ru'] as const) {
    for (const [w, h] of [[1280, 720], [960, 540], [800, 600]] as const) {
      test(`${lang}, ${w}×${h}: it stays in its strip over no machine, and still says the whole sentence to screen readers`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        await openApp(page, lang);
        const hint = page.getByTestId('hint');
        await expect(hint).toBeVisible();
        await expect(hint).toContainText(lang === 'en' ? 'Press Play or → to go through the packet’s journey event by event' : 'чтобы пройти путь пакета событие за событием');
        // Its final place is settled in layout effects; poll until no machine box is under it.
        await expect
          .poll(() =>
            page.evaluate(() => {
              const hint = document.querySelector('[data-testid="hint"]');
              const r = hint?.getBoundingClientRect();
              const strip = hint?.parentElement?.getBoundingClientRect();
              if (!r || !strip) return ['no hint'];
              // It stays in the strip the drawing is fitted under (a line of it is a few pixels taller than the legend), and off every machine.
              const spills = r.bottom > strip.bottom + 8 ? ['below the strip'] : [];
              return [...spills, ...[...document.querySelectorAll('[data-machine] .machine-box')]
                .filter((b) => {
                  const m = b.getBoundingClientRect();
                  return Math.min(r.right, m.right) - Math.max(r.left, m.left) > 0 && Math.min(r.bottom, m.bottom) - Math.max(r.top, m.top) > 0;
                })
                .map((b) => b.closest('[data-machine]')?.getAttribute('data-machine') ?? '?')];
            }),
          )
          .toEqual([]);
      });
    }
  }
});

test('following in a 960×540 embed, the next hop the text names is in view (teacher review, item 15)', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const [step, device] of [[22, 'router/eth0'], [40, 'node2/eth0']] as const) {
    await page.goto(`/embed.html?lang=en&step=${step}`);
    await expect(page.getByTestId('network-canvas')).toHaveAttribute('data-follow', 'true');
    await expect(page.getByTestId('explanation')).toContainText(`the next hop is ${device === 'router/eth0' ? '172.16.100.254' : '172.16.100.2'}`);
    const inView = async () => {
      const area = await page.getByTestId('network-canvas').boundingBox();
      const label = await page.locator(`[data-label-for="${device}"]`).boundingBox();
      if (!area || !label) return false;
      return label.x >= area.x && label.y >= area.y && label.x + label.width <= area.x + area.width && label.y + label.height <= area.y + area.height;
    };
    await expect.poll(inView, `event ${step}: ${device} in view`).toBe(true);
  }
});
