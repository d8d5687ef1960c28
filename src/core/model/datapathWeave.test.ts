import { describe, expect, it } from 'vitest';
import { datapathChoices, datapathKey } from '../compare/choices';
import type { HopEvent, OvsEvent } from '../events';
import { seedTopology } from '../presets/seed';
import { buildSeedWeave } from '../presets/weaveBuild';
import { seedWeave } from '../presets/weaveScenarios';
import { runJourney } from '../sim/runJourney';
import { peersOfVni, WEAVE_VXLAN_PORT, weaveNodes, weaveVni } from './datapathWeave';
import { switchDatapath } from './datapathCalicoSwitch';
import { addPod } from './podNetwork';
import { validateTopology } from './validate';
import type { Topology } from './topology';

const ovs = (events: readonly HopEvent[], ns: string): OvsEvent[] => events.filter((e): e is OvsEvent => e.type === 'ovs' && e.ns === ns);

describe('Weave Net as data', () => {
  it('encodes both peers\' short IDs in the VNI as router/fastdp.go tunnelIDFor does (src | dst<<12) and reads them back', () => {
    expect(weaveVni(1, 2)).toBe(1 + 2 * 4096);
    expect(weaveVni(0xfff, 0xfff)).toBe(0xffffff);
    expect(peersOfVni(weaveVni(0x65b, 0x4f1))).toEqual({ src: 0x65b, dst: 0x4f1 });
    // Only 12 bits each: a 24-bit VNI.
    expect(weaveVni(0x1001, 0)).toBe(1);
  });

  it('splits 10.32.0.0/12 among the peers sorted by peer name in CIDR-aligned halves (ring.go subdivide)', () => {
    const nodes = weaveNodes(seedWeave());
    expect(nodes.map((n) => n.name)).toEqual(['node1', 'node2']);
    const shares = nodes.map((n) => [n.end - n.start, n.start % (n.end - n.start)]);
    expect(shares).toEqual([[2 ** 19, 0], [2 ** 19, 0]]);
    const byPeer = [...nodes].sort((a, b) => (a.peer < b.peer ? -1 : 1));
    expect(byPeer[0]?.start).toBe((10 << 24 | 32 << 16) >>> 0);
    expect(byPeer[1]?.start).toBe((10 << 24 | 40 << 16) >>> 0);
    expect(new Set(nodes.map((n) => n.shortId)).size).toBe(2);
  });

  it('builds seed-weave through weave-net\'s ADD: the bridge exposed first, pods on the flat /12 with the default route via it, vethwepl host ends', () => {
    const t = seedWeave();
    expect(t).toEqual(buildSeedWeave());
    expect(validateTopology(t)).toEqual([]);
    expect(t.datapath).toEqual({ cni: 'weave' });
    for (const m of t.machines) {
      const names = m.interfaces.map((i) => `${i.kind} ${i.name}`);
      expect(names.slice(0, 6)).toEqual(['ether eth0', 'bridge weave', 'openvswitch datapath', 'veth vethwe-bridge', 'veth vethwe-datapath', 'vxlan vxlan-6784']);
      const bridge = m.interfaces.find((i) => i.name === 'weave');
      const gw = bridge?.addresses?.[0]?.split('/')[0] ?? '';
      expect(bridge?.addresses?.[0]).toMatch(/^10\.(32|40)\.0\.[01]\/12$/);
      expect(bridge?.mtu).toBe(1376);
      for (const p of m.pods ?? []) {
        const eth0 = p.interfaces[0];
        expect(eth0?.addresses?.[0]).toMatch(/^10\.(32|40)\.0\.\d+\/12$/);
        expect(eth0?.mtu).toBe(1376);
        expect(p.routes).toEqual([{ dst: 'default', via: gw, dev: 'eth0' }]);
        const host = m.interfaces.find((i) => i.kind === 'veth' && i.peer.ns === p.name);
        expect(host?.name).toMatch(/^vethwepl[0-9a-z]{1,7}$/);
        expect(host?.master).toBe('weave');
      }
      expect(m.interfaces.find((i) => i.name === 'vxlan-6784')).toMatchObject({ kind: 'vxlan', port: WEAVE_VXLAN_PORT, external: true, vport: 'datapath' });
      expect(m.interfaces.find((i) => i.name === 'vethwe-datapath')).toMatchObject({ vport: 'datapath', peer: { ns: m.name, iface: 'vethwe-bridge' } });
    }
  });

  it('gives Add pod the next address of the node\'s share and weave-net\'s result (ips with the bridge as gateway, no interfaces)', () => {
    const t = seedWeave();
    const added = addPod(t, 'node2', { name: 'pod5' });
    const bridge = t.machines.find((m) => m.name === 'node2')?.interfaces.find((i) => i.name === 'weave')?.addresses?.[0] ?? '';
    const taken = t.machines.find((m) => m.name === 'node2')?.pods?.map((p) => p.interfaces[0]?.addresses?.[0]) ?? [];
    expect(taken).not.toContain(added.address);
    expect(added.gateway).toBe(bridge.split('/')[0]);
    expect(added.cni.conflist.name).toBe('weave');
    expect(added.cni.result.interfaces).toBeUndefined();
    expect(added.cni.result.ips).toEqual([{ address: added.address, gateway: added.gateway }]);
    // The lab's container ID is the pod's name; one shorter than 5 characters becomes 10 random hex digits, cut to 7.
    expect(added.hostIface).toMatch(/^vethwepl[0-9a-f]{7}$/);
    expect(runJourney(added.topology, { from: 'pod1', to: 'pod5' }).events.some((e) => e.type === 'deliver' && e.ns === 'pod5')).toBe(true);
  });
});

