import { describe, expect, it } from 'vitest';
import { GLOSSARY_RU } from '../../core/i18n/ru/glossary';
import { plural, type PluralForms } from '../../core/i18n/plural';
import { EXPORTS_EN, EXPORTS_RU } from './exportStrings';
import { INSPECTOR_EN, INSPECTOR_RU } from './inspectorStrings';
import { COMPARE_EN, COMPARE_RU } from './compareStrings';
import { EDITOR_EN, EDITOR_RU } from './editorStrings';
import { LIBRARY_EN, LIBRARY_RU } from './libraryStrings';
import { TERMINAL_EN, TERMINAL_RU } from './terminalStrings';
import { STRINGS } from './allStrings';
import { panelStringsEn } from './panelStrings';
import { panelStringsRu } from './ru/panelStrings';
import { stringsRu } from './ru/strings';
import { stringsEn } from './strings';
import type { EventTypeKey } from './strings';

/**
 * Every table of texts: the app's, and those held by their lazy chunks, not by STRINGS (the
 * exports, the inspector, and the editor's, My labs', the terminal's and the compare view's beyond
 * their buttons).
 */
const ALL = {
  en: { ...STRINGS.en, exports: EXPORTS_EN, inspector: INSPECTOR_EN, editorPanel: EDITOR_EN, libraryDialog: LIBRARY_EN, terminalPanel: TERMINAL_EN, compareDialog: COMPARE_EN },
  ru: { ...STRINGS.ru, exports: EXPORTS_RU, inspector: INSPECTOR_RU, editorPanel: EDITOR_RU, libraryDialog: LIBRARY_RU, terminalPanel: TERMINAL_RU, compareDialog: COMPARE_RU },
};

/** Counts that exercise every Russian plural form, including the 11–14 exception and 21/22/25. */
const NS = [1, 2, 5, 11, 21, 22, 25];

interface Text {
  path: string;
  text: string;
  /** The number the function was called with, for a function's text. */
  n?: number;
}

/** Every text of a table: strings as they are, functions called with each n (for every argument). */
function walk(node: unknown, path = ''): Text[] {
  if (typeof node === 'string') return [{ path, text: node }];
  if (typeof node === 'function') return NS.map((n) => ({ path, n, text: String((node as (...a: number[]) => unknown)(n, n, n)) }));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => walk(v, path ? `${path}.${k}` : k));
  return [];
}

/** The key paths of a table (functions are leaves). */
function shape(node: unknown, path = ''): string[] {
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k));
  return [`${path}:${typeof node}`];
}

/**
 * Latin words a Russian text may contain, each for a reason a Russian networking course shares:
 * - protocol, header and table names written in Latin in Russian textbooks and in every tool's
 *   output: ARP, MAC, IP, IPv4, TTL, ICMP, UDP, TCP, SYN, FDB, EtherType; and Linux, a name;
 * - what students type or read in a terminal: ping and its seq field, the `ip route` table name
 *   local and column proto, the sysctls ip_forward, rp_filter and arp_accept;
 * - the ARP operation as tcpdump prints it, given in parentheses after the Russian word:
 *   request, reply;
 * - key caps: Home, End, F, P, Ctrl+C, and the editor's Ctrl+Z, Ctrl+Y, Shift, Delete, Enter, Tab;
 * - the HTML element a slide embeds the player with: iframe;
 * - the scenario picker's group names: MTU (as TTL), Proxy ARP (the kernel's name, as its sysctl
 *   proxy_arp), Calico (a name, as Linux), and ping's option -s (what students type).
 * - what "About this lab" names as left out, as the tools and RFCs spell it: iptables, nftables,
 *   kube-proxy, NAT, IPv6, VXLAN, the DF flag, TCP's ACK and RST, the sysctls reachable_time and
 *   proxy_delay; and the key caps Enter and Tab.
 * Interface names (eth0, cni0, veth…) come from the topology, not from this table.
 */
