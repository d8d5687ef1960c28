import { describe, expect, it } from 'vitest';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import { findIface, findNs } from './nsEdits';
import { TopologyEditError } from './podNetwork';
import { setIfaceSysctl, setNsSysctl, sysctlsOf } from './sysctlEdits';
import type { Topology } from './topology';
import { validateTopology } from './validate';

function seed(): Topology {
  const t = seedTopology();
  expect(validateTopology(t)).toEqual([]);
  return t;
}

function refusal(edit: () => unknown): TopologyEditError {
  try {
    edit();
  } catch (e) {
    if (e instanceof TopologyEditError) return e;
    throw e;
  }
  throw new Error('the edit was not refused');
}

describe('a namespace\'s sysctls', () => {
  it('turning ip_forward off on the router drops the packet there; back on, it arrives', () => {
    const t = seed();
    const off = setNsSysctl(t, 'router', 'ip_forward', false);
    expect(findNs(off, 'router').ns.sysctls).toEqual({ ip_forward: false, all: { send_redirects: false } });
    const drop = runJourney(off, { from: 'pod1', to: 'pod3' }).events.find((e) => e.type === 'drop');
    expect(drop?.ns).toBe('router');
    const on = setNsSysctl(off, 'router', 'ip_forward', true);
    expect(runJourney(on, { from: 'pod1', to: 'pod3' }).events.some((e) => e.type === 'deliver' && e.ns === 'pod3')).toBe(true);
    expect(setNsSysctl(on, 'router', 'ip_forward', true)).toBe(on);
  });

  it('sets ip_default_ttl from text and the packets leave with it; undefined goes back to 64 and leaves no empty object', () => {
    const t = seed();
    const ttl = setNsSysctl(t, 'pod1', 'ip_default_ttl', ' 9 ');
    expect(findNs(ttl, 'pod1').ns.sysctls).toEqual({ ip_default_ttl: 9 });
    const send = runJourney(ttl, { from: 'pod1', to: 'pod3' }).events.find((e) => e.type === 'send');
    expect(JSON.stringify(send)).toContain('"ttl":9');
    const back = setNsSysctl(ttl, 'pod1', 'ip_default_ttl', undefined);
    expect('sysctls' in findNs(back, 'pod1').ns).toBe(false);
  });

  it('refuses a TTL outside 1-255 with sysctl\'s answer, and a switch that is not true or false', () => {
    const t = seed();
    const zero = refusal(() => setNsSysctl(t, 'pod1', 'ip_default_ttl', 0));
    expect(zero.problems).toEqual([{ path: 'machines[0].pods[0].sysctls.ip_default_ttl', code: 'int-range', params: { min: 1, max: 255, got: '0', kernel: 'sysctl: setting key "net.ipv4.ip_default_ttl": Invalid argument' } }]);
    expect(zero.text.ru).toContain('ожидается целое число от 1 до 255');
    expect(refusal(() => setNsSysctl(t, 'pod1', 'ip_default_ttl', 'abc')).problems[0]?.params.got).toBe('"abc"');
    expect(refusal(() => setNsSysctl(t, 'pod1', 'ip_default_ttl', '256')).problems[0]?.code).toBe('int-range');
    expect(refusal(() => setNsSysctl(t, 'pod1', 'ip_forward', 'yes')).problems[0]).toMatchObject({ code: 'not-boolean', params: { got: '"yes"' } });
  });
});

describe('per-interface and all sysctls', () => {
  it('sets conf/all and conf/<if> entries, and takes them away again', () => {
    const t = seed();
    const all = setIfaceSysctl(t, 'router', null, 'send_redirects', undefined);
    expect(findNs(all, 'router').ns.sysctls).toEqual({ ip_forward: true });
    const own = setIfaceSysctl(t, 'router', 'eth0', 'send_redirects', undefined);
    expect('sysctls' in findIface(own, 'router', 'eth0').iface).toBe(false);
    const rp = setIfaceSysctl(t, 'node1', 'eth0', 'rp_filter', '2');
    expect(findIface(rp, 'node1', 'eth0').iface.sysctls).toEqual({ rp_filter: 2 });
    expect(validateTopology(rp)).toEqual([]);
    const proxy = setIfaceSysctl(t, 'pod1', null, 'proxy_arp', true);
    expect(findNs(proxy, 'pod1').ns.sysctls).toEqual({ all: { proxy_arp: true } });
  });

  it('refuses rp_filter outside 0-2 and a switch that is not a boolean', () => {
    const t = seed();
    const rp = refusal(() => setIfaceSysctl(t, 'node1', 'eth0', 'rp_filter', 3));
    expect(rp.problems).toEqual([{ path: 'machines[0].interfaces[0].sysctls.rp_filter', code: 'int-range', params: { min: 0, max: 2, got: '3' } }]);
    expect(refusal(() => setIfaceSysctl(t, 'node1', null, 'proxy_arp', 1)).problems[0]).toMatchObject({ path: 'machines[0].sysctls.all.proxy_arp', code: 'not-boolean' });
    expect(refusal(() => setIfaceSysctl(t, 'node1', 'eth9', 'proxy_arp', true)).problems[0]?.code).toBe('peer-iface-missing');
  });

  it('reads each value with its default, and what Linux acts on once all and the interface combine', () => {
    const t = seed();
    const router = sysctlsOf(findNs(t, 'router').ns);
    expect(router.ip_forward).toEqual({ value: true, explicit: true });
    expect(router.ip_default_ttl).toEqual({ value: 64, explicit: false });
    // ip_forward=1 turned accept_redirects off in all, and forwarding on.
    expect(router.all.accept_redirects).toEqual({ value: false, explicit: false });
    expect(router.all.forwarding).toEqual({ value: true, explicit: false });
    expect(router.all.send_redirects).toEqual({ value: false, explicit: true });
    expect(router.ifaces.get('eth0')?.own.send_redirects).toEqual({ value: false, explicit: true });
    expect(router.ifaces.get('eth0')?.effective).toEqual({ forwarding: true, proxy_arp: false, rp_filter: 0, send_redirects: false, accept_redirects: false });
    // all=1 wins over the interface's 0 for send_redirects (all || iface); rp_filter takes the max.
    let r = setIfaceSysctl(t, 'router', null, 'send_redirects', true);
    r = setIfaceSysctl(r, 'router', null, 'rp_filter', 1);
    r = setIfaceSysctl(r, 'router', 'eth0', 'rp_filter', 2);
    const view = sysctlsOf(findNs(r, 'router').ns).ifaces.get('eth0');
    expect(view?.own.send_redirects.value).toBe(false);
    expect(view?.effective.send_redirects).toBe(true);
    expect(view?.effective.rp_filter).toBe(2);
    const pod = sysctlsOf(findNs(t, 'pod1').ns);
    expect(pod.ifaces.get('eth0')?.own.forwarding).toEqual({ value: false, explicit: false });
    expect(pod.all.accept_redirects.value).toBe(true);
  });
});
