import { describe, expect, it } from 'vitest';
import type { HopEvent } from '../events';
import { runJourney } from '../index';
import { seedCilium, seedCiliumNative } from '../presets/ciliumScenarios';

const of = <T extends HopEvent['type']>(events: readonly HopEvent[], type: T): Extract<HopEvent, { type: T }>[] =>
  events.filter((e): e is Extract<HopEvent, { type: T }> => e.type === type);

const LXC1 = 'lxc5ea618a82d38'; // lxc + sha256("pod1")[:12]

describe("Cilium's eBPF (tunnel mode)", () => {
  const r = runJourney(seedCilium(), { from: 'pod1', to: 'pod3' });
  const frames = of(r.events, 'frame');
  const bpf = of(r.events, 'bpf');

  it('answers the pods\' ARP for the router IP at the lxc with the lxc\'s MAC; the host learns nothing', () => {
    const arp = bpf.filter((e) => e.action === 'arp-reply');
    expect(arp.map((e) => `${e.ns} ${e.iface} ${e.pod ?? ''} ${e.tpa ?? ''}`)).toEqual([`node1 ${LXC1} pod1 10.10.10.254`, 'node2 lxc85d0e40792bd pod3 10.10.11.254']);
    const lxc1Mac = seedCilium().machines[0]?.interfaces.find((i) => i.name === LXC1)?.mac;
    expect(arp[0]?.mac).toBe(lxc1Mac);
    const reply = frames.find((e) => e.ns === 'pod1' && e.dir === 'in' && e.arp?.op === 'reply');
    expect(reply?.arp?.sha).toBe(lxc1Mac);
    // No neighbour entry for a pod on either node: the kernel never saw the requests.
    expect(of(r.events, 'neigh').filter((e) => e.ns.startsWith('node') && e.ip.startsWith('10.10.'))).toEqual([]);
  });

  it('tunnels through cilium_vxlan with the key from the ipcache: VNI = the source identity, port 8472, no FDB; TTL decremented once, at the receiver', () => {
    const enc = bpf.filter((e) => e.action === 'encap');
    expect(enc.map((e) => `${e.ns} ${e.remote ?? ''} ${e.identity ?? 0} ${e.dev ?? ''}`)).toEqual(['node1 172.16.100.2 256 cilium_vxlan', 'node2 172.16.100.1 258 cilium_vxlan']);
    expect(of(r.events, 'fdb').filter((e) => e.scope === 'vxlan')).toEqual([]);
    const inner = frames.find((e) => e.ns === 'node1' && e.iface === 'cilium_vxlan' && e.dir === 'out');
    expect(inner?.ipv4?.ttl).toBe(64);
    expect(inner?.eth.dst).toBe(seedCilium().machines[0]?.interfaces.find((i) => i.name === LXC1)?.mac);
    const outer = frames.find((e) => e.ns === 'node1' && e.iface === 'eth0' && e.vxlan);
    expect(outer?.udp?.dport).toBe(8472);
    expect(outer?.vxlan?.vni).toBe(256);
    const ttl = bpf.filter((e) => e.action === 'local-delivery').map((e) => `${e.ns} ${e.prog} ${e.pod ?? ''} ${e.ttl?.from ?? 0}→${e.ttl?.to ?? 0}`);
    expect(ttl).toEqual(['node2 cil_from_overlay pod3 64→63', 'node1 cil_from_overlay pod1 64→63']);
    expect(of(r.events, 'ttl')).toEqual([]);
    const got = frames.find((e) => e.ns === 'pod3' && e.dir === 'in' && e.icmp?.type === 8);
    expect(got?.ipv4?.ttl).toBe(63);
    // bpf_redirect_peer: the request never shows on pod3's lxc, and the host routes none of the pods' packets.
    expect(frames.some((e) => e.ns === 'node2' && e.iface === 'lxc85d0e40792bd' && e.icmp?.type === 8)).toBe(false);
    expect(of(r.events, 'route').filter((e) => e.ns.startsWith('node') && e.dst.startsWith('10.10.'))).toEqual([]);
    expect(of(r.events, 'deliver').map((e) => `${e.ns} ${e.cause}`)).toEqual(['pod3 echo-request', 'pod1 echo-reply']);
  });

  it('delivers between pods of one node with no bridge and no host routing', () => {
    const local = runJourney(seedCilium(), { from: 'pod1', to: 'pod2' });
    expect(of(local.events, 'bpf').filter((e) => e.action === 'local-delivery').map((e) => `${e.prog} ${e.pod ?? ''} ${e.ttl?.to ?? 0}`)).toEqual(['cil_from_container pod2 63', 'cil_from_container pod1 63']);
    expect(of(local.events, 'fdb')).toEqual([]);
    expect(of(local.events, 'route').filter((e) => e.ns === 'node1')).toEqual([]);
    expect(of(local.events, 'deliver').map((e) => e.ns)).toEqual(['pod2', 'pod1']);
  });

  it('drops a packet whose TTL runs out in BPF, without ICMP Time Exceeded', () => {
    const t1 = runJourney(seedCilium(), { from: 'pod1', to: 'pod3', ttl: 1 });
    const drops = of(t1.events, 'drop');
    expect(drops.map((e) => `${e.ns} ${e.iface ?? ''} ${e.reason}`)).toEqual(['node2 cilium_vxlan bpf-ttl']);
    expect(of(t1.events, 'send').filter((e) => e.icmp?.type === 11)).toEqual([]);
    expect(of(t1.events, 'deliver')).toEqual([]);
  });
});

describe("Cilium's eBPF (native routing)", () => {
  it('leaves remote pods to the kernel (FIB, TTL, ARP for the node), then delivers at the receiving NIC', () => {
    const r = runJourney(seedCiliumNative(), { from: 'pod1', to: 'pod3' });
    const bpf = of(r.events, 'bpf');
    expect(bpf.filter((e) => e.ns === 'node1' && e.pkt === bpf[1]?.pkt).map((e) => e.action)).toEqual(['to-stack']);
    expect(of(r.events, 'route').some((e) => e.ns === 'node1' && e.route === '10.10.11.0/24 via 172.16.100.2 dev eth0')).toBe(true);
    expect(of(r.events, 'ttl').map((e) => `${e.ns} ${e.from}→${e.to}`)).toEqual(['node1 64→63', 'node2 64→63']);
    expect(bpf.filter((e) => e.action === 'local-delivery').map((e) => `${e.ns} ${e.prog} ${e.ttl?.to ?? 0}`)).toEqual(['node2 cil_from_netdev 62', 'node1 cil_from_netdev 62']);
    expect(of(r.events, 'vxlan')).toEqual([]);
    expect(of(r.events, 'deliver').map((e) => e.ns)).toEqual(['pod3', 'pod1']);
  });
});