const LATIN_OK = new Set([
  'ARP', 'MAC', 'IP', 'IPv4', 'TTL', 'ICMP', 'UDP', 'TCP', 'SYN', 'FDB', 'EtherType', 'Linux', 'ping', 'seq', 'local', 'proto', 'ip_forward', 'rp_filter', 'arp_accept', 'request', 'reply',
  'Home', 'End', 'F', 'P', 'Ctrl', 'C', 'V', 'iframe', 'MTU', 'DF', 'EMSGSIZE', 'Proxy', 'Calico', 's',
  'iptables', 'nftables', 'kube', 'proxy', 'NAT', 'IPv6', 'VXLAN', 'ACK', 'RST', 'reachable_time', 'proxy_delay', 'Enter', 'Tab',
  // The course lab's notes in "About this lab": the CNI plugins and settings by their own names.
  'CNI', 'IPAM', 'bridge', 'send_redirects', 'flannel', 'host', 'gw', 'BGP', 'via', 'pod1', 'lo',
  // The IPv4 header's More Fragments flag, as Wireshark names it.
  'MF',
  // VXLAN's network identifier (RFC 7348), and Flannel by its own name.
  'VNI', 'Flannel',
  // Calico by its own names: its daemons (calico-node's Felix and BIRD), devices (cali*, vxlan.calico),
  // calico-ipam, the sysctl it sets, BIRD's configuration words, kubectl's Init:0/3 and init containers.
  'calico', 'cali', 'Felix', 'BIRD', 'vxlan', 'ipam', 'proxy_arp', 'persist', 'graceful', 'Init', 'init',
  // Cilium by its own name, the in-kernel programs it runs (eBPF) and its tunnel device.
  'Cilium', 'eBPF', 'cilium_vxlan', 'cilium_wg0',
  // Weave Net by its own name, its router process and the Open vSwitch datapath it programs (OVS).
  'Weave', 'Net', 'OVS', 'weaver',
  // WireGuard by its own name and its peers' AllowedIPs, as `wg show` prints them.
  'WireGuard', 'AllowedIPs',
  // The nonce its data messages count with, and tcpdump with the link type it gives a device without Ethernet (link-type RAW).
  'nonce', 'tcpdump', 'link', 'type', 'RAW',
  // Key caps the editor names (Shift for larger steps, Ctrl+Z, Ctrl+Y, Delete).
  'Shift', 'Z', 'Y', 'Delete',
  // The inspector: the sysctl tool and what it sets as the kernel names it (conf/all, forwarding),
  // veth and Ethernet by their own names, the ICMP message as tcpdump prints it after the Russian
  // word (redirect), and the key cap Escape.
  'sysctl', 'conf', 'all', 'forwarding', 'veth', 'Ethernet', 'redirect', 'Escape',
  // The lab file's format, as every tool names it (My labs: import and export).
  'JSON',
  // The capture download: the tool and its file format by their own names.
  'Wireshark', 'pcapng',
  // Deleting an interface, as the command is typed (ip link del).
  'ip', 'link', 'del',
  // The cluster import's button: iproute2's JSON flag as typed (ip -j).
  'j',
  // The cluster terminal: the tools, their commands and arguments as typed, the Kubernetes objects
  // and fields by their API names, flannel's files, device and function by their own names.
  'kubectl', 'minikube', 'get', 'nodes', 'pods', 'ds', 'A', 'n', 'NAMESPACE', 'o', 'wide', 'rollout', 'restart', 'status',
  'NAME', 'node', 'list', 'sleep', 'SECONDS', 'clear', 'grep', 'WORD', 'DaemonSet', 'kubernetes', 'io', 'restartedAt',
  'maxUnavailable', 'AGE', 'hostNetwork', 'flanneld', 'VNI', 'ensureLink', 'device', 'go', 'VTEP', 'subnet', 'env', 'cni0',
  // The CNI stories' names: the spec's operations, the bridge by its own name.
  'CNI', 'DEL', 'CHECK',
  // The exports: picture and page formats by their own names, and the command that builds the offline page.
  'SVG', 'PNG', 'HTML', 'npm', 'run', 'build',
  // Cilium in the terminal: its init containers, its state and BPF directories, its programs, devices and CNI plugin by their own names.
  'init', 'var', 'cilium', 'state', 'BPF', 'sys', 'fs', 'bpf', 'cil_from_container', 'cil_from_overlay', 'lxc', 'cilium_host', 'cni',
  // "About this lab": the overlays by their own names (IP-in-IP as RFC 2003 and Calico write it).
  'in', 'Geneve', 'WireGuard',
  // Calico's IP-in-IP: the encapsulation (IPIP) and its tunnel and underlay devices by their own names.
  'IPIP', 'tunl0', 'eth0',
  // The opening scenario's title in the picker (form.openingScenario): the seed lab's pods by name.
  'pod3',
]);

