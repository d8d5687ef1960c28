import { describe, expect, it } from 'vitest';
import { plural } from '../i18n/plural';
import { GLOSSARY_RU } from '../i18n/ru/glossary';
import { tellChapters, tellEvent, tellOutcome } from './index';
import { runJourney } from '../index';
import { DATAPATH_SCENARIOS } from '../presets/datapathScenarios';
import { CILIUM_SCENARIOS } from '../presets/ciliumScenarios';
import { WEAVE_SCENARIOS } from '../presets/weaveScenarios';
import { journeySet } from './journeySet';

/*
 * The whole output of the generated set, read as a language teacher would: Russian numerals agree
 * with their nouns, no English is left in Russian text except names, commands, fields, protocol
 * and state names, the glossary's terms are used, and no placeholder leaks out in either language.
 */

/** Every distinct text the narrator produced for the set, per language; `short` holds the projector level. */
function corpus(): { en: Set<string>; ru: Set<string>; short: { en: Set<string>; ru: Set<string> } } {
  const out = { en: new Set<string>(), ru: new Set<string>(), short: { en: new Set<string>(), ru: new Set<string>() } };
  // The generated set, and the Flannel, Cilium and Weave datapath scenarios (VXLAN's, eBPF's and OVS's own sentences).
  for (const r of [...journeySet(), ...[...DATAPATH_SCENARIOS, ...CILIUM_SCENARIOS, ...WEAVE_SCENARIOS].map((s) => runJourney(s.topology(), s.journey))]) {
    for (const lang of ['en', 'ru'] as const) {
      for (let i = 0; i < r.events.length; i++) {
        const short = tellEvent(r, i, lang, 'short');
        out[lang].add(short);
        out.short[lang].add(short);
        out[lang].add(tellEvent(r, i, lang, 'detailed'));
      }
      for (const c of tellChapters(r, lang, 'short')) if (c.correction) out.short[lang].add(c.correction);
      for (const c of tellChapters(r, lang)) {
        out[lang].add(c.title);
        if (c.correction) out[lang].add(c.correction);
      }
      out[lang].add(tellOutcome(r, lang));
    }
  }
  return out;
}

const texts = corpus();

/**
 * Latin words a Russian text may contain: protocol, field, state and sysctl names, commands and
 * kernel messages quoted as the tools print them (students meet them in ping and tcpdump).
 */
const LATIN_OK = new Set([
  'arp', 'icmp', 'tcp', 'udp', 'ip', 'ipv4', 'mac', 'ttl', 'fdb', 'syn', 'ack', 'rst', 'seq', 'l2', 'veth', 'lo', 'linux',
  'incomplete', 'reachable', 'stale', 'delay', 'probe', 'failed', 'permanent', 'local', 'default', 'via', 'dev', 'proto', 'kernel', 'scope', 'link', 'host', 'src', 'table',
  'ping', 'traceroute', 'connect', 'hairpin', 'proxy', 'redirect', 'spoofing', 'unsolicited', 'loopback', 'netns', 'all',
  'echo', 'request', 'reply', 'destination', 'net', 'unreachable', 'port', 'time', 'to', 'live', 'exceeded', 'fragmentation', 'needed',
  'connection', 'refused', 'network', 'is', 'enetunreach', 'econnrefused', 'strict', 'loose', 'rst-ack', 'syn-ack',
  // ping's own output line, quoted so students can match the terminal: «From 10.10.11.254 icmp_seq=1 …»
  'from', 'n', 'sysctl', 'longest', 'prefix', 'match', 'accept', 'ip_recverr',
  // The bridges' spanning tree protocol, named where an L2 loop is told.
  'stp',
  // IP header fields where a packet is too big for a link: the device's MTU, Don't Fragment.
  'mtu', 'df',
  // TCP's retransmissions: the kernel's own names for the softirq run a send triggers and the errno.
  'softirq', 'etimedout',
  // Path MTU discovery as ping spells it (-M do/want/dont), the system call that fails and its errno.
  'm', 'do', 'dont', 'want', 'sendmsg', 'emsgsize',
  // VXLAN (RFC 7348) and its terms (VTEP, VNI, the port IANA assigned), Flannel's device, daemon and
  // route flag by their own names, tcpdump and Ethernet as the tools print them.
  'vxlan', 'vtep', 'vni', 'iana', 'flannel', 'flanneld', 'flannel.1', 'onlink', 'tcpdump', 'ethernet',
  // Netfilter's connection tracking and the Kubernetes component that loads it, by their names.
  'conntrack', 'kube-proxy',
  // Cilium, the in-kernel programs it runs, the tc hook they sit on, its endpoint cache and security identity, by their own names.
  'cilium', 'ebpf', 'bpf', 'tc', 'ipcache', 'identity', 'security', 'fixme', 'send', 'lxc', 'collect_md', 'ctx_act_ok',
  // Weave Net, its router process and its devices, the Open vSwitch kernel datapath, its ports and flow
  // actions, the upcall to user space, the mesh's short IDs and the weave source's own comment, by their names.
  'weave', 'net', 'weaver', 'open', 'vswitch', 'ovs', 'datapath', 'vport', 'fastdp', 'upcall', 'set', 'tunnel', 'short', 'id',
  'vxlan-6784', 'vethwe-bridge', 'vethwe-datapath', 'router', 'fastdp.go', 'not', 'a', 'real', 'broadcast', 'so', 'don\'t', 'create', 'flow', 'rule', 'esp',
  'extractpeers', 'tunnelidfor',
  // WireGuard by its name, its peers' AllowedIPs, the Noise IK handshake, its cipher and tag, tcpdump's
  // link type of a device without Ethernet, and the CiliumNode annotation that carries a node's key.
  'wireguard', 'allowedips', 'noise', 'ik', 'chacha20-poly1305', 'poly1305', 'link-type', 'raw', 'network.cilium.io', 'wg-pub-key',
]);
/** Names of the lab and identifiers (sysctls, kernel functions) are not words to translate. */
const IDENT = /^(pod\d+|node\d+|router|cni0|eth\d+|veth-\S+|lxc[0-9a-f]{12}|vethwepl[0-9a-z]{1,7}|lan\d*|[a-z0-9]+(_[a-z0-9]+)+|net\.ipv4\.\S+)$/i;

