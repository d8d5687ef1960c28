import { describe, expect, it } from 'vitest';
import { refusal, validSeed as seed } from './editTestKit';
import { addSegment } from './labEdits';
import { runJourney } from '../sim/runJourney';
import { setAddresses } from './ifaceEdits';
import { findNs } from './nsEdits';
import { addRoute, deleteRoute, routeFromInput, routeInput, routeLine, setRoutes, updateRoute, type RouteInput } from './routeEdits';
import type { Topology } from './topology';

const row = (dst: string, via: string, dev: string, metric = ''): RouteInput => ({ dst, via, dev, metric });

/** How a journey from pod1 to pod3 ends: the namespace and type of its last delivery or drop. */
function ending(t: Topology): string {
  const events = runJourney(t, { from: 'pod1', to: 'pod3' }).events;
  const end = events.find((e) => e.type === 'drop' || (e.type === 'deliver' && e.ns === 'pod3'));
  return end ? `${end.ns} ${end.type}` : 'nothing';
}

describe('route rows as typed', () => {
  it('reads a row as ip route add does, and shows a route as a row and a line', () => {
    expect(routeFromInput(row(' default ', '172.16.100.254', 'eth0'), undefined, 'r')).toEqual({ dst: 'default', via: '172.16.100.254', dev: 'eth0' });
    expect(routeFromInput(row('10.0.0.5', '', 'eth0', '20'), undefined, 'r')).toEqual({ dst: '10.0.0.5/32', dev: 'eth0', metric: 20 });
    expect(routeFromInput(row('10.0.0.0/8', '', 'eth1', '0'), { dst: 'x', dev: 'y', onlink: true, src: '10.0.0.1', op: 'prepend', metric: 5 }, 'r')).toEqual({ dst: '10.0.0.0/8', dev: 'eth1', onlink: true, src: '10.0.0.1', op: 'prepend' });
    expect(routeInput({ dst: '10.0.0.0/8', via: '10.1.1.1', dev: 'eth0', metric: 7 })).toEqual(row('10.0.0.0/8', '10.1.1.1', 'eth0', '7'));
    expect(routeLine({ dst: '10.0.0.0/8', via: '10.1.1.1', dev: 'eth0', metric: 7, onlink: true, src: '10.1.1.2' })).toBe('10.0.0.0/8 via 10.1.1.1 dev eth0 src 10.1.1.2 metric 7 onlink');
  });

  it('refuses a destination, a gateway and a metric that ip route refuses, naming the field', () => {
    const dst = refusal(() => routeFromInput(row('nowhere', '', 'eth0'), undefined, 'machines[0].routes[1]'));
    expect(dst.problems).toEqual([{ path: 'machines[0].routes[1].dst', code: 'route-dst', params: { got: '"nowhere"' } }]);
    expect(dst.text.ru).toContain('ожидается «default» или префикс');
    const bits = refusal(() => routeFromInput(row('10.10.11.1/24', '', 'eth0'), undefined, 'r'));
    expect(bits.problems[0]).toMatchObject({ path: 'r.dst', code: 'route-host-bits', params: { kernel: 'Error: Invalid prefix for given prefix length.' } });
    expect(refusal(() => routeFromInput(row('default', '1.2.3', 'eth0'), undefined, 'r')).problems[0]).toMatchObject({ path: 'r.via', code: 'ip-syntax' });
    const metric = refusal(() => routeFromInput(row('default', '', 'eth0', '-1'), undefined, 'r'));
    expect(metric.problems[0]).toMatchObject({ path: 'r.metric', code: 'int-range', params: { kernel: 'Error: argument "-1" is wrong: "metric" value is invalid' } });
    expect(refusal(() => routeFromInput(row('default', '', 'eth0', '4294967296'), undefined, 'r')).problems[0]?.code).toBe('int-range');
    expect(refusal(() => routeFromInput(row('', '', 'eth0'), undefined, 'r')).problems[0]?.code).toBe('route-dst');
  });
});

