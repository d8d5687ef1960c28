import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, readStep } from './player';

/*
 * Bring your own cluster (issue 12): the notes' kubectl and minikube tables pasted into the import
 * dialog build a lab, kept in My labs, whose first journey is a ping between two pods on different
 * nodes, played to its end; a JSON list and a node's ip -j tables uploaded as files do the same in
 * Russian, after an error shown beside the input in the reader's language.
 */

const fixture = (name: string) => readFileSync(new URL(`../src/core/import/fixtures/${name}`, import.meta.url), 'utf8');

/** Plays the journey to its last event and returns what the counter says. */
async function playToEnd(page: Page): Promise<void> {
  // The journey comes a moment after the lab when its datapath pack loads first (core/packs.ts).
  await expect(page.getByTestId('step-count')).not.toHaveText(/ (of|из) 0$/);
  await page.getByTestId('step-count').click();
  await page.keyboard.press('End');
  const s = await readStep(page);
  expect(s.step).toBe(s.total);
}

test.describe('importing a cluster', () => {
  test('the notes\' tables, pasted in My labs, open as a new kept lab with a ping across nodes', async ({ page }) => {
    await openApp(page, 'en');
    await page.getByTestId('my-labs').click();
    await page.getByTestId('lab-import-cluster').click();
    const dialog = page.getByRole('dialog', { name: 'Import a cluster' });
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('import-go')).toBeDisabled();

    await page.getByTestId('import-paste').fill(fixture('minikube-notes.txt'));
    await expect(page.getByTestId('import-counts')).toHaveText('3 nodes, 3 pods with their own network, 11 hostNetwork, 1 not placed');
    const summary = page.getByTestId('import-summary');
    await expect(summary).toContainText('pasted text, line 15: kubectl get pods: 15 pods.');
    await expect(summary).toContainText('CNI: Flannel, recognised by kube-flannel/kube-flannel-ds.');
    await expect(summary).toContainText('default/nginx-748c667d99-zk8mj (Pending) is listed but not placed');
    await expect(page.getByTestId('import-mode')).toHaveValue('');
    await expect(page.getByTestId('import-mode').locator('option').first()).toHaveText('As detected: Flannel, VXLAN backend');
    expect((await new AxeBuilder({ page }).include('[data-testid="import-dialog"]').analyze()).violations).toEqual([]);

    await page.getByTestId('import-go').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('labs-dialog')).toBeHidden();
    await expect(page.locator('[data-machine="minikube-m03"]')).toBeVisible();
    await playToEnd(page);
    // The last event: the echo reply from the pod on minikube-m03 reaches ping in the one on minikube-m02.
    expect((await readStep(page)).packets).toEqual([{ kind: 'reply', at: 'nginx-748c667d99-8x2zl', from: 'nginx-748c667d99-8x2zl/eth0' }]);
    await page.keyboard.press('Home');
    expect((await readStep(page)).tag).toBe('nginx-748c667d99-8x2zl · send');

    // Kept in My labs, and its terminal answers with the imported names.
    await page.getByTestId('my-labs').click();
    await expect(page.getByTestId('my-labs-list')).toContainText('Cluster minikube (imported)');
    await page.getByTestId('labs-close').click();
    await page.getByTestId('terminal-button').click();
    await page.getByTestId('terminal-input').fill('kubectl get pods -A -o wide | grep nginx');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('terminal-log').locator('pre.terminal-output').last()).toContainText(/nginx-748c667d99-qn5tw\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.2\.2\s+minikube-m03/);
  });

  test('in Russian: an error beside the input, then a JSON list and a node\'s ip -j tables as files', async ({ page }) => {
    await openApp(page, 'ru');
    await page.getByTestId('import-cluster').click();
    const dialog = page.getByRole('dialog', { name: 'Импорт кластера' });
    await expect(dialog).toBeVisible();

    await page.getByTestId('import-paste').fill('NAMESPACE     NAME               READY   STATUS    RESTARTS   AGE\nkube-system   kube-proxy-x7k2p   1/1     Running   0          5m');
    const errors = page.getByTestId('import-errors');
    await expect(errors).toContainText('вставленный текст, строка 1: В таблице pods нет столбцов IP, NODE: выведите её с -o wide');
    await expect(page.getByTestId('import-paste')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('import-go')).toBeDisabled();
    await page.getByTestId('import-paste').fill('');

    await page.getByTestId('import-files').setInputFiles([
      { name: 'minikube-flannel.json', mimeType: 'application/json', buffer: Buffer.from(fixture('minikube-flannel.json')) },
      { name: 'minikube-m02-ip.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture('minikube-m02-ip.txt')) },
    ]);
    const summary = page.getByTestId('import-summary');
    await expect(summary).toContainText('minikube-m02-ip.txt, строка 2: ip -j addr: 6 интерфейсов (нода minikube-m02).');
    await expect(summary).toContainText('Нода minikube-m02: у интерфейса flannel.1 MAC 6a:7e:1b:0f:92:4c, как показывает ip -j addr.');
    await expect(summary).toContainText('Бэкенд Flannel — vxlan, как показывает flannel.1 в ip -j addr.');
    await expect(errors).toBeHidden();
    await page.getByTestId('import-go').click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('[data-machine="minikube-m02"]')).toBeVisible();
    await expect(page.getByTestId('step-count')).toContainText('Событие 1 из');
    await playToEnd(page);
    expect((await readStep(page)).packets).toEqual([{ kind: 'reply', at: 'pod-a', from: 'pod-a/eth0' }]);
    expect((await readStep(page)).explanation).toContain('Эхо-ответ доходит до ping в pod-a');
  });

  test('a minikube Cilium cluster with WireGuard: detected from cilium_wg0, and its handshake checked with wg show', async ({ page }) => {
    await openApp(page, 'en');
    await page.getByTestId('import-cluster').click();
    await page.getByTestId('import-files').setInputFiles([
      { name: 'minikube-cilium.json', mimeType: 'application/json', buffer: Buffer.from(fixture('minikube-cilium.json')) },
      { name: 'm02.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture('minikube-cilium-wg-m02-ip.txt')) },
    ]);
    const summary = page.getByTestId('import-summary');
    await expect(summary).toContainText('Transparent encryption with WireGuard is on (enable-wireguard), as cilium_wg0 in ip -j addr shows');
    await expect(page.getByTestId('import-mode').locator('option').first()).toHaveText('As detected: Cilium, tunnel, encrypted with WireGuard (cilium_wg0, UDP 51871)');
    await page.getByTestId('import-go').click();
    await expect(page.locator('[data-machine="minikube-m02"]')).toBeVisible();

    // The handshake's first message, and what proves it on the node: the peer in wg show.
    await page.getByRole('button', { name: 'Detailed', exact: true }).click();
    await page.getByRole('tab', { name: 'Event log' }).click();
    await page.locator('[data-testid="log-list"] [role="option"]').filter({ hasText: /handshake initiation to/ }).first().click();
    const proof = page.getByTestId('proof');
    await proof.locator('summary').click();
    await expect(page.getByTestId('proof-command')).toHaveText(/^minikube ssh -n minikube(-m0\d)? -- sudo wg show cilium_wg0$/);
    await expect(page.getByTestId('proof-expect').first()).toHaveText('listening port: 51871');
    await expect(page.getByTestId('proof-install')).toContainText('sudo apt-get install -y wireguard-tools');
    await page.getByTestId('lang-ru').click();
    await expect(proof).toContainText('wg show перечисляет пиров устройства WireGuard');
  });

  test('a minikube Calico cluster keeps its pods\' addresses and plays a ping across nodes', async ({ page }) => {
    await openApp(page, 'en');
    await page.getByTestId('import-cluster').click();
    await page.getByTestId('import-paste').fill(fixture('minikube-calico.txt'));
    await expect(page.getByTestId('import-counts')).toHaveText('3 nodes, 4 pods with their own network, 11 hostNetwork, 1 not placed');
    const summary = page.getByTestId('import-summary');
    await expect(summary).toContainText('minikube start with 3 nodes and --cni calico');
    await expect(summary).toContainText('CNI: Calico, recognised by kube-system/calico-node.');
    await expect(summary).toContainText('Calico encapsulation: IP-in-IP (tunl0), as tunl0 in ip -j addr shows.');
    await expect(summary).toContainText('minikube-m02: Calico block 10.244.205.192/26, affine to it');
    await expect(page.getByTestId('import-mode').locator('option').first()).toHaveText('As detected: Calico IP-in-IP (tunl0, BGP routes through it; the manifest\'s default)');
    await page.getByTestId('import-go').click();
    await expect(page.locator('[data-machine="minikube-m03"]')).toBeVisible();
    // Its IP-in-IP pack loads with the lab (core/packs.ts): the journey follows, from its first event.
    await expect(page.locator('.explain .event-tag')).toHaveText('nginx-748c667d99-4kx2m · send');
    await page.getByTestId('step-count').click();
    await page.keyboard.press('Home');
    expect((await readStep(page)).tag).toBe('nginx-748c667d99-4kx2m · send');
    await playToEnd(page);
    expect((await readStep(page)).packets).toEqual([{ kind: 'reply', at: 'nginx-748c667d99-4kx2m', from: 'nginx-748c667d99-4kx2m/eth0' }]);

    // The terminal shows the cluster as pasted: -o wide's columns, RESTARTS, the pending pod.
    await page.getByTestId('terminal-button').click();
    const log = page.getByTestId('terminal-log');
    await page.getByTestId('terminal-input').fill('kubectl get nodes -o wide');
    await page.keyboard.press('Enter');
    await expect(log.locator('pre.terminal-output').last()).toContainText(/minikube-m02\s+Ready\s+<none>\s+11m\s+v1\.26\.3\s+192\.168\.49\.3\s+<none>\s+Ubuntu 20\.04\.5 LTS\s+6\.1\.0-21-amd64\s+docker:\/\/23\.0\.2/);
    await page.getByTestId('terminal-input').fill('kubectl get pods -A');
    await page.keyboard.press('Enter');
    await expect(log.locator('pre.terminal-output').last()).toContainText(/nginx-748c667d99-w9rjd\s+0\/1\s+Pending/);
    await expect(log.locator('pre.terminal-output').last()).toContainText(/calico-kube-controllers-7bdbfc669-2hq8w\s+1\/1\s+Running\s+2 \(10m ago\)/);
  });
});
