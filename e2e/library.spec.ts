import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { openApp, readStep } from './player';

/*
 * Never lose work (issue 9, point 6): the lab being edited is autosaved and kept in "My labs",
 * found again after a reload, renamed and duplicated there; its share link opens the same lab and
 * event in a fresh browser; a bad or future lab file is refused with the lab untouched; a damaged
 * autosave is reported with its raw text to download, never a blank page.
 */

const dialog = (page: Page) => page.getByRole('dialog', { name: /^(My labs|Мои стенды)$/ });

async function openLabs(page: Page): Promise<Locator> {
  await page.getByTestId('my-labs').click();
  await expect(dialog(page)).toBeVisible();
  return dialog(page);
}

/** Adds a node from the palette by keyboard (Enter), and waits until it is saved. */
async function addNode(page: Page): Promise<void> {
  await page.getByTestId('edit-mode').click();
  const add = page.locator('[data-palette="node"]');
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-machine="node3"]')).toBeVisible();
  await page.getByTestId('edit-mode').click();
}

/** The text of a download. */
async function text(d: Download): Promise<string> {
  const stream = await d.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A lab file as the app writes it, from the one it exports. */
async function exported(page: Page): Promise<Record<string, unknown>> {
  const labs = await openLabs(page);
  const [d] = await Promise.all([page.waitForEvent('download'), labs.getByRole('button', { name: 'Export the open lab' }).click()]);
  await labs.getByRole('button', { name: 'Close' }).click();
  return JSON.parse(await text(d)) as Record<string, unknown>;
}

test.describe('My labs: never lose work', () => {
  test('an edited lab is kept: reload and find it, rename and duplicate it, open it again from the bare address', async ({ page }) => {
    await openApp(page);
    await addNode(page);
    let labs = await openLabs(page);
    const row = labs.getByTestId('lab-row');
    await expect(row).toHaveCount(1);
    // Kept under a name of its own, never the read-only preset's.
    await expect(row.getByTestId('lab-name')).toHaveText('Seed lab (edited)');
    await expect(row).toContainText('open now');
    await expect(labs.getByTestId('labs-now')).toContainText(/kept in My labs\. Saved at/);
    await labs.getByRole('button', { name: 'Close' }).click();

    await page.reload();
    await expect(page.locator('[data-machine="node3"]')).toBeVisible();
    labs = await openLabs(page);
    await expect(labs.getByTestId('lab-row')).toHaveCount(1);
    await expect(labs.getByTestId('lab-row')).toContainText('open now');

    // Rename it with the keyboard, then duplicate it.
    await labs.getByRole('button', { name: 'Rename Seed lab (edited)' }).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Lesson 1: a third node');
    await page.keyboard.press('Enter');
    await expect(labs.getByTestId('lab-name')).toHaveText('Lesson 1: a third node');
    await expect(labs.getByTestId('labs-now')).toContainText('Open now: Lesson 1: a third node — kept in My labs.');
    await labs.getByRole('button', { name: 'Duplicate Lesson 1: a third node' }).click();
    await expect(labs.getByTestId('lab-name')).toHaveText(['Lesson 1: a third node (copy)', 'Lesson 1: a third node']);
    await expect(labs.getByTestId('labs-note')).toHaveText('Kept a copy: “Lesson 1: a third node (copy)”.');

    // The seed lab from the presets, then the bare address: the lab last worked on opens.
    await labs.getByRole('button', { name: 'Open Seed lab' }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(page.getByTestId('my-labs')).toBeFocused();
    await expect(page.locator('[data-machine="node3"]')).toHaveCount(0);
    labs = await openLabs(page);
    await labs.getByRole('button', { name: 'Open Lesson 1: a third node (copy)' }).click();
    await expect(page.locator('[data-machine="node3"]')).toBeVisible();
    await page.goto('/');
    await expect(page.locator('[data-machine="node3"]')).toBeVisible();
    labs = await openLabs(page);
    await expect(labs.getByTestId('labs-now')).toContainText('Open now: Lesson 1: a third node (copy) — kept in My labs.');
  });

  test('a new lab is empty, kept at once and opens in the editor', async ({ page }) => {
    await openApp(page);
    const labs = await openLabs(page);
    await labs.getByRole('button', { name: 'New lab' }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(page.getByTestId('edit-mode')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('[data-machine]')).toHaveCount(0);
    await page.locator('[data-palette="node"]').click();
    await expect(page.locator('[data-machine="node1"]')).toBeVisible();
    const again = await openLabs(page);
    await expect(again.getByTestId('lab-row')).toHaveCount(1);
    await expect(again.getByTestId('lab-row')).toContainText('New lab');
    await expect(again.getByTestId('labs-now')).toContainText(/Open now: New lab — kept in My labs\. (Saving…|Saved at)/);
  });

  test('the share link opens the same lab and event in a fresh browser', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await addNode(page);
    await page.getByTestId('to').selectOption('node3');
    for (let k = 0; k < 4; k++) await page.getByTestId('next').click();
    const here = await readStep(page);
    await page.getByRole('button', { name: 'Copy link to this event' }).click();
    await expect(page.getByTestId('copy-status')).toHaveText('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/[?&]lab=[^&]+&from=pod1&to=node3&.*&step=5(&|$)/);

    const fresh = await browser.newContext({ locale: 'ru-RU' });
    const other = await fresh.newPage();
    await other.emulateMedia({ reducedMotion: 'reduce' });
    await other.goto(link);
    await expect(other.getByTestId('step-count')).toHaveText(`Event 5 of ${here.total}`);
    await expect(other.locator('[data-machine="node3"]')).toBeVisible();
    const there = await readStep(other);
    expect(there.explanation).toBe(here.explanation);
    expect(there.tag).toBe(here.tag);
    await expect(other.getByTestId('to')).toHaveValue('node3');
    // Nothing is kept there until that browser's user edits it.
    await other.getByTestId('my-labs').click();
    await expect(other.getByRole('dialog').getByText(/No lab kept yet/)).toBeVisible();
    await fresh.close();
  });

  test('a broken file is refused naming the field, a future one too; the lab is untouched', async ({ page }) => {
    await openApp(page);
    await addNode(page);
    const lab = await exported(page);
    expect(lab.version).toBe(1);
    const before = await page.locator('[data-machine]').count();

    const broken = structuredClone(lab) as typeof lab;
    const iface = (broken.machines as { interfaces: { mac?: string }[] }[])[1]?.interfaces[0];
    if (iface) iface.mac = '02:00:zz:00:00:01';
    const labs = await openLabs(page);
    const input = labs.getByTestId('lab-import-file');
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const error = labs.getByRole('alert');
    await expect(error).toContainText('“broken.json” was not imported; nothing was changed:');
    await expect(error).toContainText('machines[1].interfaces[0].mac: expected a MAC like 02:00:0a:0a:0a:01, got "02:00:zz:00:00:01"');

    await input.setInputFiles({ name: 'from-2030.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...lab, version: 2 })) });
    await expect(error).toContainText('“from-2030.json” was not imported');
    await expect(error).toContainText('version: the file is in format version 2, made by a newer Packet Journey; this one reads up to version 1.');
    await expect(labs.getByTestId('lab-row')).toHaveCount(1);
    await labs.getByRole('button', { name: 'Close' }).click();
    await expect(page.locator('[data-machine]')).toHaveCount(before);
    await expect(page.locator('[data-machine="node3"]')).toBeVisible();

    // The good file imports as a new lab and opens; in Russian, a bad one is refused in Russian.
    await page.getByTestId('lang-ru').click();
    const ru = await openLabs(page);
    await ru.getByTestId('lab-import-file').setInputFiles({ name: 'Урок 2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lab)) });
    await expect(ru.getByTestId('labs-note')).toHaveText('Стенд «Урок 2» импортирован: он сохранён в «Моих стендах» и открыт.');
    await expect(ru.getByTestId('lab-row')).toHaveCount(2);
    await ru.getByTestId('lab-import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect(ru.getByRole('alert')).toContainText('machines[1].interfaces[0].mac: ожидается MAC-адрес вида 02:00:0a:0a:0a:01, получено «02:00:zz:00:00:01»');
  });

  test('a damaged autosave is reported with its raw text to download, and can be deleted; never a blank page', async ({ page }) => {
    const raw = '{"version": 1, "name": "Lesson 9", "machi';
    await openApp(page);
    await page.evaluate(async (text) => {
      // The autosave as the app keeps it (IndexedDB "packet-journey", store "labs"), cut short.
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('packet-journey');
        open.onupgradeneeded = () => open.result.createObjectStore('labs');
        open.onsuccess = () => {
          const tx = open.result.transaction('labs', 'readwrite');
          tx.objectStore('labs').put({ id: 'autosave', name: 'Lesson 9', updated: 1, text, labId: null }, 'autosave');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      });
      localStorage.setItem('packet-journey.autosaved', '1');
    }, raw);
    await page.goto('/');
    const banner = page.getByTestId('shelf-trouble');
    await expect(banner).toContainText('The lab autosaved in this browser cannot be read, so the seed lab is shown:');
    await expect(banner).toContainText('the file is not valid JSON (line 1, column 42)');
    await expect(page.locator('[data-machine="router"]')).toBeVisible();
    const [d] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download its text' }).click()]);
    expect(d.suggestedFilename()).toBe('Lesson 9.json');
    expect(await text(d)).toBe(raw);
    await banner.getByRole('button', { name: 'Delete it' }).click();
    await expect(banner).toBeHidden();
    await page.goto('/');
    await expect(page.getByTestId('step-count')).toBeVisible();
    await expect(page.getByTestId('shelf-trouble')).toHaveCount(0);
  });

  test('a damaged lab link opens the seed lab, says why, and offers its text', async ({ page }) => {
    await openApp(page);
    await page.goto('/?lab=N4Igdghg&lang=en');
    await expect(page.getByTestId('link-error')).toContainText('?lab=: lab: the lab in this link cannot be read');
    const banner = page.getByTestId('shelf-trouble');
    await expect(banner).toContainText('The lab in this link cannot be read: download its text to repair it.');
    const [d] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download its text' }).click()]);
    expect(await text(d)).toBe('N4Igdghg');
    await expect(page.locator('[data-machine="router"]')).toBeVisible();
  });

  for (const lang of ['en', 'ru'] as const) {
    test(`the dialog is keyboard-operable and axe-clean (${lang})`, async ({ page }) => {
      await openApp(page, lang);
      await addNode(page);
      await page.getByTestId('my-labs').focus();
      await page.keyboard.press('Enter');
      const labs = dialog(page);
      await expect(labs).toBeVisible();
      await expect(labs.getByTestId('lab-row')).toHaveCount(1);
      // Tab stays inside the modal dialog.
      for (let k = 0; k < 30; k++) {
        await page.keyboard.press('Tab');
        expect(await labs.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      }
      const axe = await new AxeBuilder({ page }).include('[data-testid="labs-dialog"]').options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      // Escape closes it and gives the focus back; the app's keys did nothing meanwhile.
      const step = await page.getByTestId('step-count').textContent();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Escape');
      await expect(labs).toBeHidden();
      await expect(page.getByTestId('my-labs')).toBeFocused();
      await expect(page.getByTestId('step-count')).toHaveText(step ?? '');
    });
  }
});
