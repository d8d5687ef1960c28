import { describe, expect, it } from 'vitest';
import type { HopEvent } from '../events';
import { runJourney, tellEvent } from '../index';
import { frameBytes, packetFacts } from '../export/packetBytes';
import type { MachineSpec, Topology } from '../model/topology';
import { seedCalicoIpip } from '../presets/calicoPresets';

/** seed-calico-ipip with one machine changed. */
function withMachine(name: string, change: (m: MachineSpec) => MachineSpec): Topology {
  const t = seedCalicoIpip();
  return { ...t, machines: t.machines.map((m) => (m.name === name ? change(m) : m)) };
}

const of = <T extends HopEvent['type']>(events: readonly HopEvent[], type: T): Extract<HopEvent, { type: T }>[] =>
  events.filter((e): e is Extract<HopEvent, { type: T }> => e.type === type);

describe('the IPIP tunnel (Calico\'s tunl0)', () => {
  it('wraps the forwarded packet in 20 bytes of outer IPv4, protocol 4, to the route\'s gateway, TTL and DF inherited; the peer unwraps it on tunl0', () => {
    const r = runJourney(seedCalicoIpip(), { from: 'pod1', to: 'pod3' });
    const ipip = of(r.events, 'ipip');
    expect(ipip.map((e) => `${e.ns} ${e.action} ${e.local}→${e.remote} ${e.innerLen}→${e.outerLen} ttl ${e.ttl} df ${e.df} mtu ${e.mtu} via ${e.dev}`)).toEqual([
      'node1 encap 172.16.100.1→172.16.100.2 84→104 ttl 63 df true mtu 1480 via eth0',
      'node2 decap 172.16.100.2→172.16.100.1 84→104 ttl 63 df true mtu 1480 via eth0',
      // The echo reply leaves pod3 without DF (the kernel's own reply), and the outer header copies that too.
      'node2 encap 172.16.100.2→172.16.100.1 84→104 ttl 63 df false mtu 1480 via eth0',
      'node1 decap 172.16.100.1→172.16.100.2 84→104 ttl 63 df false mtu 1480 via eth0',
    ]);
    const frames = of(r.events, 'frame').filter((e) => e.pkt === ipip[0]?.pkt && e.icmp?.type !== 0);
    // tcpdump on tunl0: the bare packet, no link layer, its TTL already lowered by node1.
    const out = frames.find((e) => e.ns === 'node1' && e.iface === 'tunl0');
    expect(out).toMatchObject({ dir: 'out', raw: true, ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl: 63, proto: 'icmp' }, len: 84 });
    const wire = frames.find((e) => e.ns === 'node1' && e.iface === 'eth0' && e.dir === 'out');
    expect(wire?.ipv4).toEqual({ src: '172.16.100.1', dst: '172.16.100.2', ttl: 63, proto: 'ipip' });
    expect(wire).toMatchObject({ len: 104, df: true, ipip: {}, inner: { raw: true, ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl: 63 } } });
    expect(wire?.eth).toEqual({ src: '02:00:ac:10:64:01', dst: '02:00:ac:10:64:02', type: 'ipv4' });
    expect(frames.find((e) => e.ns === 'node2' && e.iface === 'tunl0')).toMatchObject({ dir: 'in', raw: true, ipv4: { ttl: 63 } });
    // Two routers on the way (node1, node2), the outer TTL never counted: 64 → 62 at pod3.
    expect(of(r.events, 'ttl').filter((e) => e.pkt === ipip[0]?.pkt).map((e) => `${e.ns} ${e.from}→${e.to}`)).toEqual(['node1 64→63', 'node2 63→62']);
    expect(of(r.events, 'deliver').map((e) => `${e.ns} ${e.cause} ttl ${e.ipv4.ttl}`)).toEqual(['pod3 echo-request ttl 62', 'pod1 echo-reply ttl 62']);
    // No ARP for the tunnel's gateway on tunl0 (no neighbour there), only for the outer next hop on eth0.
    expect(of(r.events, 'neigh').some((e) => e.iface === 'tunl0')).toBe(false);
  });

  it('puts the outer header\'s bytes before the inner packet\'s own: protocol 4 at byte 9, the inner IPv4 header right after', () => {
    const r = runJourney(seedCalicoIpip(), { from: 'pod1', to: 'pod3' });
    const facts = packetFacts(r.events);
    const wire = of(r.events, 'frame').find((e) => e.ns === 'node1' && e.iface === 'eth0' && e.ipip !== undefined);
    if (!wire) throw new Error('no IP-in-IP frame');
    const b = frameBytes(wire, facts);
    expect(b.length).toBe(14 + 104);
    expect([b[12], b[13]]).toEqual([0x08, 0x00]);
    expect(b[14]).toBe(0x45);
    expect((b[16] ?? 0) * 256 + (b[17] ?? 0)).toBe(104);
    expect(b[14 + 8]).toBe(63);
    expect(b[14 + 9]).toBe(4);
    expect([...b.subarray(14 + 12, 14 + 20)]).toEqual([172, 16, 100, 1, 172, 16, 100, 2]);
    // The inner packet: its own 20-byte header (protocol 1, ICMP), 84 bytes, then the echo request.
    expect(b[34]).toBe(0x45);
    expect((b[36] ?? 0) * 256 + (b[37] ?? 0)).toBe(84);
    expect(b[34 + 9]).toBe(1);
    expect([...b.subarray(34 + 12, 34 + 20)]).toEqual([10, 10, 10, 1, 10, 10, 11, 1]);
    expect(b[54]).toBe(8);
  });

  it('refuses a DF packet larger than tunl0\'s 1480 bytes at the first node: fragmentation needed, MTU 1480', () => {
    // pod1 left at 1500 (no MTU of Calico's), sending 1500 bytes with DF.
    const t = withMachine('node1', (m) => ({ ...m, pods: (m.pods ?? []).map((p) => (p.name === 'pod1' ? { ...p, interfaces: p.interfaces.map((i) => ({ ...i, mtu: 1500 })) } : p)) }));
    const r = runJourney(t, { from: 'pod1', to: 'pod3', size: 1472, pmtudisc: 'do' });
    const drop = of(r.events, 'drop').find((e) => e.reason === 'frag-needed');
    expect(drop).toMatchObject({ ns: 'node1', mtu: 1480, len: 1500 });
    expect(of(r.events, 'ipip').filter((e) => e.action === 'encap' && e.ns === 'node1')).toEqual([]);
    const icmp = of(r.events, 'send').find((e) => e.ns === 'node1' && e.icmp?.type === 3);
    expect(icmp?.icmp).toMatchObject({ type: 3, code: 4, mtu: 1480 });
    // At tunl0's own MTU the packet fits: 1480 inner, 1500 outer, exactly eth0's MTU.
    const fits = runJourney(seedCalicoIpip(), { from: 'pod1', to: 'pod3', size: 1452, pmtudisc: 'do' });
    expect(of(fits.events, 'ipip').find((e) => e.action === 'encap')).toMatchObject({ innerLen: 1480, outerLen: 1500 });
    expect(of(fits.events, 'deliver').map((e) => e.ns)).toEqual(['pod3', 'pod1']);
  });

  it('answers protocol unreachable where no IPIP tunnel takes protocol 4 (no ipip module: no tunl0)', () => {
    const t = withMachine('node2', (m) => ({ ...m, interfaces: m.interfaces.filter((i) => i.kind !== 'ipip'), routes: (m.routes ?? []).filter((r) => r.dev !== 'tunl0') }));
    const r = runJourney(t, { from: 'pod1', to: 'pod3' });
    expect(of(r.events, 'drop').find((e) => e.reason === 'ip-noproto')).toMatchObject({ ns: 'node2', ipv4: { proto: 'ipip' } });
    const icmp = of(r.events, 'send').find((e) => e.ns === 'node2' && e.icmp?.type === 3);
    expect(icmp?.icmp).toMatchObject({ type: 3, code: 2 });
    expect(icmp?.ipv4.dst).toBe('172.16.100.1');
    expect(of(r.events, 'deliver').some((e) => e.ns === 'pod3')).toBe(false);
  });

  it('drops its own outer packet when tunl0\'s MTU leaves no room for the 20 bytes and the inner packet has DF', () => {
    const t = withMachine('node1', (m) => ({ ...m, interfaces: m.interfaces.map((i) => (i.kind === 'ipip' ? { ...i, mtu: 1500 } : i)), pods: (m.pods ?? []).map((p) => ({ ...p, interfaces: p.interfaces.map((i) => ({ ...i, mtu: 1500 })) })) }));
    const r = runJourney(t, { from: 'pod1', to: 'pod3', size: 1472, pmtudisc: 'do' });
    expect(of(r.events, 'ipip').find((e) => e.action === 'encap')).toMatchObject({ innerLen: 1500, outerLen: 1520 });
    expect(of(r.events, 'drop').find((e) => e.reason === 'frag-needed')).toMatchObject({ ns: 'node1', iface: 'eth0', direction: 'output', len: 1520, mtu: 1500 });
    expect(of(r.events, 'frame').some((e) => e.ns === 'node1' && e.iface === 'eth0' && (e.len ?? 0) > 1500)).toBe(false);
    const i = r.events.findIndex((e) => e.type === 'drop' && e.reason === 'frag-needed');
    expect(tellEvent(r, i, 'en', 'detailed')).toMatch(/drops the outer packet: 1520 bytes, more than eth0's MTU of 1500.*Give the tunnel an MTU of 1480/);
    expect(tellEvent(r, i, 'ru', 'detailed')).toMatch(/отбрасывает внешний пакет: в нём 1520 байт, больше MTU интерфейса eth0 \(1500\).*Задайте туннелю MTU 1480/);
  });
});