describe('Weave Net in the engine', () => {
  const r = runJourney(seedWeave(), { from: 'pod1', to: 'pod3' });
  const pod3 = seedWeave().machines.flatMap((m) => m.pods ?? []).find((p) => p.name === 'pod3')?.interfaces[0]?.addresses?.[0]?.split('/')[0];

  it('ARPs for the remote pod itself (one flat /12) and floods the broadcast to the other node over VXLAN to UDP 6784', () => {
    const req = r.events.find((e) => e.type === 'frame' && e.ns === 'pod1' && e.arp?.op === 'request');
    expect(req?.type === 'frame' ? req.arp?.tpa : '').toBe(pod3);
    const first = ovs(r.events, 'node1')[1];
    expect(first).toMatchObject({ action: 'upcall', flood: true, install: true, dst: 'ff:ff:ff:ff:ff:ff' });
    const out = first?.out?.[0];
    expect(out && 'tunnel' in out ? out.tunnel.dst : '').toBe('172.16.100.2');
    const datagram = r.events.find((e) => e.type === 'frame' && e.ns === 'node2' && e.iface === 'eth0' && e.inner?.arp?.op === 'request');
    expect(datagram?.type === 'frame' ? datagram.udp?.dport : 0).toBe(6784);
    // The remote pod answers the ARP itself: no proxy, no gateway.
    expect(r.events.some((e) => e.type === 'frame' && e.ns === 'pod3' && e.arp?.op === 'reply')).toBe(true);
  });

  it('misses then hits: each new key goes up to weaver once, the echo reply finds the flows the ARP reply installed', () => {
    const n1 = ovs(r.events, 'node1');
    const n2 = ovs(r.events, 'node2');
    expect(n1.map((e) => e.action)).toEqual(['miss', 'upcall', 'miss', 'upcall', 'miss', 'upcall', 'hit']);
    expect(n2.map((e) => e.action)).toEqual(['miss', 'upcall', 'miss', 'upcall', 'miss', 'upcall', 'hit']);
    // The VNI of node1 → node2 names node1 low and node2 high; the way back the other way round.
    const [a, b] = weaveNodes(seedWeave());
    const there = n1[1]?.out?.[0];
    expect(there && 'tunnel' in there ? there.tunnel.vni : 0).toBe(weaveVni(a?.shortId ?? 0, b?.shortId ?? 0));
    expect(n2.find((e) => e.action === 'miss' && e.tunnel)?.tunnel?.vni).toBe(weaveVni(a?.shortId ?? 0, b?.shortId ?? 0));
    expect(n1.find((e) => e.action === 'hit')?.tunnel?.vni).toBe(weaveVni(b?.shortId ?? 0, a?.shortId ?? 0));
  });

  it('delivers to pod3 with the TTL unchanged (no routing between pods), and a second ping stays in the kernel', () => {
    const echo = r.events.find((e) => e.type === 'deliver' && e.ns === 'pod3');
    expect(echo?.type === 'deliver' ? echo.ipv4.ttl : 0).toBe(64);
    expect(r.events.some((e) => e.type === 'ttl')).toBe(false);
    const two = runJourney(seedWeave(), { from: 'pod1', to: 'pod3', count: 2 });
    const second = two.events.filter((e) => e.type === 'send' && e.ns === 'pod1' && e.cause === 'app')[1];
    const later = two.events.filter((e) => e.type === 'ovs' && second !== undefined && e.t >= second.t);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((e) => e.type === 'ovs' && e.action === 'hit')).toBe(true);
  });
});

