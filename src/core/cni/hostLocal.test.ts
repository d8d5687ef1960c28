import { describe, expect, it } from 'vitest';
import type { Json } from './goJson';
import type { NodeState } from './state';
import { call, envFor, errorOf, nodeWith } from './testing';

/*
 * host-local (plugins/ipam/host-local): round-robin allocation from the last reservation, one file
 * per address, the gateway skipped, one address per attachment and range set; DEL, CHECK, and
 * GC and STATUS as spec 1.1 asks of an IPAM plugin.
 */

const HL = (ranges: Json, extra: Record<string, Json> = {}): Json => ({ cniVersion: '1.0.0', name: 'hl', ipam: { type: 'host-local', ranges, ...extra } });
const SMALL = HL([[{ subnet: '10.30.0.0/24', rangeStart: '10.30.0.10', rangeEnd: '10.30.0.12', gateway: '10.30.0.11' }]]);
const DIR = '/var/lib/cni/networks/hl';

/** Runs host-local on `node` and returns the new node and the address it gave (or the error). */
function add(node: NodeState, id: string, conf: Json = SMALL, args?: string): { node: NodeState; ip: string | null; error: { code: number; msg: string } | null } {
  const r = call(node, 'host-local', envFor('ADD', id, 'x', args !== undefined ? { CNI_ARGS: args } : {}), conf);
  if (r.exitCode !== 0) return { node: r.node, ip: null, error: errorOf(r) };
  const res = JSON.parse(r.stdout) as { ips: { address: string }[] };
  return { node: r.node, ip: res.ips.map((i) => i.address).join(' '), error: null };
}

function del(node: NodeState, id: string, conf: Json = SMALL): NodeState {
  const r = call(node, 'host-local', envFor('DEL', id, 'x'), conf);
  expect(r.exitCode).toBe(0);
  return r.node;
}

