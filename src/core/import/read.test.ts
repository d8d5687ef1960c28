import { describe, expect, it } from 'vitest';
import { importCluster } from './build';
import { detectCni } from './cni';
import { ipKind, readIpJson } from './ipJson';
import { readKubeJson } from './kubeJson';
import { jsonEnd, readSources } from './read';
import { parseAge, readHeaderlessPods, readTable, tableHeader } from './tables';
import MINIKUBE_JSON from './fixtures/minikube-flannel.json?raw';
import NOTES from './fixtures/minikube-notes.txt?raw';

/* Each reader on the formats as the tools print them, and every refusal naming its line or field. */

const lines = (text: string) => text.split('\n').map((t, k) => ({ n: k + 1, text: t }));

describe('kubectl tables', () => {
  it('ages as kubectl prints them (HumanDuration)', () => {
    expect(['36s', '8m9s', '12m', '3h20m', '2d3h', '45d', '2y3d', 'x', ''].map(parseAge)).toEqual([36, 489, 720, 12000, 183600, 3888000, 63331200, null, null]);
  });

  it('headers with and without -A, with -o wide', () => {
    expect(tableHeader('NAME           STATUS   ROLES           AGE   VERSION')?.kind).toBe('nodes');
    expect(tableHeader('NAMESPACE   NAME   READY   STATUS   RESTARTS   AGE   IP   NODE   NOMINATED NODE   READINESS GATES')?.names).toContain('NOMINATED NODE');
    expect(tableHeader('NAME   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE')?.kind).toBe('daemonsets');
    expect(tableHeader('NAME   TYPE   CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE')).toBeNull();
  });

  it('cells at their header\'s column, so RESTARTS "1 (8m9s ago)" and OS-IMAGE with spaces stay one cell', () => {
    const t = NOTES.split('$ kubectl get pods -A -o wide\n')[1] ?? '';
    const { read } = readTable(lines(t.trim()), 'paste');
    const sp = read.pods.find((p) => p.name === 'storage-provisioner');
    expect(sp).toEqual({ namespace: 'kube-system', name: 'storage-provisioner', status: 'Running', node: 'minikube', ip: '192.168.67.2', containers: 1, at: { kind: 'age', s: 532 }, restarts: 1, lastRestart: { kind: 'age', s: 489 } });
    const wide = readTable(lines('NAME       STATUS   ROLES           AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME\nminikube   Ready    control-plane   5m    v1.28.3   192.168.49.2   <none>        Ubuntu 22.04.3 LTS   6.1.0-21-amd64      docker://24.0.7'), 'paste');
    expect(wide.read.nodes).toEqual([{
      name: 'minikube', ip: '192.168.49.2', controlPlane: true, version: 'v1.28.3', at: { kind: 'age', s: 300 },
      externalIp: '<none>', osImage: 'Ubuntu 22.04.3 LTS', kernelVersion: '6.1.0-21-amd64', containerRuntime: 'docker://24.0.7',
    }]);
  });

  it('a pods table without IP and NODE is refused with the flag that prints them', () => {
    const r = readSources([{ name: 'paste', text: 'NAMESPACE     NAME               READY   STATUS    RESTARTS   AGE\nkube-system   kube-proxy-x7k2p   1/1     Running   0          5m' }]);
    expect(r.notes[0]).toEqual({ code: 'table-columns', params: { table: 'pods', columns: 'IP, NODE', flag: '-o wide' }, source: 'paste', line: 1 });
  });

  it('a row cut short names its line and the columns it lacks', () => {
    const r = readSources([{ name: 'paste', text: 'NAME           STATUS   ROLES           AGE   VERSION\nminikube       Ready    control-plane   36s   v1.26.3\nminikube-m02   Ready' }]);
    expect(r.notes.find((n) => n.code === 'row-short')).toEqual({ code: 'row-short', params: { missing: 'ROLES, AGE, VERSION' }, source: 'paste', line: 3 });
  });

  it('headerless pod rows, as grep leaves them', () => {
    const pods = readHeaderlessPods(lines('kube-flannel   kube-flannel-ds-7tqhd   1/1     Running   2 (3m ago)   8m5s    192.168.67.4   minikube-m03   <none>           <none>'));
    expect(pods).toEqual([{ namespace: 'kube-flannel', name: 'kube-flannel-ds-7tqhd', status: 'Running', containers: 1, ip: '192.168.67.4', node: 'minikube-m03', at: { kind: 'age', s: 485 }, restarts: 2, lastRestart: { kind: 'age', s: 180 } }]);
  });
});

