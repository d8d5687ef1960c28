import { describe, expect, it } from 'vitest';
import { GLOSSARY_RU } from '../i18n/ru/glossary';
import { IMPORT_MODES } from './cni';
import { noteKind, type ImportNoteCode, type ImportNoteParams } from './notes';
import { importCatalog, tellNote, tellWhere } from './tell';

/*
 * The import's sentences in both languages: one for every remark (TypeScript requires it; here
 * each is called with sample values), none saying "undefined", English without Cyrillic, Russian
 * by the glossary with Latin only for the tools' own words.
 */

const SAMPLES: { [C in ImportNoteCode]: ImportNoteParams[C][] } = {
  empty: [{}],
  binary: [{ bytes: 1 }, { bytes: 5 }],
  'json-truncated': [{ startLine: 2 }],
  'json-invalid': [{ column: 15, found: '","' }, { column: 7, found: 'end' }],
  'json-unknown': [{ what: 'kind Service' }, ...['array', 'object', 'string', 'number', 'boolean'].map((what) => ({ what }))],
  'ip-not-json': [{ command: 'ip addr' }, { command: 'bridge fdb' }],
  unrecognised: [{ text: 'hello there' }],
  'row-short': [{ missing: 'ROLES, AGE' }],
  'table-columns': [{ table: 'pods', columns: 'IP, NODE', flag: '-o wide' }, { table: 'pods', columns: 'NODE', flag: '-o wide' }],
  'field-missing': [{}],
  'field-invalid': ['IPv4', 'IPv4 prefix', 'IPv4 CIDR', 'MAC'].map((expected) => ({ got: '10.244.1', expected })),
  'no-nodes': [{}],
  'ip-node-unknown': [{ command: 'ip -j route' }],
  'ip-node-missing': [{ node: 'laptop', nodes: 'minikube, minikube-m02' }],
  'node-no-ip': [{ node: 'worker-1' }],
  'node-ip-twice': [{ ip: '10.0.0.1', a: 'a1', b: 'b1' }],
  'pick-datapath': [{ detected: '' }, { detected: 'calico' }, { detected: 'kindnet' }],
  'datapath-refused': [{ mode: 'flannel-host-gw', node: 'node3', other: 'node1' }],
  'lab-invalid': [{ problems: 'x' }],
  block: [
    ...['nodes-json', 'pods-json', 'daemonsets-json', 'ciliumnodes-json', 'list-json', 'nodes-table', 'pods-table', 'daemonsets-table', 'minikube-nodes'].map((kind) => ({ kind, count: 3, node: '' })),
    ...['ip-addr', 'ip-route', 'ip-neigh', 'bridge-fdb'].flatMap((kind) => [1, 2, 5, 21].map((count) => ({ kind, count, node: 'minikube-m02' }))),
  ],
  'cni-detected': [{ cni: 'flannel', from: 'kube-flannel/kube-flannel-ds' }, { cni: 'weave', from: 'kube-system/weave-net' }, { cni: 'bridge', from: 'minikube start --cni bridge' }],
  datapath: IMPORT_MODES.map((mode) => ({ mode, chosen: mode === 'bridge' })),
  'ip-applied': [{ node: 'minikube-m02', table: 'route', confirmed: 4, added: 1 }],
  'ip-mac': [{ node: 'minikube-m02', iface: 'flannel.1', mac: '6a:7e:1b:0f:92:4c' }],
  'minikube-start': [{ cni: 'calico', nodes: 3 }, { cni: 'cilium', nodes: 0 }, { cni: '', nodes: 1 }, { cni: '', nodes: 0 }],
  'calico-blocks': [{ node: 'minikube', blocks: '10.244.120.64/26' }, { node: 'minikube', blocks: '10.244.120.64/26, 10.244.120.128/26' }],
  'cilium-wireguard': [{ from: 'cilium_wg0' }, { from: 'ciliumnode' }],
  'minikube-nodes-differ': [{ flag: 3, found: 2 }, { flag: 1, found: 3 }],
  'cni-conflict': [{ flag: 'calico', detected: 'flannel' }],
  'calico-encapsulation': [
    { encap: 'ipip', from: 'default', modelled: false }, { encap: 'ipip', from: 'tunl0', modelled: false }, { encap: 'ipip', from: 'routes', modelled: false },
    { encap: 'vxlan', from: 'vxlan.calico', modelled: true }, { encap: 'none', from: 'routes', modelled: true },
  ],
  'calico-gateway': ['routes', 'docker', 'subnet'].map((from) => ({ ip: '192.168.49.1', from })),
  'cilium-routing': [{ routing: 'tunnel', from: 'default' }, { routing: 'tunnel', from: 'cilium_vxlan' }, { routing: 'native', from: 'cilium_host' }, { routing: 'native', from: 'routes' }],
  'cilium-pod-cidr': ['ciliumnode', 'pods', 'podcidr'].map((from) => ({ node: 'minikube-m02', cidr: '10.244.1.0/24', from })),
  'cilium-router': ['ciliumnode', 'cilium_host', 'lowest'].map((from) => ({ node: 'minikube-m02', ip: '10.244.1.1', from })),
  'ages-adjusted': [{ node: 'minikube-m02', pod: 'kube-system/kube-proxy-hcg7d' }],
  'weave-fastdp': [{ fastdp: true, from: 'default' }, { fastdp: true, from: 'datapath' }, { fastdp: false, from: 'weave' }],
  'weave-peer': ['ip-addr', 'pods', 'assumed'].map((from) => ({ node: 'minikube-m02', peer: '6e:2f:1a:5b:9c:04', share: '10.40.0.0/14', from })),
  'weave-bridge': ['ip-addr', 'share'].map((from) => ({ node: 'minikube-m02', ip: '10.44.0.0', from })),
  'pod-renumbered': [{ pod: 'default/web-2', ip: '10.244.1.5', got: '10.32.0.2', range: '10.32.0.0/12' }],
  'node-ip-minikube': [{ node: 'minikube-m02', ip: '192.168.49.3' }],
  'node-ip-kind': [{ node: 'kind-worker', ip: '172.18.0.3' }],
  'node-ip-from-pod': [{ node: 'minikube', ip: '192.168.67.2', pod: 'kube-system/kube-proxy-hcg7d' }],
  segment: [{ cidr: '192.168.49.0/24', tool: 'minikube' }, { cidr: '172.18.0.0/16', tool: 'kind' }, { cidr: '10.0.1.0/24', tool: 'kubernetes' }],
  'pod-cidr-from-pods': [{ node: 'minikube', cidr: '10.244.0.0/24' }],
  'pod-cidr-from-ip': [{ node: 'minikube', cidr: '10.244.0.0/24' }],
  'pod-cidr-assumed': [{ node: 'minikube', cidr: '10.244.0.0/24' }],
  'cluster-network': [{ cidr: '10.244.0.0/16', from: 'pods' }, { cidr: '10.244.0.0/16', from: 'default' }],
  'control-plane-assumed': [{ node: 'node1' }],
  'flannel-backend': ['default', 'flannel.1', 'routes'].map((from) => ({ backend: 'vxlan', from })),
  'name-shortened': [{ pod: 'default/web-7d9f8c6b5-x2x7q', ns: 'web-7d9f8c6b5-x2x7q-ab12c' }],
  'times-assumed': [{}],
  'macs-assumed': [{ rule: 'docker' }, { rule: 'address' }],
  'host-network': [1, 3, 11].map((count) => ({ pods: 'kube-system/kube-proxy-hcg7d', count })),
  'pod-not-placed': [{ pod: 'default/web-2', status: 'Pending' }],
  'pod-outside-subnet': [{ pod: 'default/web-2', ip: '10.1.2.3', cidr: '10.244.1.0/24' }],
  'pod-ip-refused': [{ pod: 'default/web-2', ip: '10.244.1.1', got: '' }, { pod: 'default/web-2', ip: '10.244.1.1', got: '10.244.1.3' }],
  'block-skipped': [{ command: 'kubectl rollout restart ds kube-flannel-ds -n kube-flannel' }],
  'ip-iface-absent': [{ node: 'minikube-m02', ifaces: 'docker0 (172.17.0.1/16)', count: 1 }, { node: 'minikube-m02', ifaces: 'docker0 (172.17.0.1/16); cni0 (10.244.1.1/24)', count: 2 }],
  'ip-veth-unmatched': [1, 2, 5].map((count) => ({ node: 'minikube-m02', count })),
  'ip-addr-differs': [{ node: 'minikube-m02', iface: 'eth0', lab: '192.168.49.3/24', real: '192.168.49.3/16' }],
  'ip-route-skipped': ['dev', 'type', 'refused'].map((why) => ({ node: 'minikube-m02', route: '172.17.0.0/16 dev docker0', why })),
  'ip-route-lab-only': [{ node: 'minikube-m02', route: '10.244.2.0/24 via 10.244.2.0 dev flannel.1' }],
  'ip-neigh-dynamic': [1, 3, 5].map((count) => ({ node: 'minikube-m02', count })),
  'ip-fdb-skipped': [1, 6].map((count) => ({ node: 'minikube-m02', count })),
};

