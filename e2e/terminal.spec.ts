import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp } from './player';

/*
 * The cluster terminal on the notes' minikube cluster: the notes' commands answered as kubectl and
 * minikube print them, from the lab; a restart's note on what it changes in the datapath; typed
 * commands with history; what it does not know, said in the reader's language.
 */

const PRESET = '/?preset=flannel-minikube-ping-pod-a-pod-b';

test.describe('the cluster terminal', () => {
  test('answers the notes\' commands for the lab, and says what a DaemonSet restart changes', async ({ page }) => {
    await openApp(page, 'en');
    await page.goto(PRESET);
    await page.getByTestId('terminal-button').click();
    const term = page.getByRole('dialog', { name: 'Terminal: minikube cluster' });
    await expect(term).toBeVisible();
    await expect(page.getByTestId('terminal-input')).toBeFocused();
    const log = page.getByTestId('terminal-log');

    await term.getByRole('button', { name: 'minikube node list' }).click();
    await expect(log).toContainText('minikube\t192.168.67.2\nminikube-m02\t192.168.67.3\nminikube-m03\t192.168.67.4', { useInnerText: false });
    await term.getByRole('button', { name: 'kubectl get ds -A' }).click();
    await expect(log).toContainText(/kube-flannel\s+kube-flannel-ds\s+3\s+3\s+3\s+3\s+3\s+<none>/);
    await term.getByRole('button', { name: 'kubectl get pods -A -o wide | grep flannel' }).click();
    await expect(log.locator('pre.terminal-output').last()).toContainText(/kube-flannel-ds-\w{5}\s+1\/1\s+Running\s+0\s+\S+\s+192\.168\.67\.3\s+minikube-m02/);

    // The pods' own addresses come from the lab (the CNI ADD gave them).
    await page.getByTestId('terminal-input').fill('kubectl get pods -o wide');
    await page.keyboard.press('Enter');
    await expect(log.locator('pre.terminal-output').last()).toContainText(/pod-a\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.1\.2\s+minikube-m02/);

    await term.getByRole('button', { name: 'kubectl rollout restart ds kube-flannel-ds -n kube-flannel' }).click();
    await expect(log).toContainText('daemonset.apps/kube-flannel-ds restarted');
    const note = page.getByTestId('terminal-restart');
    await expect(note).toContainText('flannel.1');
    await expect(note).toContainText('CNI plugin runs only when a pod with its own network namespace is created or deleted, and the restart touched none');

    // History: the arrow brings the last command back.
    await page.getByTestId('terminal-input').focus();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('terminal-input')).toHaveValue('kubectl rollout restart ds kube-flannel-ds -n kube-flannel');

    await page.getByTestId('terminal-input').fill('ls -la');
    await page.keyboard.press('Enter');
    await expect(log).toContainText('ls -la is not one of this terminal\'s commands');

    const axe = await new AxeBuilder({ page }).include('[data-testid="terminal"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(term).toHaveCount(0);
    await expect(page.getByTestId('terminal-button')).toBeFocused();
  });

  test('speaks Russian around the tools\' own output, and is offered only for a lab that models a cluster', async ({ page }) => {
    await openApp(page, 'ru');
    await expect(page.getByTestId('terminal-button')).toHaveCount(0);
    await page.goto(PRESET);
    await page.getByTestId('terminal-button').click();
    await expect(page.getByRole('dialog', { name: 'Терминал: кластер minikube' })).toBeVisible();
    await page.getByTestId('terminal-input').fill('kubectl get nodes');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('terminal-log')).toContainText(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    await page.getByTestId('terminal-input').fill('minikube start --nodes 3 --cni flannel');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('terminal-log')).toContainText('Этот стенд и есть кластер');
  });

  for (const { lang, width, height } of [{ lang: 'en', width: 1280, height: 720 }, { lang: 'ru', width: 800, height: 600 }] as const) {
    test(`long lines scroll sideways at ${width}x${height} (${lang}): the NODE column of a grep is reached by keys and by the button`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openApp(page, lang);
      await page.goto(`${PRESET}&lang=${lang}`);
      await page.getByTestId('terminal-button').click();
      await page.getByTestId('terminal-input').fill('kubectl get pods -A -o wide | grep flannel');
      await page.keyboard.press('Enter');
      const log = page.getByTestId('terminal-log');
      await expect(log.locator('pre.terminal-output')).toContainText('minikube-m02');
      const before = await page.getByTestId('step-count').textContent();
      // Where the NODE value of minikube-m02's row is drawn, against the output's visible box.
      const nodeSeen = () => log.evaluate((box) => {
        const pre = box.querySelector('pre.terminal-output');
        const text = pre?.firstChild;
        if (!pre || !text) return null;
        const at = (text.textContent ?? '').indexOf('minikube-m02');
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 'minikube-m02'.length);
        const r = range.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        return r.left >= b.left && r.right <= b.right;
      });
      expect(await nodeSeen()).toBe(false);
      await expect(page.getByTestId('terminal-sideways')).toBeVisible();
      await expect(page.getByTestId('terminal-left')).toBeDisabled();

      // The keyboard: the output takes focus and the arrows scroll it, not the player.
      await log.focus();
      for (let k = 0; k < 40 && !(await nodeSeen()); k++) await page.keyboard.press('ArrowRight');
      expect(await nodeSeen()).toBe(true);
      await expect(page.getByTestId('step-count')).toHaveText(before ?? '');
      await expect(page.getByTestId('terminal-left')).toBeEnabled();
      await page.screenshot({ path: test.info().outputPath(`terminal-scrolled-${lang}-${width}.png`) });

      // The mouse: back to the start with ◀, then ▶ until the column shows.
      while (await page.getByTestId('terminal-left').isEnabled()) await page.getByTestId('terminal-left').click();
      expect(await nodeSeen()).toBe(false);
      for (let k = 0; k < 5 && !(await nodeSeen()); k++) await page.getByTestId('terminal-right').click();
      expect(await nodeSeen()).toBe(true);
    });
  }
});