describe('kubectl JSON', () => {
  it('a List of nodes, pods and DaemonSets, with podCIDR, InternalIP, hostNetwork and owners', () => {
    const r = readKubeJson(JSON.parse(MINIKUBE_JSON) as Record<string, unknown>, 'f', 1);
    expect(r.nodes[1]).toEqual({
      name: 'minikube-m02', ip: '192.168.49.3', podCidr: '10.244.1.0/24', controlPlane: false, version: 'v1.28.3', at: { kind: 'created', ms: Date.parse('2024-05-14T10:00:21Z') },
      externalIp: '<none>', osImage: 'Ubuntu 22.04.3 LTS', containerRuntime: 'docker://24.0.7',
    });
    expect(r.pods.find((p) => p.name === 'kube-proxy-b8r6m')).toMatchObject({ hostNetwork: true, daemonSet: 'kube-proxy', node: 'minikube-m02' });
    expect(r.daemonSets.map((d) => d.nodeSelector)).toEqual([undefined, 'kubernetes.io/os=linux']);
  });

  it('a single Pod object, and a field missing named by its path', () => {
    const one = readKubeJson({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: 'n', containers: [{}] }, status: { phase: 'Running', podIP: '10.244.1.5' } }, 'f', 3);
    expect(one.kind).toBe('pods-json');
    expect(one.pods[0]).toMatchObject({ name: 'p', ip: '10.244.1.5', node: 'n', containers: 1, hostNetwork: false });
    const bad = readKubeJson({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Node', metadata: {} }] }, 'f', 7);
    expect(bad.notes).toEqual([{ code: 'field-missing', params: {}, source: 'f', line: 7, field: 'items[0].metadata.name' }]);
  });

  it('other kinds are named, not guessed', () => {
    const r = readKubeJson({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }, 'f', 1);
    expect(r.notes[0]?.code).toBe('json-unknown');
    expect(r.notes[0]?.params).toEqual({ what: 'kind Service' });
  });
});

describe('iproute2 JSON (shapes recorded from iproute2 6.1 in a network namespace)', () => {
  it('tells the four commands apart by their keys', () => {
    expect(ipKind([{ ifindex: 1, ifname: 'lo', addr_info: [] }])).toBe('addr');
    expect(ipKind([{ dst: 'default', gateway: '192.168.49.1', dev: 'eth0', flags: [] }])).toBe('route');
    expect(ipKind([{ dst: '10.244.2.0', dev: 'flannel.1', lladdr: '5a:1b:2c:3d:4e:5f', state: ['PERMANENT'] }])).toBe('neigh');
    expect(ipKind([{ mac: '33:33:00:00:00:01', ifname: 'eth0', flags: ['self'], state: 'permanent' }])).toBe('fdb');
  });

  it('reads a veth\'s master and peer, IPv4 addresses only, routes\' onlink and metric', () => {
    const addr = readIpJson([{ ifindex: 4, link_index: 3, ifname: 'vethab12cd34', mtu: 1500, master: 'cni0', link_type: 'ether', address: 'DE:4B:8C:A7:7E:48', link_netnsid: 0, addr_info: [{ family: 'inet6', local: 'fe80::1', prefixlen: 64 }] }], 'addr', 'p', 1);
    expect(addr.table).toEqual({ kind: 'addr', links: [{ ifname: 'vethab12cd34', linkType: 'ether', mac: 'de:4b:8c:a7:7e:48', mtu: 1500, master: 'cni0', linkIndex: 3, addresses: [] }] });
    const route = readIpJson([{ dst: '10.244.2.0/24', gateway: '10.244.2.0', dev: 'flannel.1', flags: ['onlink'] }, { dst: '10.99.0.0/16', gateway: '192.168.49.4', dev: 'eth0', metric: 100, flags: [] }], 'route', 'p', 1);
    expect(route.table).toEqual({ kind: 'route', routes: [{ dst: '10.244.2.0/24', gateway: '10.244.2.0', dev: 'flannel.1', onlink: true }, { dst: '10.99.0.0/16', gateway: '192.168.49.4', dev: 'eth0', metric: 100, onlink: false }] });
  });

  it('an entry without its key field is named by index', () => {
    const r = readIpJson([{ dev: 'eth0', lladdr: '02:42:c0:a8:31:01', state: ['STALE'] }], 'neigh', 'p', 4);
    expect(r.notes).toEqual([{ code: 'field-missing', params: {}, source: 'p', line: 4, field: '[0].dst' }]);
  });
});

describe('recognising what was pasted', () => {
  it('finds the end of a JSON value past brackets inside strings', () => {
    const text = 'x [{"a":"]}"},{"b":[1,2]}] y';
    expect(text.slice(2, jsonEnd(text, 2))).toBe('[{"a":"]}"},{"b":[1,2]}]');
    expect(jsonEnd('[{"a":1}', 0)).toBe(-1);
  });

  it('a command line names the node of the ip -j output under it, a prompt or "# node:" too', () => {
    const r = readSources([{ name: 'paste', text: '$ minikube ssh -n minikube-m02 -- ip -j route\n[{"dst":"default","gateway":"192.168.49.1","dev":"eth0","flags":[]}]\ndocker@minikube-m03:~$ ip -j neigh\n[]\n# node: minikube\n[{"mac":"33:33:00:00:00:01","ifname":"eth0","flags":["self"],"state":"permanent"}]' }]);
    expect(r.facts.ip.map((b) => `${b.table.kind} ${b.node ?? '?'} ${b.line}`)).toEqual(['route minikube-m02 2', 'fdb minikube 6']);
  });

  it('output of a command it does not read is skipped and named', () => {
    const r = readSources([{ name: 'paste', text: '$ kubectl rollout restart ds kube-flannel-ds -n kube-flannel\ndaemonset.apps/kube-flannel-ds restarted' }]);
    expect(r.notes).toEqual([{ code: 'block-skipped', params: { command: 'kubectl rollout restart ds kube-flannel-ds -n kube-flannel' }, source: 'paste', line: 2 }]);
  });

  it('the CNI by its DaemonSet, or its pods when no DaemonSet was pasted', () => {
    expect(detectCni([{ namespace: 'kube-system', name: 'calico-node' }], [])).toEqual({ cni: 'calico', from: 'kube-system/calico-node' });
    expect(detectCni([], [{ namespace: 'kube-system', name: 'cilium-x7k2p', status: 'Running' }, { namespace: 'kube-system', name: 'cilium-operator-5d64788c99-abcde', status: 'Running' }])).toEqual({ cni: 'cilium', from: 'kube-system/cilium-x7k2p' });
    expect(detectCni([{ namespace: 'kube-system', name: 'weave-net' }], [])?.cni).toBe('weave');
    expect(detectCni([{ namespace: 'kube-system', name: 'kube-flannel-ds-amd64' }], [])?.cni).toBe('flannel');
    expect(detectCni([{ namespace: 'kube-system', name: 'kube-proxy' }], [])).toBeNull();
  });
});

describe('broken input: a remark naming where, never a throw, never a lab', () => {
  const first = (text: string, name = 'paste') => {
    const r = importCluster([{ name, text }]);
    expect(r.topology).toBeNull();
    return r.notes[0];
  };

  it('an empty paste', () => {
    expect(first('  \n\n')?.code).toBe('empty');
  });

  it('truncated JSON names the line it starts at', () => {
    const cut = MINIKUBE_JSON.slice(0, 900);
    expect(first(`$ kubectl get nodes -o json\n${cut}`)).toEqual({ code: 'json-truncated', params: { startLine: 2 }, source: 'paste', line: 2 });
  });

  it('invalid JSON names the line and column', () => {
    expect(first('{\n  "kind": "List",\n  "items": [1,,2]\n}')).toEqual({ code: 'json-invalid', params: { column: 15, found: '","' }, source: 'paste', line: 3 });
  });

  it('a binary file', () => {
    expect(first('\u0000\u0001PNG\ufffd\ufffd', 'picture.png')).toEqual({ code: 'binary', params: { bytes: 3 }, source: 'picture.png' });
  });

  it('ip without -j', () => {
    expect(first('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000')).toMatchObject({ code: 'ip-not-json', params: { command: 'ip addr' }, line: 1 });
    expect(first('default via 192.168.49.1 dev eth0')).toMatchObject({ code: 'ip-not-json', params: { command: 'ip route' } });
  });

  it('a line no format starts with', () => {
    expect(first('hello there')).toMatchObject({ code: 'unrecognised', params: { text: 'hello there' }, line: 1 });
  });

  it('an ip -j block that does not say its node', () => {
    const r = importCluster([{ name: 'paste', text: `${NOTES}\n[{"dst":"10.1.0.0/16","dev":"eth0","flags":[]}]` }]);
    expect(r.topology).toBeNull();
    expect(r.notes.find((n) => n.code === 'ip-node-unknown')).toMatchObject({ params: { command: 'ip -j route' }, line: NOTES.split('\n').length + 1 });
  });
});

describe('the JSON grammar scanner behind json-invalid', () => {
  it('points at the first character that breaks it', async () => {
    const { jsonErrorOffset } = await import('./jsonError');
    expect(jsonErrorOffset('[1,,2]')).toBe(3);
    expect(jsonErrorOffset('{"a":1')).toBe(6);
    expect(jsonErrorOffset('{"a":tru}')).toBe(5);
    expect(jsonErrorOffset('["\\x"]')).toBe(3);
    expect(jsonErrorOffset('[1] x')).toBe(4);
  });
});
