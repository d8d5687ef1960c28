import { describe, expect, it } from 'vitest';
import type { CniEventBody } from './events';
import { Kernel, KernelError } from './kernel';
import { emptyNode, HOST_NS } from './state';
import { TEST_ENTROPY } from './testing';

/*
 * The kernel rules the plugins meet (kernel.ts), each as recorded on kernel 6.18 by the fixtures:
 * ifindex per namespace, veth pairs across namespaces, a bridge's MAC and MTU following its ports,
 * connected routes, a gateway that must be on a connected prefix.
 */

function kernel(): { k: Kernel; events: CniEventBody[] } {
  const events: CniEventBody[] = [];
  const k = new Kernel(emptyNode(), TEST_ENTROPY, (e) => events.push(e));
  k.netnsAdd('/p');
  return { k, events };
}

describe('the kernel model', () => {
  it('numbers links per namespace and never reuses an index at once; a veth pair lives and dies together', () => {
    const { k } = kernel();
    const br = k.addBridge(HOST_NS, 'cni0', 0);
    const [eth0, host] = k.addVeth('/p', 'eth0', HOST_NS, 'veth1', 0);
    expect([br.index, host.index, eth0.index]).toEqual([2, 3, 2]);
    expect(eth0.peer).toEqual({ ns: HOST_NS, index: 3 });
    expect(() => k.addVeth('/p', 'eth0', HOST_NS, 'veth2', 0)).toThrow(KernelError);
    k.delLink('/p', 'eth0');
    expect(k.link(HOST_NS, 'veth1')).toBeUndefined();
    expect(k.addVeth('/p', 'eth0', HOST_NS, 'veth2', 0).map((l) => l.index)).toEqual([3, 4]);
    // A namespace deleted takes its veths' peers along.
    k.netnsDel('/p');
    expect(k.link(HOST_NS, 'veth2')).toBeUndefined();
  });

  it('a bridge takes its lowest port MAC and smallest port MTU unless they were set, and 00:00:00:00:00:00 when its last port goes', () => {
    const { k } = kernel();
    const br = k.addBridge(HOST_NS, 'br0', 0);
    k.netnsAdd('/q');
    const [, a] = k.addVeth('/p', 'eth0', HOST_NS, 'va', 1450, undefined);
    const [, b] = k.addVeth('/q', 'eth0', HOST_NS, 'vb', 0);
    a.mac = '0a:00:00:00:00:09';
    b.mac = '0a:00:00:00:00:03';
    k.setMaster(HOST_NS, a, br);
    expect([br.mac, br.mtu]).toEqual(['0a:00:00:00:00:09', 1450]);
    k.setMaster(HOST_NS, b, br);
    expect([br.mac, br.mtu]).toEqual(['0a:00:00:00:00:03', 1450]);
    k.delLink(HOST_NS, 'vb');
    k.delLink(HOST_NS, 'va');
    expect(br.mac).toBe('00:00:00:00:00:00');
    k.setMac(HOST_NS, br, '0a:00:00:00:00:01');
    const [, c] = k.addVeth('/q', 'eth1', HOST_NS, 'vc', 0);
    k.setMaster(HOST_NS, c, br);
    expect(br.mac).toBe('0a:00:00:00:00:01');
  });

  it('operstate: UNKNOWN for a bridge that never had a port, UP with a port that has carrier, DOWN for a veth whose peer is down', () => {
    const { k } = kernel();
    const br = k.addBridge(HOST_NS, 'cni0', 0);
    k.setUp(HOST_NS, br, true);
    expect(k.operstate(HOST_NS, br)).toBe('UNKNOWN');
    const [eth0, host] = k.addVeth('/p', 'eth0', HOST_NS, 'v1', 0);
    k.setUp(HOST_NS, host, true);
    k.setMaster(HOST_NS, host, br);
    expect([k.operstate(HOST_NS, host), k.operstate(HOST_NS, br)]).toEqual(['DOWN', 'DOWN']);
    k.setUp('/p', eth0, true);
    expect([k.operstate(HOST_NS, host), k.operstate(HOST_NS, br)]).toEqual(['UP', 'UP']);
  });

  it('routes: connected ones from addresses on up links; a gateway must be on a connected prefix; down or no address flushes them', () => {
    const { k, events } = kernel();
    const [eth0] = k.addVeth('/p', 'eth0', HOST_NS, 'v1', 0);
    k.addrAdd('/p', eth0, '10.0.0.2/24');
    expect(k.connectedRoutes('/p')).toEqual([]);
    expect(() => k.routeAdd('/p', { dst: '0.0.0.0/0', gw: '10.0.0.1', dev: eth0.index })).toThrow('network is down');
    k.setUp('/p', eth0, true);
    expect(k.connectedRoutes('/p')).toEqual([{ dst: '10.0.0.0/24', dev: eth0.index, src: '10.0.0.2' }]);
    expect(() => k.routeAdd('/p', { dst: '0.0.0.0/0', gw: '10.9.0.1', dev: eth0.index })).toThrow('network is unreachable');
    expect(() => k.routeAdd('/p', { dst: '10.244.1.5/16', gw: '10.0.0.1', dev: eth0.index })).toThrow('invalid argument');
    k.routeAdd('/p', { dst: '0.0.0.0/0', gw: '10.0.0.1', dev: eth0.index });
    expect(() => k.routeAdd('/p', { dst: '0.0.0.0/0', gw: '10.0.0.1', dev: eth0.index })).toThrow('file exists');
    expect(() => k.addrAdd('/p', eth0, '10.0.0.2/24')).toThrow('file exists');
    k.addrDel('/p', eth0, '10.0.0.2/24');
    expect(k.node.namespaces['/p']?.routes).toEqual([]);
    expect(events.filter((e) => e.type === 'route').map((e) => (e.type === 'route' ? `${e.op} ${e.dst} ${e.proto}` : ''))).toEqual(['add 10.0.0.0/24 kernel', 'add 0.0.0.0/0 boot', 'del 0.0.0.0/0 boot']);
  });

  it('sysctls: a value and what it was; an interface\'s key of a missing link is ignored, as the plugins ignore that error', () => {
    const { k, events } = kernel();
    expect(k.sysctl(HOST_NS, 'net.ipv4.ip_forward')).toBe('0');
    k.sysctlWrite(HOST_NS, 'net.ipv4.ip_forward', '1');
    k.sysctlWrite(HOST_NS, 'net.ipv6.conf.nope.accept_ra', '0');
    expect(events.filter((e) => e.type === 'sysctl')).toEqual([{ type: 'sysctl', ns: HOST_NS, key: 'net.ipv4.ip_forward', value: '1', was: '0' }]);
  });
});