describe('a namespace\'s route table', () => {
  it('deleting node1\'s default route drops pod1\'s packet there; adding it back delivers it again', () => {
    const t = seed();
    expect(ending(t)).toBe('pod3 deliver');
    const without = deleteRoute(t, 'node1', 0);
    expect(findNs(without, 'node1').ns.routes).toEqual([]);
    expect(ending(without)).toBe('node1 drop');
    const back = addRoute(without, 'node1', row('default', '172.16.100.254', 'eth0'));
    expect(ending(back)).toBe('pod3 deliver');
  });

  it('edits a row: a new gateway, a metric; the same row again changes nothing', () => {
    const t = seed();
    const next = updateRoute(t, 'router', 1, row('10.10.11.0/24', '172.16.100.1', 'eth0', '10'));
    expect(findNs(next, 'router').ns.routes?.[1]).toEqual({ dst: '10.10.11.0/24', via: '172.16.100.1', dev: 'eth0', metric: 10 });
    expect(updateRoute(t, 'router', 1, row('10.10.11.0/24', '172.16.100.2', 'eth0'))).toBe(t);
    expect(updateRoute(t, 'router', 1, row('10.10.11.0/24', '172.16.100.2', 'eth0', '0'))).toBe(t);
  });

  it('refuses what Linux refuses: no such device, a gateway off the link, a route that exists', () => {
    const t = seed();
    const dev = refusal(() => addRoute(t, 'router', row('10.9.0.0/16', '172.16.100.1', 'eth9')));
    expect(dev.problems).toEqual([{ path: 'machines[1].routes[2].dev', code: 'no-such-dev', params: { dev: 'eth9', kernel: 'Cannot find device "eth9"' } }]);
    expect(dev.text.ru).toContain('нет интерфейса «eth9»');
    const gw = refusal(() => updateRoute(t, 'node1', 0, row('default', '192.168.1.1', 'eth0')));
    expect(gw.problems[0]).toMatchObject({ path: 'machines[0].routes[0].via', code: 'gateway-unreachable', params: { kernel: 'Error: Nexthop has invalid gateway.' } });
    expect(gw.text.en).toContain('192.168.1.1 is not reachable directly through eth0');
    const exists = refusal(() => addRoute(t, 'router', row('10.10.10.0/24', '172.16.100.2', 'eth0')));
    expect(exists.problems[0]).toMatchObject({ path: 'machines[1].routes[2]', code: 'route-exists', params: { other: '10.10.10.0/24 via 172.16.100.1 dev eth0', kernel: 'RTNETLINK answers: File exists' } });
    // Another metric is another route: ip route accepts it.
    expect(findNs(addRoute(t, 'router', row('10.10.10.0/24', '172.16.100.2', 'eth0', '100')), 'router').ns.routes).toHaveLength(3);
    expect(refusal(() => deleteRoute(t, 'router', 5)).problems[0]).toMatchObject({ path: 'machines[1].routes[5]', code: 'missing' });
    expect(refusal(() => updateRoute(t, 'router', 5, row('default', '', 'eth0'))).problems[0]?.code).toBe('missing');
  });

  it('refuses to take away a device route another route reaches its gateway through', () => {
    let t = setAddresses(seed(), 'router', 'eth0', ['172.16.100.254/24']);
    t = setRoutes(t, 'router', [{ dst: '192.168.5.0/24', dev: 'eth0' }, { dst: '10.30.0.0/16', via: '192.168.5.1', dev: 'eth0' }]);
    const del = refusal(() => deleteRoute(t, 'router', 0));
    expect(del.problems).toEqual([{ path: 'machines[1].routes[0]', code: 'route-holds-gateway', params: { route: '10.30.0.0/16 via 192.168.5.1 dev eth0', via: '192.168.5.1', kernel: 'Error: Nexthop has invalid gateway.' } }]);
    expect(del.text.en).toContain('reaches its gateway 192.168.5.1 through this route');
    expect(del.text.ru).toContain('достигает шлюза 192.168.5.1 через этот маршрут');
    expect(refusal(() => updateRoute(t, 'router', 0, row('192.168.6.0/24', '', 'eth0'))).problems[0]?.code).toBe('route-holds-gateway');
    // The later route can go first, then the device route.
    expect(findNs(deleteRoute(deleteRoute(t, 'router', 1), 'router', 0), 'router').ns.routes).toEqual([]);
  });
});

describe('a gateway typed alone', () => {
  it('takes the interface it is on-link through, so a row moves to another link in one edit', () => {
    const seg = addSegment(seed(), 'router');
    if (!seg) throw new Error('refused');
    const t = setRoutes(seg.topology, 'router', [{ dst: '10.10.12.0/24', via: '172.16.100.1', dev: 'eth0' }]);
    const moved = updateRoute(t, 'router', 0, { ...routeInput({ dst: '10.10.12.0/24', via: '172.16.100.1', dev: 'eth0' }), via: '172.16.101.2' });
    expect(findNs(moved, 'router').ns.routes).toEqual([{ dst: '10.10.12.0/24', via: '172.16.101.2', dev: 'eth1' }]);
    // A gateway on no link of the router is still refused, with Linux's answer.
    expect(refusal(() => updateRoute(t, 'router', 0, { ...routeInput({ dst: '10.10.12.0/24', via: '172.16.100.1', dev: 'eth0' }), via: '192.168.9.9' })).problems[0]?.code).toBe('gateway-unreachable');
  });
});
