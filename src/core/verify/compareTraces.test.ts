import { describe, expect, it } from 'vitest';
import type { HopEvent } from '../events';
import { compareTraces, engineInterfaceFrames, formatMismatches } from './compareTraces';
import type { InterfaceTraces, TraceFrame } from './kernelFixture';

const POD1 = '02:00:0a:0a:0a:01';
const CNI0 = '02:00:0a:0a:0a:fe';
const BCAST = 'ff:ff:ff:ff:ff:ff';

function arpRequest(dir: 'in' | 'out'): TraceFrame {
  return {
    dir,
    eth: { src: POD1, dst: BCAST, type: 'arp' },
    arp: { op: 'request', sha: POD1, spa: '10.10.10.1', tha: '00:00:00:00:00:00', tpa: '10.10.10.254' },
  };
}

function echo(dir: 'in' | 'out', ttl: number, type: 0 | 8 = 8): TraceFrame {
  const fwd = type === 8;
  return {
    dir,
    eth: { src: fwd ? POD1 : CNI0, dst: fwd ? CNI0 : POD1, type: 'ipv4' },
    ipv4: { src: fwd ? '10.10.10.1' : '10.10.11.1', dst: fwd ? '10.10.11.1' : '10.10.10.1', ttl, proto: 'icmp' },
    icmp: { type, code: 0, seq: 1 },
  };
}

function udp(dir: 'in' | 'out', sport: number, dport: number): TraceFrame {
  return {
    dir,
    eth: { src: POD1, dst: CNI0, type: 'ipv4' },
    ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl: 64, proto: 'udp' },
    udp: { sport, dport },
  };
}

function portUnreachable(sport: number, dport: number): TraceFrame {
  return {
    dir: 'in',
    eth: { src: CNI0, dst: POD1, type: 'ipv4' },
    ipv4: { src: '10.10.11.1', dst: '10.10.10.1', ttl: 62, proto: 'icmp' },
    icmp: { type: 3, code: 3, quote: { ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl: 62, proto: 'udp' }, sport, dport } },
  };
}

describe('compareTraces', () => {
  it('finds nothing between equal traces, and ignores interfaces that are empty on one side and missing on the other', () => {
    const a: InterfaceTraces = { 'pod1/eth0': [arpRequest('out'), echo('out', 64), echo('in', 62, 0)], 'node1/cni0': [] };
    const b: InterfaceTraces = { 'pod1/eth0': [arpRequest('out'), echo('out', 64), echo('in', 62, 0)] };
    expect(compareTraces(a, b)).toEqual([]);
  });

  it('names the interface, index, field and both values of a TTL difference', () => {
    const m = compareTraces({ 'pod3/eth0': [echo('in', 62)] }, { 'pod3/eth0': [echo('in', 63)] });
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ iface: 'pod3/eth0', index: 0, field: 'ipv4.ttl', expected: 62, actual: 63 });
    expect(m[0]?.message).toBe('pod3/eth0 #0 ipv4.ttl: expected 62, got 63');
  });

  it('reports a missing frame as a count and the frame that is not there', () => {
    const m = compareTraces({ 'pod1/eth0': [arpRequest('out'), echo('out', 64)] }, { 'pod1/eth0': [arpRequest('out')] });
    expect(m.map((x) => x.field)).toEqual(['count', 'frame']);
    expect(m[0]).toMatchObject({ index: -1, expected: 2, actual: 1 });
    expect(m[1]?.message).toContain('pod1/eth0 #1 frame: expected out 02:00:0a:0a:0a:01 > 02:00:0a:0a:0a:fe 10.10.10.1 > 10.10.11.1 ttl 64 ICMP echo request seq 1, got (unset)');
  });

  it('reports a layer present on one side once, not each of its fields', () => {
    const withIcmp = echo('out', 64);
    const { icmp: _icmp, ...bare } = withIcmp;
    const m = compareTraces({ x: [withIcmp] }, { x: [bare] });
    expect(m.map((x) => x.field)).toEqual(['icmp']);
  });

  it('compares direction and ICMP error quotes', () => {
    const m = compareTraces({ x: [portUnreachable(40000, 9999)] }, { x: [{ ...portUnreachable(40000, 9999), dir: 'out' }] });
    expect(m.map((x) => x.field)).toEqual(['dir']);
    const q = portUnreachable(40000, 9999);
    const wrongTtl: TraceFrame = { ...q, icmp: { type: 3, code: 3, quote: { ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl: 64, proto: 'udp' }, sport: 40000, dport: 9999 } } };
    expect(compareTraces({ x: [q] }, { x: [wrongTtl] }).map((x) => x.field)).toEqual(['icmp.quote.ipv4.ttl']);
  });

  it('treats ephemeral client ports as equivalent, consistently across interfaces and quotes', () => {
    const kernel: InterfaceTraces = {
      'pod1/eth0': [udp('out', 51234, 9999), portUnreachable(51234, 9999), udp('out', 40999, 9999)],
      'pod3/eth0': [udp('in', 51234, 9999)],
    };
    const engine: InterfaceTraces = {
      'pod1/eth0': [udp('out', 33000, 9999), portUnreachable(33000, 9999), udp('out', 33001, 9999)],
      'pod3/eth0': [udp('in', 33000, 9999)],
    };
    expect(compareTraces(kernel, engine)).toEqual([]);
    // The server port 9999 is >= 1024 but first seen as a destination: it is not normalised away.
    expect(compareTraces({ x: [udp('out', 51234, 9999)] }, { x: [udp('out', 51234, 9998)] }).map((m) => m.field)).toEqual(['udp.dport']);
    // Two attempts must keep two distinct ports: reusing one is a difference.
    const reused = compareTraces(kernel, { ...engine, 'pod1/eth0': [udp('out', 33000, 9999), portUnreachable(33000, 9999), udp('out', 33000, 9999)] });
    expect(reused.map((m) => m.message)).toEqual(['pod1/eth0 #2 udp.sport: expected ephemeral#2, got ephemeral#1']);
  });

  it('does not normalise well-known source ports', () => {
    expect(compareTraces({ x: [udp('out', 53, 53)] }, { x: [udp('out', 54, 53)] }).map((m) => m.field)).toEqual(['udp.sport']);
  });

  it('formats a bounded list', () => {
    const m = compareTraces({ x: [echo('in', 1), echo('in', 2), echo('in', 3)] }, { x: [echo('in', 9), echo('in', 9), echo('in', 9)] });
    expect(formatMismatches(m, 2).split('\n')).toEqual(['x #0 ipv4.ttl: expected 1, got 9', 'x #1 ipv4.ttl: expected 2, got 9', '... and 1 more']);
  });
});