describe('switching into and out of Weave Net', () => {
  const delivered = (t: Topology): boolean => runJourney(t, { from: 'pod1', to: 'pod3' }).events.some((e) => e.type === 'deliver' && e.ns === 'pod3');

  it('takes the seed lab to Weave and back to each mode, the pods keeping their names and the ping delivered', () => {
    const weave = datapathChoices(seedTopology()).find((c) => c.key === 'weave')?.lab;
    if (!weave) throw new Error('the seed refused Weave');
    expect(datapathKey(weave.datapath)).toBe('weave');
    expect(weave.machines.flatMap((m) => (m.pods ?? []).map((p) => p.name))).toEqual(['pod1', 'pod2', 'pod3', 'pod4']);
    expect(validateTopology(weave)).toEqual([]);
    expect(delivered(weave)).toBe(true);
    for (const c of datapathChoices(weave)) {
      if (c.key === 'weave') continue;
      expect(c.refusal, c.key).toBeNull();
      if (!c.lab) continue;
      expect(datapathKey(c.lab.datapath), c.key).toBe(c.key);
      expect(c.lab.machines.flatMap((m) => m.interfaces).some((i) => i.kind === 'openvswitch'), c.key).toBe(false);
      expect(validateTopology(c.lab), c.key).toEqual([]);
    }
    const vxlan = switchDatapath(weave, { cni: 'flannel', backend: 'vxlan' });
    expect(delivered(vxlan)).toBe(true);
    expect(delivered(switchDatapath(seedWeave(), { cni: 'cilium', routing: 'tunnel' }))).toBe(true);
  });
});

describe('a node joining a Weave lab', () => {
  it('launches weave-net on it without taking an address another peer holds, and its new pod reaches the others', async () => {
    const { addNode } = await import('./labEdits');
    const joined = addNode(seedWeave());
    if (!joined) throw new Error('no node added');
    const node3 = joined.topology.machines.find((m) => m.name === joined.name);
    expect(node3?.interfaces.map((i) => i.name)).toEqual(expect.arrayContaining(['weave', 'datapath', 'vethwe-bridge', 'vethwe-datapath', 'vxlan-6784']));
    const withPod = addPod(joined.topology, joined.name, { name: 'pod5' }).topology;
    const all = withPod.machines.flatMap((m) => [m, ...(m.pods ?? [])]).flatMap((ns) => ns.interfaces.flatMap((i) => i.addresses ?? [])).filter((a) => a.startsWith('10.'));
    expect(new Set(all).size).toBe(all.length);
    expect(validateTopology(withPod)).toEqual([]);
    const r = runJourney(withPod, { from: 'pod5', to: 'pod1' });
    expect(r.events.some((e) => e.type === 'deliver' && e.ns === 'pod1')).toBe(true);
  });
});

describe('checking a Weave step on real Linux', () => {
  it('shows fastdp\'s vport as a collect_md device (`external`), not with the packet\'s VNI as its id', async () => {
    const { proofOf } = await import('../proof/proofs');
    const t = seedWeave();
    const r = runJourney(t, { from: 'pod1', to: 'pod3' });
    const at = r.events.findIndex((e) => e.type === 'vxlan' && e.action === 'encap');
    expect(proofOf(r, at, t)).toMatchObject({ command: 'ip -d link show vxlan-6784', expect: ['vxlan', 'external', 'dstport 6784'] });
  });
});

describe('the Weave journey\'s chapters', () => {
  it('tell the datapath\'s decision on each node, claim no router hop or gateway ARP, and correct nothing that did not happen', async () => {
    const { chaptersOf } = await import('../narrate/chapters');
    const r = runJourney(seedWeave(), { from: 'pod1', to: 'pod3' });
    const chapters = chaptersOf(r);
    expect(chapters.map((c) => c.facts.kind)).toEqual(['origin', 'enter-root', 'bridge', 'ovs', 'encap', 'leave', 'decap', 'ovs', 'into-pod', 'answer']);
    expect(chapters[0]?.facts).toMatchObject({ kind: 'origin', via: 'connected', gw: null });
    expect(chapters.find((c) => c.facts.kind === 'ovs')?.facts).toMatchObject({ ns: 'node1', action: 'upcall', peer: 'node2' });
    expect(chapters.some((c) => c.facts.kind === 'router' || c.facts.kind === 'route')).toBe(false);
    expect(chapters.filter((c) => c.correction !== undefined)).toEqual([]);
  });
});
