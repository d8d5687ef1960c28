import { expect, test } from '@playwright/test';
import { openApp, readStep } from './player';

/*
 * "Check it on real Linux": each event names the command that shows it on real machines and what
 * the output contains (checked on the kernel by src/core/proof/proofFixtures.test.ts).
 */
test.describe('proof on real machines', () => {
  test('the seed lab: a namespace command, the fragments to look for, in both languages', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Detailed', exact: true }).click();
    // ping's own send shows no proof; pod1's route lookup (the next events) does, folded.
    const proof = page.getByTestId('proof');
    await expect(proof).toHaveCount(0);
    for (let k = 0; k < 6 && (await proof.count()) === 0; k++) await page.getByTestId('next').click();
    await expect(proof.locator('summary')).toHaveText('Check it on real Linux');
    // Folded, the commands are not there yet: they load when it is opened.
    const command = page.getByTestId('proof-command');
    await expect(command).toHaveCount(0);
    await proof.locator('summary').click();
    await expect(command).toHaveCount(1);
    // Opened, it stays open from step to step: on to pod1's route lookup.
    for (let k = 0; k < 6 && !(await command.textContent())?.includes('ip route get'); k++) await page.getByTestId('next').click();
    expect((await readStep(page)).step).toBeLessThan(6);
    await expect(page.getByTestId('proof-command')).toHaveText('sudo ip netns exec pod1 ip route get 10.10.11.1');
    await expect(page.getByTestId('proof-expect')).toHaveText(['10.10.11.1 via 10.10.10.254 dev eth0']);
    await page.getByTestId('lang-ru').click();
    await expect(proof.locator('summary')).toHaveText('Проверить на настоящем Linux');
    await expect(proof).toContainText('ip route get задаёт FIB ядра тот же вопрос');
  });

  test('the notes’ cluster: a node through minikube ssh, a pod’s frames on its node’s veth', async ({ page }) => {
    await page.goto('/?preset=flannel-minikube-ping-pod-a-pod-b&lang=en');
    await page.getByRole('button', { name: 'Detailed', exact: true }).click();
    await page.getByTestId('next').click();
    const proof = page.getByTestId('proof');
    await proof.locator('summary').click();
    await expect(proof.locator('summary')).toHaveText('Check it on the real cluster');
    await expect(page.getByTestId('proof-command')).toHaveText(/^(kubectl exec -n default pod-a -- |minikube ssh -n minikube-m02 -- )/);
    // pod-a's first frame (its ARP request) is captured on its node, at the host end of its veth.
    const command = page.getByTestId('proof-command');
    for (let k = 0; k < 10 && !(await command.textContent())?.includes('tcpdump'); k++) await page.getByTestId('next').click();
    await expect(command).toHaveText(/^minikube ssh -n minikube-m02 -- sudo tcpdump -eni veth[0-9a-f]{8} arp$/);
    await expect(proof).toContainText(/veth[0-9a-f]{8} on minikube-m02 is the host end of pod-a’s veth/);
    await expect(page.getByTestId('proof-install')).toContainText("minikube ssh -n minikube-m02 -- 'sudo apt-get update && sudo apt-get install -y tcpdump'");
    await expect(page.getByTestId('proof-expect').nth(1)).toHaveText(/^Request who-has 10\.244\.1\.1 tell 10\.244\.1\.\d+$/);
  });
});