function texts(lang: 'en' | 'ru'): { code: string; text: string }[] {
  const c = importCatalog(lang);
  const out: { code: string; text: string }[] = (Object.keys(SAMPLES) as ImportNoteCode[]).flatMap((code) => (SAMPLES[code] as ImportNoteParams[typeof code][]).map((params) => ({ code, text: tellNote({ code, params } as never, lang) })));
  out.push({ code: 'where', text: tellWhere({ code: 'empty', params: {}, source: 'paste', line: 3, field: 'items[0].metadata.name' }, lang) });
  out.push({ code: 'description', text: c.description({ nodes: 3, pods: 5, mode: 'flannel-vxlan' }) });
  for (const [k, v] of Object.entries(c.kinds)) out.push({ code: `kinds.${k}`, text: v });
  return out;
}

/** The tools' own words (exported for the dialog's texts' test), commands, fields, devices and names the Russian texts quote as they are. */
export const IMPORT_LATIN_OK = new Set([
  'kubectl', 'minikube', 'ip', 'j', 'bridge', 'fdb', 'addr', 'route', 'neigh', 'get', 'nodes', 'pods', 'ds', 'o', 'json', 'wide', 'A', 'node', 'list', 'ssh', 'n', 'NODE', 'NAME',
  'JSON', 'DaemonSet', 'CNI', 'ADD', 'IPv4', 'IP', 'INTERNAL', 'ROLES', 'MAC', 'FDB', 'ARP', 'VXLAN', 'VTEP', 'Docker', 'Flannel', 'Calico', 'Cilium', 'Weave', 'Net', 'kindnet', 'kind',
  'host', 'gw', 'vxlan', 'hostNetwork', 'podCIDR', 'IPAM', 'kube', 'controller', 'manager', 'control', 'plane', 'flannel', 'cni0', 'eth0', 'exec', 'POD', 'cat', 'sys', 'class',
  'net', 'iflink', 'veth', 'Linux', 'unicast', 'CIDR', 'rollout', 'restart', 'system', 'proxy', 'hcg7d', 'default', 'web', 'docker0', 'laptop', 'a1', 'b1', 'x', 'pod', 'ip', 'kinds',
  'minikube-m02', 'm02', 'AGE', 'node1', 'node3', 'Pending', 'hello', 'there', 'items', 'metadata', 'name', 'ab12c', 'x2x7q', 'd9f8c6b5', 'dev', 'via', 'calico', 'weave', 'worker', 'paste', 'apiVersion', 'Service',
  // minikube's driver and a cloud's network by their own names; kube-flannel's net-conf.json and its Network field.
  'docker', 'VPC', 'conf', 'Network',
  // Calico's and Cilium's own words: BGP and BIRD, UDP ports, eBPF, their devices, manifest keys and objects.
  'BGP', 'BIRD', 'UDP', 'eBPF', 'cilium_vxlan', 'cilium_host', 'tunl0', 'IPIP', 'in', 'CALICO_IPV4POOL_IPIP', 'Always', 'yaml', 'routing', 'mode', 'tunnel', 'native',
  'cluster', 'pool', 'ipv4', 'mask', 'size', 'spec', 'podCIDRs', 'CiliumNode', 'CiliumInternalIP', 'ciliumnodes', 'start', 'cni', 'ipam', 'cilium',
  // Weave Net's own words: its datapath modes, the kernel's Open vSwitch, its process and devices, the expose command.
  'fastdp', 'sleeve', 'Open', 'vSwitch', 'datapath', 'weaver', 'local', 'expose',
  // Cilium's transparent encryption: WireGuard, its device and the cilium-config key enable-wireguard.
  'WireGuard', 'cilium_wg0', 'enable', 'wireguard', 'network', 'io', 'wg', 'pub', 'key',
]);

