import { describe, expect, it } from 'vitest';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import { addPod, TopologyEditError } from './podNetwork';
import { findIface, findNs, renameInterface, renameNamespace } from './nsEdits';
import { renamedNamespaces } from './renames';
import type { Topology } from './topology';
import { validateTopology } from './validate';

/** The seed, frozen the way the store's validation leaves it: an edit that mutates would throw. */
function seed(): Topology {
  const t = seedTopology();
  expect(validateTopology(t)).toEqual([]);
  return t;
}

/** The refusal an edit throws, with its problems and both languages' text. */
function refusal(edit: () => unknown): TopologyEditError {
  try {
    edit();
  } catch (e) {
    if (e instanceof TopologyEditError) return e;
    throw e;
  }
  throw new Error('the edit was not refused');
}

describe('renaming a namespace', () => {
  it('renames a pod, its veth peer on the node and the host end named after it; the journey runs under the new name', () => {
    const t = seed();
    const next = renameNamespace(t, 'pod1', 'web');
    expect(findNs(next, 'web').path).toBe('machines[0].pods[0]');
    const node1 = findNs(next, 'node1').ns;
    expect(node1.interfaces.find((i) => i.name === 'veth-web')).toMatchObject({ kind: 'veth', master: 'cni0', peer: { ns: 'web', iface: 'eth0' } });
    expect(findIface(next, 'web', 'eth0').iface).toMatchObject({ peer: { ns: 'node1', iface: 'veth-web' } });
    expect(validateTopology(next)).toEqual([]);
    expect(runJourney(next, { from: 'web', to: 'pod3' }).events.some((e) => e.type === 'deliver' && e.ns === 'pod3')).toBe(true);
    // The lab it was given is untouched, and every machine the rename did not reach is the same object.
    expect(findNs(t, 'pod1').ns.name).toBe('pod1');
    expect(next.machines[1]).toBe(t.machines[1]);
    expect(next.machines[2]).toBe(t.machines[2]);
  });

  it('renames a machine, and its pods\' veths name it as their peer', () => {
    const next = renameNamespace(seed(), 'node2', 'worker');
    expect(findNs(next, 'worker').path).toBe('machines[2]');
    expect(findIface(next, 'pod3', 'eth0').iface).toMatchObject({ peer: { ns: 'worker', iface: 'veth-pod3' } });
    expect(validateTopology(next)).toEqual([]);
  });

  it('keeps a host veth that does not follow the pod\'s name, and one whose new name would not fit IFNAMSIZ', () => {
    const long = renameNamespace(seed(), 'pod2', 'a-very-long-pod-name');
    expect(findNs(long, 'node1').ns.interfaces.map((i) => i.name)).toContain('veth-pod2');
    expect(validateTopology(long)).toEqual([]);
    const renamedHost = renameInterface(seed(), 'node1', 'veth-pod2', 'vethabc');
    const next = renameNamespace(renamedHost, 'pod2', 'db');
    expect(findNs(next, 'node1').ns.interfaces.map((i) => i.name)).toEqual(['eth0', 'cni0', 'veth-pod1', 'vethabc']);
  });

  it('changes nothing for the same name', () => {
    const t = seed();
    expect(renameNamespace(t, 'router', 'router')).toBe(t);
  });

  it('refuses an empty, too long or badly formed name, and a name in use, naming the field in both languages', () => {
    const t = seed();
    const empty = refusal(() => renameNamespace(t, 'pod1', ''));
    expect(empty.problems).toEqual([{ path: 'machines[0].pods[0].name', code: 'ns-name', params: { got: '""' } }]);
    expect(empty.text.en).toBe('expected 1-31 letters, digits, "_", "." or "-", starting with a letter or digit; got ""');
    expect(empty.text.ru).toMatch(/^ожидается имя от 1 до 31 символа .*получена пустая строка$/);
    expect(refusal(() => renameNamespace(t, 'node1', 'n'.repeat(32))).problems[0]?.code).toBe('ns-name');
    expect(refusal(() => renameNamespace(t, 'node1', 'a/b')).problems[0]?.code).toBe('ns-name');
    const dup = refusal(() => renameNamespace(t, 'pod1', 'router'));
    expect(dup.problems).toEqual([{ path: 'machines[0].pods[0].name', code: 'duplicate-name', params: { name: 'router', where: 'machines[1]' } }]);
    expect(dup.text.en).toContain('"router" is already used by machines[1]');
    expect(dup.text.ru).toContain('имя «router» уже занято (machines[1])');
    expect(refusal(() => renameNamespace(t, 'ghost', 'x')).problems[0]).toMatchObject({ path: 'machines', code: 'peer-ns-missing' });
  });
});