describe('engineInterfaceFrames', () => {
  it('groups frame events by ns/iface in log order, keeping only dir and the frame layers', () => {
    const frameEvent = (seq: number, ns: string, iface: string, f: TraceFrame): HopEvent => ({ ...f, type: 'frame', seq, t: seq, ns, iface, wire: seq, pkt: 1, kind: 'request' });
    const events: HopEvent[] = [
      frameEvent(0, 'pod1', 'eth0', arpRequest('out')),
      { type: 'ttl', seq: 1, t: 1, ns: 'node1', pkt: 1, from: 64, to: 63 },
      frameEvent(2, 'node1', 'veth-pod1', arpRequest('in')),
      frameEvent(3, 'pod1', 'eth0', echo('out', 64)),
    ];
    expect(engineInterfaceFrames(events)).toEqual({
      'pod1/eth0': [arpRequest('out'), echo('out', 64)],
      'node1/veth-pod1': [arpRequest('in')],
    });
  });

  it('puts an incoming fragment where the kernel stamps it: when queued, before what the first fragment caused', () => {
    const ev = (seq: number, iface: string, dir: 'in' | 'out', wire: number, off: number): HopEvent => {
      const f = echo(dir, 64, 0);
      return { ...f, ipv4: { ...(f.ipv4 as NonNullable<TraceFrame['ipv4']>), fragOffset: off, mf: off === 0 }, type: 'frame', seq, t: 0, ns: 'router', iface, wire, pkt: 5, kind: 'reply' };
    };
    // node2 sent both fragments (wires 1, 2) before the router handled the first one.
    const sent = (seq: number, wire: number, off: number): HopEvent => ({ ...ev(seq, 'eth0', 'out', wire, off), ns: 'node2' });
    const events: HopEvent[] = [sent(0, 1, 0), sent(1, 2, 1480), ev(2, 'eth0', 'in', 1, 0), ev(3, 'eth1', 'out', 3, 0), ev(4, 'eth0', 'in', 2, 1480), ev(5, 'eth1', 'out', 4, 1480)];
    const offsets = (fs: TraceFrame[] | undefined): (string | number | undefined)[] => (fs ?? []).map((f) => `${f.dir}@${f.ipv4?.fragOffset ?? '-'}`);
    expect(offsets(engineInterfaceFrames(events)['router/eth0'])).toEqual(['in@0', 'in@1480']);
    // On one interface (a router-on-a-stick): in, in, out, out, as tcpdump shows it.
    const stick = events.map((e) => (e.type === 'frame' && e.ns === 'router' ? { ...e, iface: 'eth0' } : e));
    expect(offsets(engineInterfaceFrames(stick)['router/eth0'])).toEqual(['in@0', 'in@1480', 'out@0', 'out@1480']);
    // Frames of other packets keep log order.
    const other = stick.map((e) => (e.type === 'frame' && e.seq === 3 ? { ...e, pkt: 6 } : e));
    expect(offsets(engineInterfaceFrames(other)['router/eth0'])).toEqual(['in@0', 'out@0', 'in@1480', 'out@1480']);
  });
});

describe('compareTraces: VXLAN datagrams', () => {
  /** A datagram from node1's VTEP carrying `inner`, with UDP source port `sport`. */
  const vx = (sport: number, inner: TraceFrame, vni = 1): TraceFrame => {
    const { dir, ...frame } = inner;
    return {
      dir, eth: { src: '02:00:ac:10:64:01', dst: '02:00:ac:10:64:02', type: 'ipv4' }, ipv4: { src: '172.16.100.1', dst: '172.16.100.2', ttl: 64, proto: 'udp' },
      udp: { sport, dport: 8472 }, vxlan: { vni }, inner: frame,
    };
  };

  it('masks the source port by identity (a per-boot hash), and compares the VNI and the inner frame field by field', () => {
    const kernel: InterfaceTraces = { 'node1/eth0': [vx(56058, echo('out', 63)), vx(56058, echo('out', 63, 0))] };
    expect(compareTraces(kernel, { 'node1/eth0': [vx(33723, echo('out', 63)), vx(33723, echo('out', 63, 0))] })).toEqual([]);
    // Two ports where the kernel used one: the flow hash is not per flow any more.
    expect(compareTraces(kernel, { 'node1/eth0': [vx(33723, echo('out', 63)), vx(40000, echo('out', 63, 0))] }).map((m) => m.field)).toEqual(['udp.sport']);
    const wrong = compareTraces(kernel, { 'node1/eth0': [vx(33723, echo('out', 62), 2), vx(33723, echo('out', 63, 0))] });
    expect(wrong.map((m) => m.field)).toEqual(['vxlan.vni', 'inner.ipv4.ttl']);
  });
});