describe('host-local', () => {
  it('hands out round-robin, skips the gateway, keeps one file per address and last_reserved_ip, and is full after a loop', () => {
    let n = nodeWith();
    const got: (string | null)[] = [];
    for (const id of ['a', 'b']) {
      const r = add(n, id);
      n = r.node;
      got.push(r.ip);
    }
    expect(got).toEqual(['10.30.0.10/24', '10.30.0.12/24']);
    expect(n.files).toEqual({ [`${DIR}/lock`]: '', [`${DIR}/10.30.0.10`]: 'a\r\neth0', [`${DIR}/last_reserved_ip.0`]: '10.30.0.12', [`${DIR}/10.30.0.12`]: 'b\r\neth0' });
    const full = add(n, 'c');
    expect(full.error).toEqual({ code: 999, msg: 'failed to allocate for range 0: no IP addresses available in range set: 10.30.0.10-10.30.0.12' });
    // Freed, .10 comes back only because the search went round; the cursor stays at .12.
    n = del(n, 'a');
    expect(n.files[`${DIR}/10.30.0.10`]).toBeUndefined();
    expect(n.files[`${DIR}/last_reserved_ip.0`]).toBe('10.30.0.12');
    expect(add(n, 'c').ip).toBe('10.30.0.10/24');
  });

  it('starts after the cursor, not at the lowest free address; a cursor outside the range set is ignored', () => {
    const wide = HL([[{ subnet: '10.30.0.0/24' }]]);
    let n = nodeWith();
    for (const id of ['a', 'b', 'c']) n = add(n, id, wide).node;
    n = del(n, 'a', wide);
    // .2 is free again, but the next search starts after .4.
    expect(add(n, 'd', wide).ip).toBe('10.30.0.5/24');
    const elsewhere = { ...n, files: { ...n.files, [`${DIR}/last_reserved_ip.0`]: '192.168.0.9' } };
    expect(add(elsewhere, 'd', wide).ip).toBe('10.30.0.2/24');
  });

  it('goes through the ranges of a set in turn, and gives one address per range set', () => {
    const set = HL([[{ subnet: '10.30.0.0/30' }, { subnet: '10.31.0.0/30' }]]);
    let n = nodeWith();
    const ips: (string | null)[] = [];
    for (const id of ['a', 'b']) {
      const r = add(n, id, set);
      n = r.node;
      ips.push(r.ip);
    }
    // Each /30 has .1 (its gateway) and .2: the first range's .2, then the second's.
    expect(ips).toEqual(['10.30.0.2/30', '10.31.0.2/30']);
    const two = add(nodeWith(), 'a', HL([[{ subnet: '10.30.0.0/24' }], [{ subnet: '10.31.0.0/24' }]]));
    expect(two.ip).toBe('10.30.0.2/24 10.31.0.2/24');
  });

  it('refuses a second address for the same attachment, the gateway, a taken or foreign address asked for; needs IgnoreUnknown for other keys', () => {
    const n = add(nodeWith(), 'a').node;
    expect(add(n, 'a').error?.msg).toBe('failed to allocate for range 0: 10.30.0.10 has been allocated to a, duplicate allocation is not allowed');
    expect(add(n, 'e', SMALL, 'IP=10.30.0.11').error?.msg).toBe('failed to allocate for range 0: requested ip 10.30.0.11 is subnet\'s gateway');
    expect(add(n, 'e', SMALL, 'IP=10.30.0.10').error?.msg).toBe('failed to allocate for range 0: requested IP address 10.30.0.10 is not available in range set 10.30.0.10-10.30.0.12');
    expect(add(n, 'e', SMALL, 'IP=10.99.0.1').error?.msg).toBe('failed to allocate all requested IPs: 10.99.0.1');
    expect(add(n, 'e', SMALL, 'IP=nonsense').error?.msg).toBe('ARGS: error parsing value of pair "IP=nonsense": invalid IP address nonsense');
    expect(add(n, 'e', SMALL, 'K8S_POD_NAME=web;IP=10.30.0.12').error?.msg).toBe('ARGS: unknown args ["K8S_POD_NAME=web"]');
    expect(add(n, 'e', SMALL, 'IgnoreUnknown=1;K8S_POD_NAME=web;IP=10.30.0.12').ip).toBe('10.30.0.12/24');
    expect(add(n, 'e', SMALL, 'IgnoreUnknown=maybe').error?.msg).toBe('ARGS: error parsing value of pair "IgnoreUnknown=maybe": boolean unmarshal error: invalid input maybe');
    expect(add(n, 'e', SMALL, 'IP').error?.msg).toBe('ARGS: invalid pair "IP"');
  });

  it('refuses ranges it cannot allocate from, with the reference texts (999)', () => {
    const msg = (ranges: Json, extra: Record<string, Json> = {}): string | undefined => add(nodeWith(), 'a', HL(ranges, extra)).error?.msg;
    expect(msg([[{ subnet: '10.22.0.0/31' }]])).toBe('invalid range set 0: Network 10.22.0.0/31 too small to allocate from');
    expect(msg([[{ subnet: '10.22.0.7/24' }]])).toBe('invalid range set 0: Network has host bits set. For a subnet mask of length 24 the network address is 10.22.0.0');
    expect(msg([[{ subnet: '10.22.0.0/33' }]])).toBe('invalid CIDR address: 10.22.0.0/33');
    expect(msg([[{ subnet: '10.22.0.0/24', rangeStart: '10.22.1.5' }]])).toBe('invalid range set 0: RangeStart 10.22.1.5 not in network 10.22.0.0/24');
    expect(msg([[{ subnet: '10.22.0.0/24', rangeEnd: '10.22.0.2', rangeStart: '10.22.0.9' }]])).toBe('invalid range set 0: RangeStart 10.22.0.9 not in network 10.22.0.0/24');
    expect(msg([[{ subnet: '10.22.0.0/24' }, { subnet: '10.22.0.0/25' }]])).toBe('invalid range set 0: subnets 10.22.0.1-10.22.0.254 and 10.22.0.1-10.22.0.126 overlap');
    expect(msg([[{ subnet: '10.22.0.0/24' }], [{ subnet: '10.22.0.0/25' }]])).toBe('range set 0 overlaps with 1');
    expect(msg([[]])).toBe('invalid range set 0: empty range set');
    expect(msg([])).toBe('no IP ranges specified');
    expect(msg([[{ subnet: '10.22.0.0/24', gateway: 'ten' }]])).toBe('invalid IP address: ten');
    expect(add(nodeWith(), 'a', { cniVersion: '1.0.0', name: 'x' }).error?.msg).toBe("IPAM config missing 'ipam' key");
    // The old single-range form and DNS from a resolv.conf on the node.
    const old = call({ ...nodeWith(), files: { '/etc/resolv.conf': 'nameserver 10.96.0.10\nsearch a.local b.local\noptions ndots:5\n' } }, 'host-local', envFor('ADD', 'a', 'x'), { cniVersion: '0.3.1', name: 'x', ipam: { type: 'host-local', subnet: '10.40.0.0/24', resolvConf: '/etc/resolv.conf' } });
    expect(JSON.parse(old.stdout)).toEqual({ cniVersion: '0.3.1', ips: [{ version: '4', address: '10.40.0.2/24', gateway: '10.40.0.1' }], dns: { nameservers: ['10.96.0.10'], search: ['a.local', 'b.local'], options: ['ndots:5'] } });
  });

  it('prints its result in the configuration\'s version: routes as given, dns, no interface index', () => {
    const conf = HL([[{ subnet: '10.30.0.0/24' }]], { routes: [{ dst: '10.244.0.0/16' }, { dst: '0.0.0.0/0', gw: '10.30.0.254' }] });
    const r = call(nodeWith(), 'host-local', envFor('ADD', 'a', 'x'), conf);
    expect(JSON.parse(r.stdout)).toEqual({ cniVersion: '1.0.0', ips: [{ address: '10.30.0.2/24', gateway: '10.30.0.1' }], routes: [{ dst: '10.244.0.0/16' }, { dst: '0.0.0.0/0', gw: '10.30.0.254' }], dns: {} });
    const v02 = call(nodeWith(), 'host-local', envFor('ADD', 'a', 'x'), { ...(conf as Record<string, Json>), cniVersion: '0.2.0' });
    expect(JSON.parse(v02.stdout)).toEqual({ cniVersion: '0.2.0', ip4: { ip: '10.30.0.2/24', gateway: '10.30.0.1', routes: [{ dst: '10.244.0.0/16' }, { dst: '0.0.0.0/0', gw: '10.30.0.254' }] }, dns: {} });
  });

  it('DEL releases the attachment\'s files only, and succeeds when there is nothing; CHECK looks for a reservation', () => {
    let n = add(add(nodeWith(), 'a').node, 'b').node;
    n = del(n, 'zz');
    n = del(n, 'a');
    expect(Object.keys(n.files).sort()).toEqual([`${DIR}/10.30.0.12`, `${DIR}/last_reserved_ip.0`, `${DIR}/lock`]);
    expect(call(n, 'host-local', envFor('CHECK', 'b', 'x'), SMALL).exitCode).toBe(0);
    expect(errorOf(call(n, 'host-local', envFor('CHECK', 'a', 'x'), SMALL))).toEqual({ code: 999, msg: 'host-local: Failed to find address added by container a' });
    // A reservation in the one-line format of older versions still belongs to its container.
    const legacy = { ...n, files: { ...n.files, [`${DIR}/10.30.0.10`]: 'old' } };
    expect(call(legacy, 'host-local', envFor('CHECK', 'old', 'x'), SMALL).exitCode).toBe(0);
    expect(del(legacy, 'old').files[`${DIR}/10.30.0.10`]).toBeUndefined();
  });

  it('GC (spec 1.1) releases what no valid attachment holds; STATUS says 50 when a range set is exhausted', () => {
    const v11 = (conf: Json, extra: Record<string, Json> = {}): Json => ({ ...(conf as Record<string, Json>), cniVersion: '1.1.0', ...extra });
    let n = add(add(nodeWith(), 'a').node, 'b').node;
    const gc = call(n, 'host-local', { CNI_COMMAND: 'GC', CNI_PATH: '/opt/cni/bin' }, v11(SMALL, { 'cni.dev/valid-attachments': [{ containerID: 'b', ifname: 'eth0' }] }));
    expect([gc.exitCode, gc.stdout]).toEqual([0, '']);
    expect(gc.events.filter((e) => e.type === 'ipam' && e.op === 'release').map((e) => (e.type === 'ipam' && e.op === 'release' ? `${e.ip} ${e.containerId}` : ''))).toEqual(['10.30.0.10 a']);
    n = gc.node;
    expect(call(n, 'host-local', { CNI_COMMAND: 'STATUS', CNI_PATH: '/opt/cni/bin' }, v11(SMALL)).exitCode).toBe(0);
    n = add(n, 'c').node;
    expect(errorOf(call(n, 'host-local', { CNI_COMMAND: 'STATUS', CNI_PATH: '/opt/cni/bin' }, v11(SMALL)))).toEqual({ code: 50, msg: 'no IP addresses available in range set: 10.30.0.10-10.30.0.12' });
  });
});
