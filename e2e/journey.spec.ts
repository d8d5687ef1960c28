import { expect, test } from '@playwright/test';
import { openApp, readStep, type StepView } from './player';

test.describe('the seed journey, pod1 → pod3', () => {
  test('opens ready to play, with a hint saying what to do', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('hint')).toContainText('Press Play or → to go through the packet’s journey event by event');
    await expect(page.getByTestId('hint-keys')).toHaveText('Keys: Space play/pause, ← → previous/next event, Home/End first/last, F follow the packet, P panels');
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Next event' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Previous event' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'First event' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Last event' })).toBeEnabled();
    const s = await readStep(page);
    expect(s.step).toBe(1);
    expect(s.tag).toBe('pod1 · send');
    expect(s.explanation).toContain('ICMP echo request');
    expect(s.packets).toEqual([{ kind: 'request', at: 'pod1', from: 'pod1' }]);
    await expect(page.getByTestId('chapter-now')).toContainText('Chapter 1');
  });

  test('steps through every event: ARP, bridge, router hop and delivery', async ({ page }) => {
    await openApp(page);
    const steps: StepView[] = [await readStep(page)];
    const total = steps[0]?.total ?? 0;
    expect(total).toBeGreaterThan(50);
    const next = page.getByRole('button', { name: 'Next event' });
    for (let i = 2; i <= total; i++) {
      await next.click();
      await expect(page.getByTestId('step-count')).toHaveText(`Event ${i} of ${total}`);
      steps.push(await readStep(page));
    }
    await expect(next).toBeDisabled();
    for (const s of steps) expect(s.explanation.length, `step ${s.step} explains itself`).toBeGreaterThan(10);
    const find = (what: string, pred: (s: StepView) => boolean) => {
      const s = steps.find(pred);
      if (!s) throw new Error(`no step where ${what}`);
      return s;
    };

    // pod1 has no entry for its gateway: a new INCOMPLETE neighbour entry, used at once.
    const neigh = find('pod1 creates a neighbour entry', (s) => s.tag === 'pod1 · ARP table' && s.used.length > 0);
    expect(neigh.used[0]).toContain('10.10.10.254');
    expect(neigh.used[0]).toContain('INCOMPLETE');
    expect(neigh.fresh).toEqual(neigh.used);

    // The ARP request leaves pod1 and crosses the veth pair.
    const arpOut = find('ARP leaves pod1', (s) => s.tag === 'pod1 · frame' && s.packets[0]?.kind === 'arp');
    expect(arpOut.explanation).toContain('ARP');
    expect(arpOut.packets).toEqual([{ kind: 'arp', from: 'pod1/eth0', at: 'node1/veth-pod1' }]);

    // The bridge learns pod1's MAC, then floods the broadcast.
    const learn = find('cni0 learns pod1', (s) => s.tag === 'node1 · FDB' && s.fresh.some((r) => r.includes('02:00:0a:0a:0a:01')));
    expect(learn.used.join(' ')).toContain('veth-pod1');
    const flood = find('cni0 floods', (s) => s.tag === 'node1 · FDB' && s.explanation.includes('broadcast'));
    expect(flood.packets.map((p) => p.at)).toEqual(['node1/veth-pod2', 'node1/cni0']);

    // On the segment an unknown destination fans out to every other NIC.
    const segFlood = find('the segment floods node1’s ARP', (s) => s.tag === 'lan · FDB' && s.packets.length === 2);
    expect(segFlood.packets.map((p) => p.at).sort()).toEqual(['node2/eth0', 'router/eth0']);
    expect(segFlood.packets.every((p) => p.kind === 'arp' && p.from === 'node1/eth0')).toBe(true);

    // The router looks up pod3's network and uses its route to node2.
    const route = find('the router routes', (s) => s.tag === 'router · route');
    expect(route.device).toBe('router');
    expect(route.used).toEqual([expect.stringContaining('10.10.11.0/24 via 172.16.100.2 dev eth0')]);

    // It sends the request on with new MACs and TTL one lower.
    const hop = find('the router forwards the request', (s) => s.tag === 'router · frame' && s.packets[0]?.kind === 'request' && s.packets[0].at === 'node2/eth0');
    expect(hop.packets[0]?.from).toBe('router/eth0');
    expect(hop.changed.sort()).toEqual(['eth.dst', 'eth.src', 'ipv4.ttl']);

    // pod3 receives it; the reply comes back and pod1's ping gets it.
    const delivered = find('pod3 gets the request', (s) => s.tag === 'pod3 · deliver');
    expect(delivered.packets).toEqual([{ kind: 'request', from: 'pod3/eth0', at: 'pod3' }]);
    const last = steps[steps.length - 1];
    expect(last?.tag).toBe('pod1 · deliver');
    expect(last?.packets[0]).toMatchObject({ kind: 'reply', at: 'pod1' });
    await expect(page.getByTestId('outcome')).toContainText('Echo replies back at pod1: 1 of 1.');

    await page.screenshot({ path: `${test.info().project.outputDir}/screenshots/seed-last-step.png` });
  });

  test('goes back and forth with buttons and keys, showing the same step each time', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const third = await readStep(page);
    expect(third.step).toBe(4);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await readStep(page)).toEqual(third);
    await page.keyboard.press('End');
    const end = await readStep(page);
    expect(end.step).toBe(end.total);
    await page.getByRole('button', { name: 'Previous event' }).click();
    expect((await readStep(page)).step).toBe(end.total - 1);
    await page.keyboard.press('Home');
    expect((await readStep(page)).step).toBe(1);
    await page.getByRole('button', { name: 'Last event' }).click();
    expect((await readStep(page)).step).toBe(end.total);
    await page.getByRole('button', { name: 'First event' }).click();
    expect((await readStep(page)).step).toBe(1);

    // A chapter jumps to its first step; the timeline scrubs anywhere.
    await page.getByTestId('chapter-6').click();
    await expect(page.getByTestId('chapter-now')).toContainText('Chapter 6');
    await page.getByTestId('timeline').fill('20');
    expect((await readStep(page)).step).toBe(21);
  });

  test('plays and pauses', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('speed').selectOption('4');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(async () => (await readStep(page)).step).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    const paused = (await readStep(page)).step;
    await page.getByRole('button', { name: 'Next event' }).click();
    expect((await readStep(page)).step).toBe(paused + 1);
  });

  test('the event log filters by kind and a click jumps to that step', async ({ page }) => {
    await openApp(page);
    await page.getByRole('tab', { name: 'Event log' }).click();
    const rows = page.locator('.log-row');
    // The log loads when its tab is first reached: count its rows once it is drawn.
    await expect(rows.first()).toBeVisible();
    const all = await rows.count();
    await page.getByTestId('filter-decision').click();
    await page.getByTestId('filter-arp').click();
    const some = await rows.count();
    expect(some).toBeLessThan(all);
    await expect(rows.filter({ hasText: 'ARP' })).toHaveCount(0);
    await rows.filter({ hasText: 'router' }).first().click();
    const s = await readStep(page);
    expect(s.tag).toBe('router · frame');
    expect(s.packets[0]?.kind).toBe('request');
  });
});
