import { describe, expect, it } from 'vitest';
import type { CniEvent } from '../cni/events';
import { GLOSSARY_RU } from '../i18n/ru/glossary';
import { storyOfPodAdd, type CniStory } from '../model/cniStory';
import { addPod } from '../model/podNetwork';
import { seedCalico } from '../presets/calicoPresets';
import { buildCniStory } from '../presets/cniStories';
import { CNI_STORY_IDS } from '../presets/cniStoryIds';
import { cniChapterAt, tellCniChapters, tellCniEvent, tellCniOutcome } from './cniStory';

/*
 * The CNI story's narrator over the five CNI scenarios: chapters in order, each misconception
 * corrected only in the chapter whose event it is about, and every text in both languages read
 * as a teacher would (Russian glossary, Latin only for names and tokens, no placeholders).
 */

const stories = Object.fromEntries(CNI_STORY_IDS.map((id) => [id, buildCniStory(id)])) as Record<(typeof CNI_STORY_IDS)[number], CniStory>;
const at = (s: CniStory, p: (e: CniEvent) => boolean) => s.events.findIndex(p);

/** A pod added to a Calico lab, as the editor offers its story: Calico's plugin, calico-ipam, no bridge. */
function calicoStory(): CniStory {
  const before = seedCalico();
  return storyOfPodAdd(before, 'node1', 'pod5', addPod(before, 'node1', { name: 'pod5' }).cni);
}

