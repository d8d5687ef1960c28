import { expect, test, type Page } from '@playwright/test';
import { openApp } from './player';

/*
 * No English left in Russian mode (teacher review 2): the rendered page's text, tooltips, ARIA
 * labels and placeholders, over the player, its popovers and dialogs, the labs of every CNI and the
 * small screen. A Latin word passes when it is a name of the lab on screen, an identifier (a digit,
 * `_` or `.` inside: pod1, ping_v4_sendmsg, flannel.1), an acronym (two capitals or more: ARP, IPv4,
 * eBPF), or one of the words below, which Russian courses and the tools themselves write in Latin.
 * Monospace text (tables, addresses, commands, packet fields) is the tools' own output and is not read.
 */

/** Latin words a Russian page may show: commands and their arguments, tools, products, kernel and sysctl words. */
const RU_LATIN_OK = new Set([
  // commands, their subcommands and options, as typed
  'ping', 'ip', 'route', 'link', 'br', 'show', 'table', 'local', 'neigh', 'addr', 'bridge', 'fdb', 'j', 'kubectl', 'get', 'nodes', 'pods', 'ds',
  'o', 'wide', 'A', 'json', 'node', 'list', 'minikube', 'ssh', 'exec', 'netns', 'tcpdump', 's', 'M', 'c', 'b', 't', 'dont', 'do', 'cni', 'n',
  'var', 'run', 'etc', 'add', 'del', 'via', 'dev', 'src', 'append', 'prepend', 'connect', 'm', 'x', 'e', 'i',
  // tools, products and projects
  'Linux', 'Ethernet', 'EtherType', 'Flannel', 'flannel', 'flanneld', 'Calico', 'calico', 'Cilium', 'cilium', 'Weave', 'Net', 'weaver', 'Kubernetes',
  'Docker', 'containerd', 'kubelet', 'dockershim', 'iptables', 'nftables', 'kube-proxy', 'host-local', 'host-gw', 'Wireshark', 'tshark', 'reveal.js', 'Marp', 'Geneve',
  // keys named in the hints and tooltips, file formats, the language switch's own name
  'Tab', 'Enter', 'Home', 'End', 'Esc', 'Escape', 'Shift', 'Ctrl', 'Delete', 'C', 'V', 'Y', 'Z', 'F', 'P', 'iframe', 'pcapng', 'English', 'seq', 'tcp', 'udp',
  // the CNI configuration's own keys, quoted in the story; the notes' cluster's pods in its scenarios' titles
  'stdin', 'stdout', 'name', 'cniVersion', 'pod-a', 'pod-b',
  // kernel and protocol words that have no Russian form in the notes
  'veth', 'lo', 'proxy', 'Proxy', 'martian', 'multicast', 'unicast', 'onlink', 'scope', 'kernel', 'proto', 'lxc', 'cali', 'vethwe', 'weave', 'datapath',
  'Ping', 'Time', 'Exceeded', 'Destination', 'Host', 'Unreachable', 'Fragmentation', 'Needed', 'needed', 'and', 'DF', 'request', 'reply',
]);

/** What a Russian page shows in Latin letters that no rule above lets through, each with where it was seen. */
async function strayLatin(page: Page): Promise<string[]> {
  return page.evaluate((ok) => {
    const allowed = new Set(ok);
    const names = new Set<string>();
    for (const el of document.querySelectorAll('[data-ns],[data-machine],[data-label-for],[data-pin]')) {
      for (const a of ['data-ns', 'data-machine', 'data-label-for', 'data-pin']) for (const part of (el.getAttribute(a) ?? '').split('/')) names.add(part);
    }
    // A segment is named by the first word of its label ("lan 172.16.100.0/24").
    for (const el of document.querySelectorAll('.segment-label')) names.add((el.textContent ?? '').split(' ')[0] ?? '');
    const out = new Map<string, string>();
    const check = (text: string, where: string) => {
      // MAC addresses are data, however many letters they hold; an English term glossed in
      // parentheses after its Russian one («… префиксом (longest prefix match)») is the texts' rule.
      const bare = text.replace(/\b[0-9a-f]{2}(:[0-9a-f]{2}){5}\b/gi, ' ').replace(/\((?:[A-Za-z-]+ )+[A-Za-z-]+\)/g, ' ');
      for (const raw of bare.match(/[A-Za-z][A-Za-z0-9_.-]*/g) ?? []) {
        const w = raw.replace(/[.-]+$/, '');
        if (w === '' || names.has(w) || allowed.has(w) || /[0-9_.]/.test(w) || (w.match(/[A-Z]/g) ?? []).length >= 2) continue;
        if (w.includes('-') && w.split('-').every((p) => p === '' || allowed.has(p) || names.has(p) || (p.match(/[A-Z]/g) ?? []).length >= 2)) continue;
        if (!out.has(w)) out.set(w, `${w} in «${text.trim().slice(0, 90)}» (${where})`);
      }
    };
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script,style,option,optgroup,code,pre,kbd,[translate="no"]') || !shown(el)) continue;
      if (/mono/i.test(getComputedStyle(el).fontFamily)) continue;
      check(n.textContent ?? '', 'text');
    }
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
      if (/mono/i.test(getComputedStyle(el).fontFamily)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) check(v, a);
      }
    }
    return [...out.values()];
  }, [...RU_LATIN_OK]);
}

