import { describe, expect, it } from 'vitest';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import { tellOutcome } from '../narrate/index';
import { removeNamespace } from './labEdits';
import { readLabFile, writeLabFile } from './labFile';
import { addPod, TopologyEditError } from './podNetwork';
import { validateTopology } from './validate';
import type { MachineSpec, Topology, VethIface } from './topology';

function refusal(f: () => unknown): TopologyEditError {
  try {
    f();
  } catch (e) {
    if (e instanceof TopologyEditError) return e;
    throw e;
  }
  throw new Error('no refusal');
}

const node = (t: Topology, name: string): MachineSpec => {
  const m = t.machines.find((x) => x.name === name);
  if (!m) throw new Error(`no ${name}`);
  return m;
};

/** A locally administered unicast MAC, as eth_random_addr makes them. */
const RANDOM_MAC = /^[0-9a-f][26ae](:[0-9a-f]{2}){5}$/;

describe('addPod: a pod gets its network by the CNI ADD of the bridge plugin with host-local IPAM', () => {
  it('takes the next address after the last reservation: 10.10.10.3 on the seed\'s node1, a veth named veth + 8 hex digits on cni0', () => {
    const seed = seedTopology();
    const added = addPod(seed, 'node1');
    expect([added.pod.name, added.address, added.gateway]).toEqual(['pod5', '10.10.10.3/24', '10.10.10.254']);
    expect(added.hostIface).toMatch(/^veth[0-9a-f]{8}$/);
    expect(added.pod.routes).toEqual([{ dst: 'default', via: '10.10.10.254', dev: 'eth0' }]);
    const eth0 = added.pod.interfaces[0] as VethIface;
    expect(eth0).toMatchObject({ kind: 'veth', name: 'eth0', addresses: ['10.10.10.3/24'], peer: { ns: 'node1', iface: added.hostIface } });
    const host = node(added.topology, 'node1').interfaces.at(-1) as VethIface;
    expect(host).toMatchObject({ kind: 'veth', name: added.hostIface, master: 'cni0', peer: { ns: 'pod5', iface: 'eth0' } });
    expect([eth0.mac, host.mac].every((m) => RANDOM_MAC.test(m))).toBe(true);
    // host-local's cursor is the lab's, as its last_reserved_ip file is the node's.
    expect(node(added.topology, 'node1').cni).toEqual({ lastReservedIp: { cni0: '10.10.10.3' } });
    // The input is never changed, and the result is a lab Linux accepts.
    expect(seed).toEqual(seedTopology());
    expect(validateTopology(added.topology)).toEqual([]);
    // A second one continues after it; node2 has its own subnet and cursor.
    expect(addPod(added.topology, 'node1').address).toBe('10.10.10.4/24');
    expect(addPod(added.topology, 'node2', { name: 'web' }).address).toBe('10.10.11.3/24');
  });

  it('round-robin: an address just freed is not given again at once, and the cursor survives the lab file', () => {
    const first = addPod(seedTopology(), 'node1');
    const gone = removeNamespace(first.topology, 'pod5');
    const again = addPod(gone, 'node1');
    expect(again.address).toBe('10.10.10.4/24');
    const file = readLabFile(writeLabFile(gone));
    if (!file.ok) throw new Error('the lab file was refused');
    expect(addPod(file.topology, 'node1').address).toBe('10.10.10.4/24');
  });

  it('wraps round past the end of the range, skipping the gateway and the addresses in use', () => {
    const t = seedTopology();
    const near: Topology = { ...t, machines: t.machines.map((m) => (m.name === 'node1' ? { ...m, cni: { lastReservedIp: { cni0: '10.10.10.253' } } } : m)) };
    // After .253 comes .254, the gateway; then .1 and .2 are pod1's and pod2's.
    const added = addPod(near, 'node1');
    expect(added.address).toBe('10.10.10.3/24');
    expect(added.cni.events.filter((e) => e.type === 'ipam' && e.op === 'skip').map((e) => (e.type === 'ipam' && e.op === 'skip' ? `${e.ip} ${e.why}` : ''))).toEqual(['10.10.10.254 gateway', '10.10.10.1 reserved', '10.10.10.2 reserved']);
    // Without a cursor host-local starts at the range's start: pod2 moved to .253 leaves .2 free.
    const node1 = node(t, 'node1');
    const pod2 = node1.pods?.[1];
    if (!pod2) throw new Error('seed changed');
    const moved: Topology = { ...t, machines: t.machines.map((m) => (m === node1 ? { ...m, pods: [node1.pods?.[0] ?? pod2, { ...pod2, interfaces: pod2.interfaces.map((i) => ({ ...i, addresses: ['10.10.10.253/24'] })) }] } : m)) };
    expect(addPod(moved, 'node1').address).toBe('10.10.10.2/24');
  });

  it('is the runtime\'s ADD, step by step, as data: the namespace, the bridge plugin, its host-local delegate, the result', () => {
    const { cni } = addPod(seedTopology(), 'node1');
    expect(cni.attachment).toEqual({ containerId: 'pod5', netns: '/var/run/netns/pod5', ifname: 'eth0', args: [['IgnoreUnknown', '1'], ['K8S_POD_NAMESPACE', 'default'], ['K8S_POD_NAME', 'pod5'], ['K8S_POD_INFRA_CONTAINER_ID', 'pod5']] });
    expect(cni.conflist.plugins).toEqual([{ type: 'bridge', bridge: 'cni0', isGateway: true, isDefaultGateway: true, ipam: { type: 'host-local', ranges: [[{ subnet: '10.10.10.0/24', gateway: '10.10.10.254' }]] } }]);
    const [netns, bridge] = cni.events;
    expect(netns).toMatchObject({ type: 'netns', op: 'add', path: '/var/run/netns/pod5' });
    expect(bridge).toMatchObject({ type: 'exec', plugin: 'bridge', depth: 0, caller: { by: 'runtime' }, env: { CNI_COMMAND: 'ADD', CNI_CONTAINERID: 'pod5', CNI_NETNS: '/var/run/netns/pod5', CNI_IFNAME: 'eth0', CNI_PATH: '/opt/cni/bin', CNI_ARGS: 'IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=pod5;K8S_POD_INFRA_CONTAINER_ID=pod5' } });
    const kinds = cni.events.map((e) => [e.type, 'op' in e ? e.op : '', 'plugin' in e ? e.plugin : ''].filter(Boolean).join(' '));
    expect(kinds.indexOf('exec host-local')).toBeGreaterThan(kinds.indexOf('link master'));
    expect(kinds.indexOf('ipam reserve')).toBeGreaterThan(kinds.indexOf('exec host-local'));
    expect(kinds.indexOf('addr add')).toBeGreaterThan(kinds.indexOf('exit host-local'));
    expect(cni.events.filter((e) => e.type === 'file' && e.op === 'write').map((e) => (e.type === 'file' ? e.path : ''))).toEqual([
      '/var/lib/cni/networks/cni0/10.10.10.3', '/var/lib/cni/networks/cni0/last_reserved_ip.0', '/var/lib/cni/results/cni0-pod5-eth0',
    ]);
    const exit = cni.events.filter((e) => e.type === 'exit').at(-1);
    expect(exit?.type === 'exit' ? (JSON.parse(exit.stdout) as unknown) : null).toEqual(cni.result);
    expect(cni.result.ips).toEqual([{ interface: 2, address: '10.10.10.3/24', gateway: '10.10.10.254' }]);
  });

  it('turns ip_forward on, follows the bridge\'s MTU, and gives the same lab for the same edit', () => {
    const t = seedTopology();
    const bare: Topology = { ...t, machines: t.machines.map((m) => (m.name === 'node2' ? { ...m, sysctls: {}, interfaces: m.interfaces.map((i) => (i.name === 'cni0' ? { ...i, mtu: 1450 } : i)) } : m)) };
    const added = addPod(bare, 'node2');
    expect(node(added.topology, 'node2').sysctls).toEqual({ ip_forward: true });
    expect(added.pod.interfaces[0]?.mtu).toBe(1450);
    expect((node(added.topology, 'node2').interfaces.at(-1) as VethIface).mtu).toBe(1450);
    expect(addPod(bare, 'node2')).toEqual(added);
    expect(addPod(bare, 'node2', { name: 'other' }).hostIface).not.toBe(added.hostIface);
  });

  it('a new pod is reachable at once: pod1 pings it and the reply comes back', () => {
    const added = addPod(addPod(seedTopology(), 'node2').topology, 'node1');
    const r = runJourney(added.topology, { from: 'pod1', to: 'pod6' });
    expect(tellOutcome(r, 'en')).toContain('Echo replies back at pod1: 1 of 1.');
    const across = runJourney(added.topology, { from: 'pod6', to: 'pod5' });
    expect(tellOutcome(across, 'en')).toContain('1 of 1');
  });

  it('refuses what it cannot do, naming the field, in both languages', () => {
    const seed = seedTopology();
    const noBridge = refusal(() => addPod(seed, 'router'));
    expect(noBridge.problems.map((p) => [p.path, p.code])).toEqual([['machines[1].interfaces', 'pod-no-bridge']]);
    expect(noBridge.text.en).toContain('router has no bridge with an IPv4 address');
    expect(noBridge.text.ru).toContain('на router нет моста с IPv4-адресом');
    expect(refusal(() => addPod(seed, 'node9')).text.en).toBe('no machine named "node9"');
    expect(refusal(() => addPod(seed, 'node1', { name: 'pod3' })).problems[0]?.code).toBe('duplicate-name');
    const tiny: Topology = { ...seed, machines: seed.machines.map((m) => (m.name === 'node2' ? { ...m, interfaces: m.interfaces.map((i) => (i.name === 'cni0' ? { ...i, addresses: ['10.10.11.254/29'] } : i)), pods: [] } : m)) };
    let lab = tiny;
    // A /29 has six usable addresses; the gateway takes one.
    for (let k = 0; k < 5; k++) lab = addPod(lab, 'node2').topology;
    const full = refusal(() => addPod(lab, 'node2'));
    expect(full.text.en).toContain('no IP addresses available in range set: 10.10.11.249-10.10.11.254');
    // Any other refusal of the plugins comes with their own code and words.
    const long = refusal(() => addPod(seed, 'node1', { ifname: 'averyveryverylongname' }));
    expect(long.problems[0]).toMatchObject({ code: 'cni-add-failed', params: { code: 4, msg: 'interface name is too long' } });
    expect(long.text.ru).toContain('плагины CNI не смогли подключить под к сети: ошибка 4');
  });
});