describe('the CNI narrator on Calico\'s plugin', () => {
  it('tells a pod without a bridge: calico-ipam\'s address, the cali* veth on no bridge, no host-local correction', () => {
    const s = calicoStory();
    const ch = tellCniChapters(s, 'en');
    expect(ch.map((c) => c.kind)).toEqual(['netns', 'call', 'ipam', 'veth', 'pod', 'result']);
    expect(ch.find((c) => c.kind === 'ipam')?.title).toBe('calico-ipam allocates 10.10.10.0');
    expect(ch.find((c) => c.kind === 'veth')?.title).toMatch(/^The veth pair: eth0 in pod5, cali[0-9a-f]{11} in node1, on no bridge$/);
    expect(ch.some((c) => c.correction?.code === 'host-local-round-robin')).toBe(false);
    const texts = s.events.map((_, i) => tellCniEvent(s, i, 'en'));
    expect(texts.some((t) => /bridge creates/.test(t))).toBe(false);
    expect(texts.some((t) => /calico sets cali[0-9a-f]{11}'s MAC to ee:ee:ee:ee:ee:ee/.test(t))).toBe(true);
    expect(texts.some((t) => /^Route 169\.254\.1\.1\/32 dev eth0 in pod5/.test(t))).toBe(true);
    expect(tellCniChapters(s, 'ru').find((c) => c.kind === 'veth')?.title).toMatch(/без моста$/);
  });
});

describe('the CNI narrator', () => {
  it('first pod: the runtime makes the namespace, flannel delegates, bridge creates cni0, with the corrections where they happen', () => {
    const s = stories['cni-add-first-pod'];
    const ch = tellCniChapters(s, 'en');
    expect(ch.map((c) => c.kind)).toEqual(['netns', 'call', 'flannel', 'bridge', 'veth', 'ipam', 'pod', 'gateway', 'result']);
    const created = at(s, (e) => e.type === 'link' && e.op === 'add' && e.kind === 'bridge');
    const bridge = ch.find((c) => c.kind === 'bridge');
    expect(bridge).toMatchObject({ at: created, title: 'bridge creates cni0', correction: { code: 'cni0-created-by-bridge' } });
    expect(bridge?.correction?.text).toMatch(/did not exist until this moment, and flannel does not create it/);
    expect(ch.some((c) => c.correction?.code === 'cni0-exists')).toBe(false);
    expect(ch[0]?.correction?.code).toBe('runtime-not-kubelet');
    expect(ch.find((c) => c.kind === 'flannel')).toMatchObject({ at: at(s, (e) => e.type === 'file' && e.path === '/run/flannel/subnet.env'), title: 'flannel reads subnet.env and delegates to bridge', correction: { code: 'flannel-creates-nothing' } });
    expect(ch.find((c) => c.kind === 'gateway')?.correction?.text).toMatch(/cni0 gets 10\.10\.10\.1\/24 because the configuration says isGateway/);
    expect(ch.find((c) => c.kind === 'ipam')?.title).toBe('host-local allocates 10.10.10.2');
    expect(tellCniEvent(s, created, 'en', 'short')).toBe('bridge creates the bridge cni0');
    expect(tellCniEvent(s, created, 'ru', 'short')).toBe('Плагин bridge создаёт мост cni0');
    const start = at(s, (e) => e.type === 'ipam' && e.op === 'start');
    expect(tellCniEvent(s, start, 'en')).toMatch(/nothing reserved yet in this network/);
    // CNI spec §4: bridge hands host-local its own stdin unchanged; only flannel builds a new configuration (for bridge).
    const toIpam = at(s, (e) => e.type === 'exec' && e.caller.by === 'plugin' && e.plugin === 'host-local');
    expect(tellCniEvent(s, toIpam, 'en')).toMatch(/with the same environment and the same configuration on stdin \(host-local reads its ipam section\)$/);
    const toBridge = at(s, (e) => e.type === 'exec' && e.caller.by === 'plugin' && e.plugin === 'bridge');
    expect(tellCniEvent(s, toBridge, 'ru')).toMatch(/на stdin — конфигурация, которую составил плагин flannel$/);
    // isGateway is flannel's default for bridge; hairpinMode and isDefaultGateway come from the conflist (kube-flannel.yml's delegate).
    const delegated = at(s, (e) => e.type === 'delegate');
    expect(tellCniEvent(s, delegated, 'en')).toMatch(/isGateway, flannel's own default for bridge; hairpinMode and isDefaultGateway from the conflist's delegate section$/);
    expect(tellCniOutcome(s, 'en')).toBe('pod1 has its network on node1: 10.10.10.2/24 on eth0, gateway 10.10.10.1 (38 events).');
    expect(tellCniOutcome(s, 'ru')).toBe('У пода pod1 есть сеть на ноде node1: 10.10.10.2/24 на eth0, шлюз 10.10.10.1 (38 событий).');
  });

  it('second pod: cni0 exists (said there, not "created"), host-local goes on after last_reserved_ip', () => {
    const s = stories['cni-add-second-pod'];
    const ch = tellCniChapters(s, 'en');
    const exists = at(s, (e) => e.type === 'link' && e.op === 'exists');
    expect(ch.find((c) => c.kind === 'bridge')).toMatchObject({ at: exists, title: 'bridge finds cni0 already there', correction: { code: 'cni0-exists' } });
    expect(ch.some((c) => c.correction?.code === 'cni0-created-by-bridge')).toBe(false);
    expect(ch.find((c) => c.kind === 'ipam')).toMatchObject({ title: 'host-local allocates 10.10.10.3', correction: { code: 'host-local-round-robin' } });
    const start = at(s, (e) => e.type === 'ipam' && e.op === 'start');
    expect(tellCniEvent(s, start, 'en')).toBe('host-local looks for a free address in 10.10.10.1-10.10.10.254, from 10.10.10.3 — the address after last_reserved_ip (10.10.10.2): round-robin, not the lowest free one');
    expect(tellCniChapters(s, 'ru').find((c) => c.kind === 'bridge')?.title).toBe('Плагин bridge находит готовый мост cni0');
  });

  it('DEL with the namespace present: bridge deletes the pair, cni0 stays, the runtime removes the namespace', () => {
    const s = stories['cni-del'];
    const ch = tellCniChapters(s, 'en');
    expect(ch.map((c) => c.kind)).toEqual(['call', 'flannel', 'teardown', 'ipam', 'result', 'netns-del']);
    expect(ch.find((c) => c.kind === 'teardown')?.correction?.code).toBe('cni0-stays');
    expect(ch.find((c) => c.kind === 'ipam')).toMatchObject({ title: 'host-local releases 10.10.10.3', correction: { code: 'freed-not-reused' } });
    const del = at(s, (e) => e.type === 'link' && e.op === 'del' && e.ns !== 'host');
    expect(tellCniEvent(s, del, 'en')).toBe('bridge deletes eth0 in pod2 — deleting one end of a veth pair deletes the other: its peer in the node goes too');
    expect(tellCniOutcome(s, 'en')).toMatch(/^pod2's network is gone; cni0 stays/);
  });

  it('DEL with the namespace already gone: nothing to remove, the reservation still freed, success', () => {
    const s = stories['cni-del-netns-gone'];
    expect(s.error).toBeUndefined();
    expect(s.events.some((e) => e.type === 'link' || e.type === 'route')).toBe(false);
    const ch = tellCniChapters(s, 'en');
    const bridgeExec = at(s, (e) => e.type === 'exec' && e.plugin === 'bridge');
    expect(ch.find((c) => c.kind === 'teardown')).toMatchObject({ at: bridgeExec, title: 'The namespace is gone: nothing to remove in it', correction: { code: 'del-netns-gone' } });
    expect(tellCniChapters(s, 'en', 'short').find((c) => c.kind === 'teardown')?.correction?.text).toBe('DEL must succeed even when the namespace is already gone.');
    expect(s.events.some((e) => e.type === 'ipam' && e.op === 'release' && e.ip === '10.10.10.3')).toBe(true);
    expect(tellCniOutcome(s, 'ru')).toBe('DEL прошёл, хотя пространства имён пода pod2 уже не было; его адрес свободен (11 событий).');
  });

  it('CHECK that fails: the address removed by hand, bridge exits with 1 and error 999', () => {
    const s = stories['cni-check-fails'];
    expect(s.error).toEqual({ code: 999, msg: 'Failed to match addr 10.10.10.2/24 on interface eth0' });
    const ch = tellCniChapters(s, 'en');
    const exit = at(s, (e) => e.type === 'exit' && e.exitCode === 1);
    expect(ch.at(-1)).toMatchObject({ at: exit, kind: 'result', title: 'CHECK fails: error 999' });
    expect(tellCniEvent(s, exit, 'en', 'short')).toBe('bridge exits with 1: error 999, «Failed to match addr 10.10.10.2/24 on interface eth0»');
    expect(tellCniEvent(s, exit, 'ru', 'short')).toBe('Плагин bridge завершается с кодом 1: ошибка 999, «Failed to match addr 10.10.10.2/24 on interface eth0»');
    expect(cniChapterAt(ch, exit)?.kind).toBe('result');
    expect(tellCniOutcome(s, 'en')).toBe('CHECK failed with error 999: «Failed to match addr 10.10.10.2/24 on interface eth0» (8 events).');
  });
});

/** Latin words a Russian CNI text may hold: the spec's and the tools' own names. */
const LATIN_OK = new Set([
  'cni', 'cni_command', 'cni_containerid', 'cni_netns', 'cni_ifname', 'add', 'del', 'check', 'stdin', 'stdout', 'json', 'code', 'msg', 'name', 'cniversion', 'prevresult',
  'containerd', 'cri-o', 'cri', 'kubelet', 'kubernetes', 'flannel', 'flanneld', 'bridge', 'host-local', 'ipam', 'veth', 'mac', 'mtu', 'ip', 'ipv6', 'arp', 'gratuitous', 'netns', 'lo',
  'daemonset', 'kube-flannel', 'link', 'type', 'set', 'master', 'dev', 'via', 'default', 'isgateway', 'isdefaultgateway', 'hairpin', 'hairpinmode', 'service', 'subnet.env', 'flannel_subnet', 'last_reserved_ip', 'id', 'iptables', 'nat',
  // Calico's plugin, its IPAM, its hash and the kernel's proxy ARP, by their own names.
  'calico', 'calico-ipam', 'cali', 'sha1', 'proxy', 'portmap',
  // Where a plugin's error goes (the reference library skel, the runtime's libcni, the spec's stderr), the dockershim and
  // Docker it served, and the delegate configuration's keys as flannel writes them (ipMasq; the conflist's delegate section).
  'skel', 'libcni', 'stderr', 'dockershim', 'docker', 'ipmasq', 'conflist', 'delegate',
  // IPv6 duplicate address detection by its RFC 4862 name (accept_dad).
  'dad',
]);
/** Names and values: lab names, devices, paths, addresses, sysctls, the error the plugin printed. */
const IDENT = /^(pod\d+|node\d+|cni0|cbr0|eth\d+|veth[0-9a-f]{8}|cali[0-9a-f]{11}|k8s-pod-network\.pod\d+|last_reserved_ip\.\d+)$/i;

function latinWords(text: string): string[] {
  const stripped = text
    .replace(/«[^»]*»/g, '')
    .replace(/\/\S+/g, '')
    .replace(/\bnet\.ipv[46]\.\S+/g, '')
    .replace(/\b([0-9a-f]{2}:){5}[0-9a-f]{2}\b/g, '')
    .replace(/\b\d+\.\d+\.\d+\.\d+(\/\d+)?(-\d+\.\d+\.\d+\.\d+)?\b/g, '')
    .replace(/CNI_[A-Z]+=\S*/g, '');
  return (stripped.match(/[A-Za-z][A-Za-z0-9_.-]*/g) ?? []).map((w) => w.replace(/[.,:;-]+$/, '')).filter((w) => w !== '' && !IDENT.test(w) && !LATIN_OK.has(w.toLowerCase()));
}

describe('the CNI narrator reads well in both languages', () => {
  const all = { en: new Set<string>(), ru: new Set<string>() };
  for (const s of [...Object.values(stories), calicoStory()]) {
    for (const lang of ['en', 'ru'] as const) {
      for (let i = 0; i < s.events.length; i++) for (const level of ['short', 'detailed'] as const) all[lang].add(tellCniEvent(s, i, lang, level));
      for (const level of ['short', 'detailed'] as const) for (const c of tellCniChapters(s, lang, level)) [c.title, c.correction?.text ?? ''].forEach((x) => all[lang].add(x));
      all[lang].add(tellCniOutcome(s, lang));
    }
  }
  all.en.delete('');
  all.ru.delete('');

  it('tells every event of every scenario, in as many texts in Russian as in English', () => {
    expect(all.en.size).toBeGreaterThan(150);
    expect(all.ru.size).toBe(all.en.size);
  });

  it('Russian: the glossary, Latin only for names and tokens, no placeholders', () => {
    const ru = [...all.ru];
    for (const g of GLOSSARY_RU) expect(ru.filter((t) => g.avoid.test(t)), `${g.concept}: ${g.why}`).toEqual([]);
    const leftovers = new Map<string, string>();
    for (const t of ru) for (const w of latinWords(t)) if (!leftovers.has(w)) leftovers.set(w, t);
    expect([...leftovers.entries()]).toEqual([]);
    expect(ru.filter((t) => /undefined|null|NaN|\(s\)|: \?|\s\?\s/.test(t))).toEqual([]);
  });

  it('English: no Cyrillic, no placeholders, short lines for a projector', () => {
    for (const t of all.en) {
      expect(t).not.toMatch(/[а-яё]/i);
      expect(t).not.toMatch(/undefined|null|NaN|\(s\)|: \?|\s\?\s/);
    }
    for (const s of Object.values(stories)) for (let i = 0; i < s.events.length; i++) for (const lang of ['en', 'ru'] as const) expect(tellCniEvent(s, i, lang, 'short').length).toBeLessThanOrEqual(160);
  });
});

describe('the first pod\'s address under flannel against the notes\' (teacher review, item 18)', () => {
  it('says, where host-local skips the gateway, why pod1 gets .2 here and .1 in the seed lab', () => {
    const s = stories['cni-add-first-pod'];
    const k = at(s, (e) => e.type === 'ipam' && e.op === 'skip' && e.why === 'gateway');
    expect(k).toBeGreaterThanOrEqual(0);
    expect(tellCniEvent(s, k, 'en', 'short')).toBe('10.10.10.1 is skipped: it is the gateway, the bridge\'s address');
    expect(tellCniEvent(s, k, 'en')).toMatch(/first pod gets the next address\. The seed lab's pod1 at \.1 with its gateway at \.254 are the course notes' own static addresses/);
    expect(tellCniEvent(s, k, 'ru')).toMatch(/первый под получает следующий адрес\. В стенде по умолчанию у pod1 адрес \.1, а шлюз \.254: это статические адреса из конспекта/);
    expect(tellCniOutcome(s, 'en')).toMatch(/10\.10\.10\.2\/24 on eth0, gateway 10\.10\.10\.1/);
  });
});
