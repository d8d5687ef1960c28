import { expect, test, type Page } from '@playwright/test';
import { encodeLabLink } from '../src/core/model/labLink';
import { seedTopology } from '../src/core/presets/seed';

/**
 * The seed lab with two faults: pod2 holds pod1's address (an error: one address on two hosts of
 * one bridge) and node2 does not forward (a warning), opened from a link as a shared lab would be.
 */
function brokenLabLink(lang: 'en' | 'ru'): string {
  const t = seedTopology();
  const [node1, , node2] = t.machines;
  const pod2 = node1?.pods?.[1];
  if (!pod2 || !node2) throw new Error('seed lab changed');
  pod2.interfaces = pod2.interfaces.map((i) => ({ ...i, addresses: ['10.10.10.1/24'] }));
  node2.sysctls = {};
  return `/?lab=${encodeLabLink(t)}&from=pod1&to=pod3&lang=${lang}`;
}

async function openInEdit(page: Page, lang: 'en' | 'ru'): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(brokenLabLink(lang));
  await expect(page.getByTestId('step-count')).toBeVisible();
  await page.getByTestId('edit-mode').click();
  await expect(page.getByTestId('checks')).toBeVisible();
}

test.describe('the live checks', () => {
  test('list the error first, point at the pod and its interface, select it, and fix it; auto-configure does the rest and the ping arrives', async ({ page }) => {
    await openInEdit(page, 'en');
    const rows = page.getByTestId('checks').locator('li');
    await expect(rows).toHaveCount(2);
    const error = rows.nth(0);
    await expect(error).toHaveClass(/is-error/);
    await expect(error.locator('.check-kind')).toHaveText('Error');
    await expect(error.locator('.check-at')).toHaveText('eth0');
    await expect(error).toContainText('10.10.10.1 is also the address of pod1/eth0, on the same layer-2 network');
    await expect(rows.nth(1)).toHaveClass(/is-warning/);
    await expect(rows.nth(1).locator('.check-at')).toHaveText('ip_forward');
    await expect(rows.nth(1)).toContainText('node2 does not forward (ip_forward=0)');

    // The row's button selects the pod on the drawing.
    await error.getByRole('button', { name: 'Select pod2 on the drawing' }).click();
    await expect(page.getByTestId('selection')).toContainText('pod2');
    await expect(page.locator('[data-pin="pod2"]')).toHaveAttribute('data-selected', 'true');

    // Fix: pod2 takes the lowest free address of its subnet, as one undo step.
    await error.getByRole('button', { name: 'Fix: change the address of eth0 on pod2 from 10.10.10.1/24 to 10.10.10.2/24' }).click();
    await expect(rows).toHaveCount(1);
    await expect(page.locator('[data-label-for="pod2/eth0"]')).toContainText('10.10.10.2');
    await page.getByTestId('undo').click();
    await expect(rows).toHaveCount(2);
    await page.getByTestId('redo').click();
    await expect(rows).toHaveCount(1);

    await page.getByRole('button', { name: 'Auto-configure routes' }).click();
    await expect(page.getByTestId('checks-ok')).toBeVisible();
    await page.getByTestId('edit-mode').click();
    await page.getByTestId('last').click();
    await expect(page.getByTestId('outcome')).toContainText('Echo replies back at pod1: 1 of 1.');
  });

  test('speak Russian: the finding, where it is and the fix', async ({ page }) => {
    await openInEdit(page, 'ru');
    const error = page.getByTestId('checks').locator('li').first();
    await expect(error.locator('.check-kind')).toHaveText('Ошибка');
    await expect(error).toContainText('адрес 10.10.10.1 есть и у интерфейса pod1/eth0 в той же сети второго уровня');
    await expect(error.locator('.check-fix-what')).toHaveText('pod2: сменить адрес интерфейса eth0 с 10.10.10.1/24 на 10.10.10.2/24');
    const warning = page.getByTestId('checks').locator('li').nth(1);
    await expect(warning).toContainText('машина node2 не пересылает пакеты (ip_forward=0)');
    await expect(warning.locator('.check-fix-what')).toHaveText('node2: включить ip_forward');
    await warning.getByRole('button', { name: 'Исправить: node2: включить ip_forward' }).click();
    await expect(page.getByTestId('checks').locator('li')).toHaveCount(1);
  });
});