describe('renaming an interface', () => {
  it('renames a bridge and its ports follow (master), with routes through it', () => {
    const t = seed();
    const next = renameInterface(t, 'node1', 'cni0', 'br0');
    const node1 = findNs(next, 'node1').ns;
    expect(node1.interfaces.map((i) => [i.name, i.master])).toEqual([['eth0', undefined], ['br0', undefined], ['veth-pod1', 'br0'], ['veth-pod2', 'br0']]);
    expect(validateTopology(next)).toEqual([]);
  });

  it('renames a route\'s and a neighbour\'s device with the interface', () => {
    const t = seed();
    const withNeigh: Topology = { ...t, machines: t.machines.map((m) => (m.name === 'router' ? { ...m, neighbours: [{ ip: '172.16.100.1', mac: '02:00:ac:10:64:01', dev: 'eth0', state: 'PERMANENT' }] } : m)) };
    const next = renameInterface(withNeigh, 'router', 'eth0', 'lan0');
    const router = findNs(next, 'router').ns;
    expect(router.routes?.map((r) => r.dev)).toEqual(['lan0', 'lan0']);
    expect(router.neighbours?.[0]?.dev).toBe('lan0');
    expect(validateTopology(next)).toEqual([]);
  });

  it('renames a veth end and its peer names the new end, in whichever namespace the edit is made', () => {
    const inPod = renameInterface(seed(), 'pod1', 'eth0', 'net0');
    expect(findIface(inPod, 'node1', 'veth-pod1').iface).toMatchObject({ peer: { ns: 'pod1', iface: 'net0' } });
    expect(findNs(inPod, 'pod1').ns.routes).toEqual([{ dst: 'default', via: '10.10.10.254', dev: 'net0' }]);
    const onNode = renameInterface(seed(), 'node1', 'veth-pod1', 'v1');
    expect(findIface(onNode, 'pod1', 'eth0').iface).toMatchObject({ peer: { ns: 'node1', iface: 'v1' } });
    expect(validateTopology(inPod)).toEqual([]);
    expect(validateTopology(onNode)).toEqual([]);
  });

  it('refuses what Linux refuses, with its answer: too long, a slash, lo, a name in use', () => {
    const t = seed();
    const long = refusal(() => renameInterface(t, 'node1', 'eth0', 'a-name-of-16-chr'));
    expect(long.problems[0]).toMatchObject({ path: 'machines[0].interfaces[0].name', code: 'iface-name' });
    expect(long.text.en).toContain('(Linux: "Error: Attribute failed policy validation.")');
    expect(long.text.ru).toContain('предел IFNAMSIZ');
    expect(refusal(() => renameInterface(t, 'node1', 'eth0', 'a/b')).text.en).toContain('Error: argument "a/b" is wrong: "dev" not a valid ifname');
    expect(refusal(() => renameInterface(t, 'node1', 'eth0', '')).problems[0]?.code).toBe('iface-name');
    expect(refusal(() => renameInterface(t, 'node1', 'eth0', 'lo')).problems[0]).toMatchObject({ code: 'iface-lo', params: { kernel: 'RTNETLINK answers: File exists' } });
    const dup = refusal(() => renameInterface(t, 'node1', 'eth0', 'cni0'));
    expect(dup.problems[0]).toMatchObject({ path: 'machines[0].interfaces[0].name', code: 'duplicate-iface' });
    expect(dup.text.ru).toContain('интерфейс «cni0» уже есть');
    expect(refusal(() => renameInterface(t, 'node1', 'eth7', 'x')).problems[0]?.code).toBe('peer-iface-missing');
    expect(renameInterface(t, 'node1', 'eth0', 'eth0')).toBe(t);
  });
});

describe('renames as the store sees them', () => {
  it('finds the namespaces an edit renamed, both ways, and nothing for other edits', () => {
    const t = seed();
    const next = renameNamespace(t, 'pod3', 'api');
    expect([...renamedNamespaces(t, next)]).toEqual([['pod3', 'api']]);
    expect([...renamedNamespaces(next, t)]).toEqual([['api', 'pod3']]);
    expect(renamedNamespaces(t, renameNamespace(t, 'node1', 'n1')).get('node1')).toBe('n1');
    expect(renamedNamespaces(t, addPod(t, 'node1').topology).size).toBe(0);
    expect(renamedNamespaces(t, renameInterface(t, 'node1', 'eth0', 'ens3')).size).toBe(0);
  });
});