describe('the import\'s sentences', () => {
  it('have a sentence for every remark in both languages, with no hole', () => {
    for (const lang of ['en', 'ru'] as const) {
      for (const { code, text } of texts(lang)) {
        expect(text, `${lang} ${code}`).not.toMatch(/undefined|NaN|\[object/);
        expect(text.trim(), `${lang} ${code}`).not.toBe('');
      }
    }
    expect(Object.keys(importCatalog('ru').notes)).toEqual(Object.keys(importCatalog('en').notes));
    expect(noteKind('pick-datapath')).toBe('error');
    expect(noteKind('host-network')).toBe('skipped');
  });

  it('calls the nodes one Docker bridge only for minikube and kind; for any other cluster a shared subnet is an assumption', () => {
    const segment = (tool: string, lang: 'en' | 'ru') => tellNote({ code: 'segment', params: { cidr: '10.0.1.0/24', tool } }, lang);
    expect(segment('kind', 'en')).toBe('The nodes share one layer-2 network, 10.0.1.0/24: the Docker network kind runs them on is one bridge.');
    expect(segment('kubernetes', 'en')).toMatch(/^The nodes with addresses in 10\.0\.1\.0\/24 are taken to share one layer-2 network \(in a cloud VPC .* host-gw usually fails there\)\.$/);
    expect(segment('kubernetes', 'ru')).not.toMatch(/Docker/);
    expect(segment('minikube', 'ru')).toContain('сеть Docker, в которой их запускает minikube, — это один мост');
  });

  it('English has no Cyrillic', () => {
    expect(texts('en').filter(({ text }) => /[а-яё]/i.test(text))).toEqual([]);
  });

  it('Russian follows the glossary and quotes Latin only as the tools print it', () => {
    const ru = texts('ru');
    for (const { code, text } of ru) {
      for (const g of GLOSSARY_RU) expect(text, `${code} (${g.concept}: ${g.why})`).not.toMatch(g.avoid);
      expect(text, code).not.toMatch(/шаг/i);
    }
    const words = (t: string) => t.replace(/\d+(\.\d+){3}(\/\d+)?|([0-9a-f]{2}:){5}[0-9a-f]{2}/g, '').match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
    const bad = ru.flatMap(({ code, text }) => words(text).filter((w) => !IMPORT_LATIN_OK.has(w)).map((w) => `${code}: ${w}`));
    expect(bad).toEqual([]);
    expect(tellNote({ code: 'host-network', params: { pods: 'p', count: 11 } }, 'ru')).toMatch(/^11 подов работают в сети своей ноды \(hostNetwork\): они показаны/);
    expect(tellNote({ code: 'host-network', params: { pods: 'p', count: 1 } }, 'ru')).toMatch(/^1 под работает .*: он показан в терминале, но собственного сетевого пространства имён у него нет/);
    expect(tellNote({ code: 'ip-veth-unmatched', params: { node: 'n', count: 2 } }, 'ru')).toContain('2 конца veth на стороне ноды не сопоставлены с подами');
    expect(tellNote({ code: 'ip-veth-unmatched', params: { node: 'n', count: 21 } }, 'ru')).toContain('21 конец veth на стороне ноды не сопоставлен с подом');
    expect(tellNote({ code: 'ip-neigh-dynamic', params: { node: 'n', count: 1 } }, 'ru')).toContain('1 запись ARP-таблицы, которую ядро узнало само, не перенесена');
    expect(tellNote({ code: 'ip-fdb-skipped', params: { node: 'n', count: 5 } }, 'ru')).toContain('5 записей FDB не перенесены');
    // What a field expected, and a JSON value's shape, in Russian words: the code names them in English.
    expect(tellNote({ code: 'field-invalid', params: { got: 'x', expected: 'IPv4 CIDR' } }, 'ru')).toBe('Ожидается подсеть IPv4 в записи CIDR, а здесь «x».');
    expect(tellNote({ code: 'json-unknown', params: { what: 'array' } }, 'ru')).toMatch(/^Этот JSON \(массив\) не похож/);
    expect(tellNote({ code: 'table-columns', params: { table: 'pods', columns: 'NODE', flag: '-o wide' } }, 'ru')).toMatch(/^В таблице pods нет столбца NODE:/);
    // The character JSON.parse stopped at, in Russian quotes rather than JSON's; the command each table came from.
    expect(tellNote({ code: 'json-invalid', params: { column: 15, found: '","' } }, 'ru')).toBe('Это некорректный JSON: неожиданный символ «,» в столбце 15.');
    expect(tellNote({ code: 'ip-applied', params: { node: 'm02', table: 'fdb', confirmed: 2, added: 0 } }, 'ru')).toBe('Нода m02, bridge -j fdb: уже как в стенде — 2, добавлено — 0.');
    expect(tellNote({ code: 'ip-applied', params: { node: 'm02', table: 'route', confirmed: 4, added: 1 } }, 'en')).toBe('m02, ip -j route: 4 already as in the lab, 1 added.');
  });
});
