import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { openApp } from './player';

test.describe('exports', () => {
  test('the journey downloads as a pcapng capture that tshark reads: its frames on their interfaces, each commented in the UI\'s language', async ({ page }, info) => {
    await openApp(page, 'ru');
    const total = Number((await page.getByTestId('step-count').textContent())?.match(/из (\d+)/)?.[1] ?? 0);
    expect(total).toBeGreaterThan(10);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pcapng').click()]);
    expect(download.suggestedFilename()).toMatch(/pod1-pod3\.pcapng$/);
    const file = info.outputPath('journey.pcapng');
    await download.saveAs(file);
    // Comments are sentences that may hold line breaks: ask tshark one question at a time.
    const tshark = (...args: string[]) => execFileSync('tshark', ['-r', file, ...args], { encoding: 'utf8' }).trimEnd();
    const ifaces = tshark('-T', 'fields', '-e', 'frame.interface_name').split('\n');
    expect(ifaces.length).toBeGreaterThan(10);
    expect(ifaces[0]).toBe('pod1/eth0');
    expect(new Set(ifaces)).toContain('node2/veth-pod3');
    expect(tshark('-Y', 'frame.comment', '-T', 'fields', '-e', 'frame.number').split('\n')).toHaveLength(ifaces.length);
    expect(tshark('-Y', 'frame.number == 1', '-T', 'fields', '-e', 'frame.comment')).toMatch(/pod1/);
    expect(tshark('-T', 'fields', '-e', 'frame.comment')).toMatch(/[а-яё]{4}/i);
    expect(tshark('-Y', '_ws.malformed', '-T', 'fields', '-e', 'frame.number')).toBe('');
  });
});