/** Open a page in Russian, do what `then` says, and list the stray words. */
async function scan(page: Page, url: string, then?: (page: Page) => Promise<void>): Promise<string[]> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  await expect(page.getByTestId('app').first()).toBeVisible();
  if (then) await then(page);
  return (await strayLatin(page)).map((w) => `${url}: ${w}`);
}

test('Russian mode shows no English: player, popovers, dialogs, every CNI, the small screen', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page, 'ru');
  const found: string[] = [];
  found.push(...(await scan(page, '/?lang=ru&step=1')));
  found.push(...(await scan(page, '/?lang=ru&step=40', async (p) => {
    await p.getByTestId('about').click();
    await expect(p.getByTestId('about-note')).toBeVisible();
  })));
  found.push(...(await scan(page, '/?lang=ru&step=40', async (p) => {
    await p.getByTestId('toc').click();
  })));
  found.push(...(await scan(page, '/?lang=ru&step=30', async (p) => {
    await p.getByRole('tab', { name: 'Журнал событий' }).click();
  })));
  for (const preset of ['flannel-minikube-ping-pod-a-pod-b', 'calico-minikube-ping-pod-a-pod-b', 'cilium-minikube-ping-pod-a-pod-b', 'weave-cold-ping-pod1-pod3', 'flannel-vxlan-cold-ping-pod1-pod3', 'mtu-pmtu-learned', 'tcp-handshake-listener']) {
    // Each lab with its "About this lab" open, where its own description is.
    found.push(...(await scan(page, `/?preset=${preset}&lang=ru&step=30`, async (p) => {
      await p.getByTestId('about').click();
      await expect(p.getByTestId('about-note')).toBeVisible();
    })));
  }
  found.push(...(await scan(page, '/?preset=flannel-vxlan-cold-ping-pod1-pod3&lang=ru', async (p) => {
    await p.getByTestId('compare-modes').click();
    await expect(p.getByTestId('compare')).toBeVisible();
  })));
  found.push(...(await scan(page, '/?lang=ru', async (p) => {
    await p.getByTestId('edit-mode').click();
    await expect(p.getByTestId('checks').or(p.getByTestId('checks-ok'))).toBeVisible();
  })));
  found.push(...(await scan(page, '/?lang=ru', async (p) => {
    await p.getByTestId('my-labs').click();
    await expect(p.getByTestId('lab-import-cluster')).toBeVisible();
  })));
  found.push(...(await scan(page, '/?lang=ru', async (p) => {
    await p.getByTestId('my-labs').click();
    await p.getByTestId('lab-import-cluster').click();
    await expect(p.getByTestId('import-paste')).toBeVisible();
  })));
  found.push(...(await scan(page, '/?lang=ru', async (p) => {
    await p.getByTestId('export-menu').click();
  })));
  found.push(...(await scan(page, '/?preset=cni-add-first-pod&lang=ru', async (p) => {
    await expect(p.getByTestId('cni-panel')).toBeVisible();
    await p.getByTestId('cni-next').click();
  })));
  found.push(...(await scan(page, '/?preset=flannel-minikube-ping-pod-a-pod-b&lang=ru', async (p) => {
    await p.getByTestId('terminal-button').click();
    await expect(p.getByTestId('terminal-input')).toBeVisible();
  })));
  found.push(...(await scan(page, '/embed.html?preset=weave-cold-ping-pod1-pod3&lang=ru&step=12&controls=full')));
  await page.setViewportSize({ width: 800, height: 600 });
  found.push(...(await scan(page, '/?lang=ru&step=20', async (p) => {
    await p.getByTestId('journey-fold').click();
  })));
  expect(found).toEqual([]);
});

test('the scan does see English: the same page in English is full of it', async ({ page }) => {
  await page.goto('/?lang=en&step=1');
  await expect(page.getByTestId('step-count')).toBeVisible();
  const words = (await strayLatin(page)).map((w) => w.split(' ')[0]);
  expect(words).toEqual(expect.arrayContaining(['Packets', 'Scenario', 'Event', 'Tables']));
});