function latinWords(text: string): string[] {
  const stripped = text
    .replace(/\((в ядре|kernel): [a-z0-9_]+\)/g, '')
    .replace(/«[^»]*»/g, (q) => (/[а-яё]/i.test(q) ? q : ''))
    .replace(/\b([0-9a-f]{2}:){5}[0-9a-f]{2}\b/g, '')
    .replace(/\b\d+\.\d+\.\d+\.\d+(\/\d+)?(:\d+)?\b/g, '')
    .replace(/\[[A-Z.]+\]/g, '');
  return (stripped.match(/[A-Za-z][A-Za-z0-9_.-]*/g) ?? [])
    .map((w) => w.replace(/[.,:;-]+$/, ''))
    .filter((w) => !IDENT.test(w) && !LATIN_OK.has(w.toLowerCase()));
}

describe('the narrator reads well over the whole generated set', () => {
  it('produces a large, varied corpus in both languages', () => {
    expect(texts.en.size).toBeGreaterThan(2000);
    expect(texts.ru.size).toBe(texts.ru.size);
    expect(Math.abs(texts.ru.size - texts.en.size)).toBeLessThan(texts.en.size / 10);
  });

  it('leaves no English in Russian text beyond names, fields and the words the tools print', () => {
    const leftovers = new Map<string, string>();
    for (const t of texts.ru) for (const w of latinWords(t)) if (!leftovers.has(w)) leftovers.set(w, t);
    expect([...leftovers.keys()]).toEqual([]);
  });

  it('makes every Russian numeral agree with its noun', () => {
    const nouns: [RegExp, Record<'one' | 'few' | 'many', string>][] = [
      [/(\d+) (ARP-запрос[а-яё]*)/g, { one: 'ARP-запрос', few: 'ARP-запроса', many: 'ARP-запросов' }],
      [/(\d+) (ожидавш[а-яё]+ пакет[а-яё]*)/g, { one: 'ожидавший пакет', few: 'ожидавших пакета', many: 'ожидавших пакетов' }],
      [/в ней (\d+) (пакет[а-яё]*)\)/g, { one: 'пакет', few: 'пакета', many: 'пакетов' }],
    ];
    let checked = 0;
    for (const t of texts.ru) {
      for (const [re, forms] of nouns) {
        for (const m of t.matchAll(re)) {
          const n = Number(m[1]);
          expect(m[2], t).toBe(plural('ru', n, { ...forms, other: forms.few }));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('uses the glossary: хоп, хост, нода, пространство имён; never «узел», «namespace» or «лаборатория»', () => {
    // One assertion per rule over the whole corpus (an expect per text and rule took seconds).
    const ru = [...texts.ru];
    for (const g of GLOSSARY_RU) expect(ru.filter((t) => g.avoid.test(t)), `${g.concept}: ${g.why}`).toEqual([]);
    expect(ru.filter((t) => /\(s\)|undefined|null|NaN/.test(t))).toEqual([]);
  });

  it('keeps the short level short enough for a projector (a line of about 120 characters)', () => {
    for (const lang of ['en', 'ru'] as const) {
      const lens = [...texts.short[lang]].map((t) => t.length).sort((a, b) => a - b);
      const p95 = lens[Math.floor(lens.length * 0.95)] ?? 0;
      expect(p95, lang).toBeLessThanOrEqual(125);
      for (const t of texts.short[lang]) expect(t.length, t).toBeLessThanOrEqual(160);
    }
  });

  it('leaves no placeholder, no pseudo-plural and no Cyrillic in English text', () => {
    for (const t of texts.en) {
      expect(t).not.toMatch(/[а-яё]/i);
      expect(t).not.toMatch(/\(s\)|undefined|null|NaN|(^|[\s(«"])\?(?=[\s).,]|$)/);
      expect(t, t).not.toMatch(/\b1 (waiting packets|ARP requests|packets)\b/);
    }
  });
});
