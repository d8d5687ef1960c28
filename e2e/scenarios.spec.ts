import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, readStep } from './player';

/** The scenario of the issue: TCP from pod1 to port 80 of pod3, where a program listens. */
const LISTENER = 'tcp-handshake-listener';

/** Wait until the address bar has caught up with the app (it follows a moment after each change). */
async function addressSays(page: Page, re: RegExp): Promise<URL> {
  await expect.poll(() => page.url(), { timeout: 3000 }).toMatch(re);
  return new URL(page.url());
}

/** The event log's rows whose text matches `re`, as event numbers (0-based) with their row text. */
async function logRows(page: Page, re: RegExp): Promise<{ n: number; type: string; ns: string; text: string }[]> {
  const rows = await page.locator('[data-testid="log-list"] [role="option"]').evaluateAll((els) =>
    els.map((el) => ({
      n: Number(el.getAttribute('data-event')),
      type: el.querySelector('.log-type')?.textContent ?? '',
      ns: el.querySelector('.log-ns')?.textContent ?? '',
      text: el.querySelector('.log-text')?.textContent ?? '',
    })),
  );
  return rows.filter((r) => re.test(r.text));
}

for (const lang of ['en', 'ru'] as const) {
  const T =
    lang === 'en'
      ? { scenario: 'Scenario', log: 'Event log', send: 'send', deliver: 'deliver', step: 'Event', listens: 'Listens on tcp/80, udp/53', own: 'Your own journey' }
      : { scenario: 'Сценарий', log: 'Журнал событий', send: 'отправка', deliver: 'доставка', step: 'Событие', listens: 'Слушает tcp/80, udp/53', own: 'Свой путь' };

  test.describe(`${lang}: scenarios one click away`, () => {
    test('picking the listener scenario plays SYN, then SYN-ACK, then ACK, and pod3 shows what it listens on', async ({ page }) => {
      await openApp(page, lang);
      const picker = page.getByRole('combobox', { name: T.scenario });
      await expect(picker).toHaveValue('cold-ping-pod1-pod3');
      await picker.selectOption(LISTENER);
      await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`^${T.step} 1 `));
      await expect(page.getByTestId('proto')).toHaveValue('tcp');
      await expect(page.getByTestId('port')).toHaveValue('80');
      // The drawing says where a program listens, beside the pod's name.
      await expect(page.locator('[data-listeners="pod3"]')).toHaveText('tcp/80 udp/53');
      await expect(page.locator('[data-listeners="pod1"]')).toHaveCount(0);

      await page.getByRole('tab', { name: T.log }).click();
      // The log's chunk loads when its tab is first reached.
      await expect(page.getByTestId('log-list')).toBeVisible();
      const sends = await logRows(page, /\[(S|S\.|\.)\]/);
      const first = (flags: string, ns: string, type: string) => sends.find((r) => r.text.includes(`[${flags}]`) && r.ns === ns && r.type === type);
      const syn = first('S', 'pod1', T.send);
      const synAck = first('S.', 'pod3', T.send);
      const ack = first('.', 'pod1', T.send);
      const ackIn = first('.', 'pod3', T.deliver);
      expect(syn?.text).toMatch(/SYN \[S\] 10\.10\.10\.1:\d+ → 10\.10\.11\.1:80/);
      expect(synAck?.text).toMatch(/SYN-ACK \[S\.\] 10\.10\.11\.1:80 → 10\.10\.10\.1:\d+/);
      expect(ack?.text).toMatch(/ACK \[\.\] 10\.10\.10\.1:\d+ → 10\.10\.11\.1:80/);
      expect(syn && synAck && ack && ackIn && syn.n < synAck.n && synAck.n < ack.n && ack.n < ackIn.n).toBe(true);

      // Play to the end: the last event is the ACK arriving in pod3; nothing was dropped or refused.
      await page.getByTestId('last').click();
      const end = await readStep(page);
      expect(end.step).toBe(end.total);
      expect(end.tag).toContain('pod3');
      expect(await logRows(page, /RST|\[R/)).toEqual([]);

      // Pinned, pod3's tables say it listens.
      await page.locator('g[data-pin="pod3"]').click();
      await page.getByRole('tab', { name: lang === 'en' ? 'Tables' : 'Таблицы' }).click();
      await expect(page.getByTestId('listens')).toHaveText(T.listens);
    });

    test('?preset= opens the scenario in a fresh page, the address keeps it, and a reload restores it', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`/?preset=${LISTENER}&lang=${lang}`);
      await expect(page.getByTestId('scenario')).toHaveValue(LISTENER);
      await expect(page.locator('[data-listeners="pod3"]')).toBeVisible();
      await page.getByTestId('next').click();
      await page.getByTestId('next').click();
      const before = await readStep(page);
      const url = await addressSays(page, /step=3/);
      expect(Object.fromEntries(url.searchParams)).toMatchObject({ preset: LISTENER, proto: 'tcp', port: '80', lang, step: '3' });
      await page.reload();
      await expect(page.getByTestId('step-count')).toHaveText(`${T.step} 3 ${lang === 'en' ? 'of' : 'из'} ${before.total}`);
      await expect(page.getByTestId('scenario')).toHaveValue(LISTENER);
      expect((await readStep(page)).explanation).toBe(before.explanation);
      await expect(page.getByTestId('link-error')).toHaveCount(0);
    });

    test('form fields change a scenario’s journey; the link keeps the scenario’s lab and the size', async ({ page }) => {
      await openApp(page, lang);
      await page.getByTestId('scenario').selectOption('mtu-frag-needed-router');
      await expect(page.getByTestId('size')).toHaveValue('1400');
      await addressSays(page, /preset=mtu-frag-needed-router&.*size=1400&/);
      await page.getByTestId('size').fill('100');
      await page.getByTestId('size').press('Enter');
      await expect(page.getByTestId('scenario')).toHaveValue('');
      await expect(page.getByTestId('scenario').locator('option:checked')).toHaveText(T.own);
      await addressSays(page, /preset=mtu-frag-needed-router&.*size=100&/);
      await page.reload();
      await expect(page.getByTestId('size')).toHaveValue('100');
      // Choosing the scenario again brings its own journey back.
      await page.getByTestId('scenario').selectOption('mtu-frag-needed-router');
      await expect(page.getByTestId('size')).toHaveValue('1400');
    });

    test('an unknown preset is named on the page, and the seed lab opens', async ({ page }) => {
      await page.goto(`/?preset=no-such-scenario&lang=${lang}`);
      const banner = page.getByTestId('link-error');
      await expect(banner).toContainText(lang === 'en' ? '?preset=no-such-scenario: there is no scenario “no-such-scenario”' : '?preset=no-such-scenario: сценария «no-such-scenario» нет');
      await expect(page.locator('[data-machine]')).toHaveCount(3);
      await expect(page.getByTestId('scenario')).toHaveValue('cold-ping-pod1-pod3');
      await page.getByTestId(lang === 'en' ? 'lang-ru' : 'lang-en').click();
      await expect(banner).toContainText(lang === 'en' ? 'сценария «no-such-scenario» нет, поэтому показан учебный стенд' : 'there is no scenario “no-such-scenario”, so the seed lab is shown');
    });

    test('the picker works by keyboard, wide and folded', async ({ page }) => {
      await openApp(page, lang);
      // Wide: Tab reaches the picker after the journey's fields; a key changes the scenario, type-ahead finds one.
      await page.locator('body').click({ position: { x: 2, y: 2 } });
      for (let k = 0; k < 20; k++) {
        await page.keyboard.press('Tab');
        if (await page.getByTestId('scenario').evaluate((el) => el === document.activeElement)) break;
      }
      await expect(page.getByTestId('scenario')).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(page.getByTestId('scenario')).toHaveValue('ping-pod1-pod2-same-bridge');
      await expect(page.getByTestId('to')).toHaveValue('pod2');
      await page.keyboard.type(lang === 'en' ? 'TCP connect' : 'TCP-подключение');
      await expect(page.getByTestId('scenario')).toHaveValue(LISTENER);
      await expect(page.getByTestId('proto')).toHaveValue('tcp');

      // Folded (800×600): the fold button opens the form, whose first Tab stop is the picker.
      await page.setViewportSize({ width: 800, height: 600 });
      await expect(page.getByTestId('app')).toHaveAttribute('data-size', 'compact');
      await page.getByTestId('journey-fold').focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await expect(page.getByTestId('scenario')).toBeFocused();
      await page.keyboard.press('End');
      const last = await page.getByTestId('scenario').inputValue();
      expect(last).not.toBe(LISTENER);
      await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`^${T.step} 1 `));
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('journey-fold')).toBeFocused();
    });

    for (const size of [
      { width: 1280, height: 720 },
      { width: 800, height: 600 },
    ]) {
      test(`axe finds no violations with the picker shown at ${size.width}×${size.height}`, async ({ page }) => {
        await page.setViewportSize(size);
        await openApp(page, lang);
        if (size.width < 1100) await page.getByTestId('journey-fold').click();
        await page.getByTestId('scenario').selectOption(LISTENER);
        await page.getByTestId('scenario').focus();
        await expect(page.getByTestId('scenario')).toBeVisible();
        const axe = await new AxeBuilder({ page }).analyze();
        expect(axe.violations.map((v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}

test('the picker shows "ping -M dont" as itself, not as its DF twin on the same lab (teacher review 2)', async ({ page }) => {
  await openApp(page, 'en');
  const picker = page.getByTestId('scenario');
  for (const id of ['mtu-fragment-router-dont', 'mtu-frag-needed-router', 'mtu-fragment-router-dont']) {
    await picker.selectOption(id);
    await expect(picker).toHaveValue(id);
  }
  // And from a link.
  await page.goto('/?preset=mtu-fragment-router-dont&lang=en');
  await expect(page.getByTestId('scenario')).toHaveValue('mtu-fragment-router-dont');
});

test('"About this lab" does not deny the VXLAN a Flannel lab shows, nor claim a kernel check for Weave (teacher review 2)', async ({ page }) => {
  for (const [lang, vxlan, unchecked] of [['en', 'of the overlays only VXLAN', 'cannot run there'], ['ru', 'из оверлейных сетей есть только VXLAN', 'там не запускаются']] as const) {
    await page.goto(`/?preset=weave-cold-ping-pod1-pod3&lang=${lang}`);
    await page.getByTestId('about').click();
    const note = page.getByTestId('about-note');
    await expect(note).toContainText(vxlan);
    await expect(note).toContainText(unchecked);
    await expect(note).not.toContainText(lang === 'en' ? 'no VXLAN' : 'нет IPv6, многоадресной рассылки, VXLAN');
  }
});

test('the titles load with the picker’s first use: the first page shows the opening scenario’s, the list all of them once reached', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  const titlesFetched = () => fetched.filter((u) => /scenario-titles\.(en|ru)-/.test(u));
  await openApp(page, 'en');
  await page.waitForLoadState('networkidle');
  const picker = page.getByTestId('scenario');
  // The first page: the scenario on screen by its title (from the interface's texts), no titles' file.
  await expect(picker.locator('option:checked')).toHaveText('First ping pod1 → pod3 (empty caches, other node)');
  await expect(picker).toHaveAttribute('title', 'First ping pod1 → pod3 (empty caches, other node)');
  expect(titlesFetched()).toEqual([]);
  // The pointer reaching the list fetches them, before it can open.
  await picker.hover();
  await expect(picker.locator(`option[value="${LISTENER}"]`)).toHaveText('TCP connect to a listening port on pod3: SYN, SYN-ACK, ACK');
  expect(titlesFetched()).toHaveLength(1);
  // From now on they are part of the language: a switch shows the list in Russian at once.
  await page.getByTestId('lang-ru').click();
  await expect(picker.locator(`option[value="${LISTENER}"]`)).toHaveText('TCP-подключение к слушающему порту pod3: SYN, SYN-ACK, ACK');
  expect(titlesFetched()).toHaveLength(2);
});