/** Nouns the interface counts, with their Russian forms: a number before one of them must agree. */
const COUNTED: Record<string, PluralForms> = {
  маршрут: { one: 'маршрут', few: 'маршрута', many: 'маршрутов', other: 'маршрута' },
  событие: { one: 'событие', few: 'события', many: 'событий', other: 'события' },
  пакет: { one: 'пакет', few: 'пакета', many: 'пакетов', other: 'пакета' },
  запрос: { one: 'запрос', few: 'запроса', many: 'запросов', other: 'запроса' },
  порт: { one: 'порт', few: 'порта', many: 'портов', other: 'порта' },
  хост: { one: 'хост', few: 'хоста', many: 'хостов', other: 'хоста' },
};
const FORM_OF = new Map(Object.values(COUNTED).flatMap((forms) => Object.values(forms).map((w) => [w, forms] as const)));

/** The functions whose text counts something: each must put its number before a counted noun. */
const COUNTING = ['panels.localRoutes', 'notices.pastEnd', 'anySize.fold.flooded', 'anySize.fold.floodedArp', 'anySize.fold.ignored', 'anySize.fold.hidden', 'anySize.fold.unfoldLabel'];

describe('UI strings', () => {
  const en = walk(ALL.en);
  const ru = walk(ALL.ru);

  it('have the same shape in both languages', () => {
    expect(shape(ALL.ru)).toEqual(shape(ALL.en));
  });

  it('split into the player’s table and the panels’, each of one shape in both languages, no text in both', () => {
    expect(shape(stringsRu)).toEqual(shape(stringsEn));
    expect(shape(panelStringsRu)).toEqual(shape(panelStringsEn));
    const player = new Set(walk(stringsEn).map((x) => x.path));
    expect(walk(panelStringsEn).filter((x) => player.has(x.path)).map((x) => x.path)).toEqual([]);
    // The merged table holds every text of both (the objects both have, `panels` and `anySize`, merged).
    expect(walk(STRINGS.en).length).toBe(walk(stringsEn).length + walk(panelStringsEn).length);
    expect(STRINGS.en.panels.listens('tcp/80')).toBe('Listens on tcp/80');
    expect(STRINGS.en.panels.routes).toBe('Routing table');
    expect(STRINGS.ru.anySize.about.title).toBe('О стенде');
    expect(STRINGS.ru.anySize.toc.title).toBe('Главы');
  });

  it('label every event type of the log, and ignored frames', () => {
    const all: Record<EventTypeKey, true> = { frame: true, route: true, neigh: true, fdb: true, ttl: true, send: true, deliver: true, drop: true, consume: true, fragment: true, defrag: true, pmtu: true, vxlan: true, ipip: true, bpf: true, ovs: true, wireguard: true, halt: true };
    for (const k of Object.keys(all) as EventTypeKey[]) {
      expect(STRINGS.en.types[k], k).toMatch(/\w/);
      expect(STRINGS.ru.types[k], k).toMatch(/[а-яё]|^(ARP|FDB|TTL|VXLAN|IP-in-IP|eBPF|OVS|WireGuard)/i);
    }
    expect(STRINGS.en.types.consume).toBe('ignored');
    expect(STRINGS.ru.types.consume).toBe('проигнорирован');
  });

  it('Russian uses Latin only for technical tokens', () => {
    // A link parameter is quoted as typed in the address bar (?step=99), so it is not a word of the text.
    const words = (text: string) => text.replace(/\?[a-z]+=\S*/g, '').match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
    const bad = ru.flatMap(({ path, text }) => words(text).filter((w) => !LATIN_OK.has(w)).map((w) => `${path}: ${w} in «${text}»`));
    expect(bad).toEqual([]);
  });

  it('English has no Cyrillic', () => {
    expect(en.filter(({ text }) => /[а-яё]/i.test(text)).map(({ path }) => path)).toEqual([]);
  });

  it('Russian follows the glossary: «стенд», «нода»/«хост»/«хоп», events not steps', () => {
    for (const { path, text } of ru) {
      for (const g of GLOSSARY_RU) expect(text, `${path} (${g.concept}: ${g.why})`).not.toMatch(g.avoid);
      // «шаг» is a step of the course notes; the counter, buttons and timeline count events.
      expect(text, path).not.toMatch(/шаг/i);
    }
    expect(STRINGS.ru.panels.neigh).toBe('ARP-таблица (кэш соседей)');
    expect(STRINGS.ru.types.neigh).toBe('ARP-таблица');
    expect(STRINGS.ru.drops['port-unreachable']).toBe('порт недостижим');
    expect(STRINGS.ru.fdbActions.forward).toBe('коммутирует');
    expect([STRINGS.ru.form.from, STRINGS.ru.form.to]).toEqual(['Откуда', 'Куда']);
    expect(STRINGS.ru.controls.step(44, 106)).toBe('Событие 44 из 106');
    expect(STRINGS.en.controls.step(44, 106)).toBe('Event 44 of 106');
    expect(STRINGS.ru.controls.chapter(4)).toBe('Глава 4');
  });

  it('Russian numerals agree with the nouns they count', () => {
    for (const { path, text, n } of ru) {
      if (n === undefined) continue;
      const words = [...text.matchAll(new RegExp(`(?<![\\d.])${n} ([а-яё]+)`, 'gi'))].map((m) => m[1] ?? '');
      for (const w of words) {
        const forms = FORM_OF.get(w.toLowerCase());
        if (forms) expect(w, `${path}(${n}): «${text}»`).toBe(plural('ru', n, forms));
      }
      if (COUNTING.includes(path)) expect(words.some((w) => FORM_OF.has(w.toLowerCase())), `${path}(${n}) counts a noun: «${text}»`).toBe(true);
    }
    expect(STRINGS.ru.notices.pastEnd(99, 21)).toBe('?step=99: в этом пути 21 событие; открыто последнее.');
    expect(STRINGS.ru.notices.pastEnd(99, 22)).toContain('22 события;');
    expect(STRINGS.ru.notices.pastEnd(99, 25)).toContain('25 событий;');
    expect(STRINGS.ru.notices.pastEnd(99, 33)).toContain('33 события;');
    expect(STRINGS.ru.panels.localRoutes(11)).toContain('11 маршрутов ');
    expect(STRINGS.ru.panels.localRoutes(21)).toContain('21 маршрут ');
    // A folded flood: the verb agrees with the number as the noun does.
    expect(STRINGS.ru.anySize.fold.ignored(19)).toBe('19 хостов его игнорируют: он не для них');
    expect(STRINGS.ru.anySize.fold.ignored(21)).toBe('21 хост его игнорирует: он не для них');
    expect(STRINGS.ru.anySize.fold.ignored(3)).toBe('3 хоста его игнорируют: он не для них');
    expect(STRINGS.ru.anySize.fold.floodedArp(20, STRINGS.ru.anySize.fold.switchOf('lan'))).toBe('Коммутатор lan рассылает ARP-запрос в 20 портов');
  });

  it('English numerals agree too', () => {
    expect(STRINGS.en.notices.pastEnd(5000, 1)).toBe('?step=5000: this journey has 1 event; opened at the last one.');
    expect(STRINGS.en.notices.pastEnd(5000, 2)).toContain('2 events;');
    expect(STRINGS.en.panels.localRoutes(1)).toContain('1 route to');
    expect(STRINGS.en.panels.localRoutes(21)).toContain('21 routes to');
  });

  it('Russian ARP operations keep the English value in parentheses', () => {
    expect(STRINGS.ru.arpOps).toEqual({ request: 'запрос (request)', reply: 'ответ (reply)' });
  });
});
