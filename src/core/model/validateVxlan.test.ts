import { describe, expect, it } from 'vitest';
import { formatProblem } from '../i18n/problems';
import { validateTopology } from './validate';

const mac = (n: number): string => `02:00:00:00:00:${n.toString(16).padStart(2, '0')}`;

/** Host `a` on segment `lan` with eth0 and whatever else is given. */
function host(interfaces: unknown[], extra: Record<string, unknown> = {}, top: Record<string, unknown> = {}): unknown {
  const eth0 = { kind: 'ether', name: 'eth0', mac: mac(1), addresses: ['172.16.100.1/24'], segment: 'lan' };
  return { version: 1, name: 'x', segments: [{ id: 'lan' }], machines: [{ name: 'a', role: 'node', interfaces: [eth0, ...interfaces], ...extra }], ...top };
}

const flannel = { kind: 'vxlan', name: 'flannel.1', mac: mac(2), addresses: ['10.10.10.0/32'], mtu: 1450, vni: 1, port: 8472, local: '172.16.100.1', dev: 'eth0' };

function lines(input: unknown): string[] {
  return validateTopology(input).map((p) => formatProblem(p, 'en'));
}

describe('VXLAN devices, their FDB and the datapath mode', () => {
  it('accepts flannel.1 as flanneld programs it, and both datapath modes', () => {
    const entries = {
      neighbours: [{ ip: '10.10.11.0', mac: mac(3), dev: 'flannel.1', state: 'PERMANENT' }],
      fdb: [{ mac: mac(3), dev: 'flannel.1', dst: '172.16.100.2' }, { mac: '00:00:00:00:00:00', dev: 'flannel.1', dst: '172.16.100.3' }],
      routes: [{ dst: '10.10.11.0/24', via: '10.10.11.0', dev: 'flannel.1', onlink: true }],
    };
    expect(lines(host([flannel], entries, { datapath: { cni: 'flannel', backend: 'vxlan' } }))).toEqual([]);
    expect(lines(host([], {}, { datapath: { cni: 'flannel', backend: 'host-gw' } }))).toEqual([]);
    expect(lines(host([], {}, { datapath: { cni: 'bridge' } }))).toEqual([]);
  });

  it('names a missing underlay, an FDB entry on another kind of device or a group MAC, and bad fields', () => {
    const bad = { ...flannel, dev: 'eth9', vni: 16777216, port: 0, local: 'me', learning: 'no' };
    const fdb = [{ mac: mac(3), dev: 'eth0', dst: '172.16.100.2' }, { mac: 'ff:ff:ff:ff:ff:ff', dev: 'flannel.1', dst: '172.16.100.2' }, { mac: mac(3), dev: 'nope', dst: 'x' }];
    expect(lines(host([bad], { fdb }, { datapath: { cni: 'kube-router' } }))).toEqual([
      'datapath.cni: expected "bridge", "flannel", "calico", "cilium" or "weave", got "kube-router"',
      'machines[0].interfaces[1].vni: expected a whole number from 0 to 16777215, got 16777216',
      'machines[0].interfaces[1].port: expected a whole number from 1 to 65535, got 0',
      'machines[0].interfaces[1].local: expected an IPv4 address, got "me"',
      'machines[0].interfaces[1].learning: expected true or false, got "no"',
      'machines[0].fdb[1].mac: ff:ff:ff:ff:ff:ff is a group address; a VXLAN FDB entry here names one remote MAC (or 00:00:00:00:00:00 for the default entry), as flanneld\'s do',
      'machines[0].fdb[2].dst: expected an IPv4 address, got "x"',
      'machines[0].interfaces[1].dev: no interface "eth9" here (Linux: "Cannot find device "eth9"")',
      'machines[0].fdb[0].dev: "eth0" is not a VXLAN device; only a VXLAN device\'s FDB sends frames to a remote VTEP',
      'machines[0].fdb[2].dev: no interface "nope" here (Linux: "Cannot find device "nope"")',
    ]);
  });

  it('names a Calico datapath without its encapsulation', () => {
    expect(lines(host([], {}, { datapath: { cni: 'calico' } }))).toContain('datapath.encapsulation: expected "none", "vxlan" or "ipip", got undefined');
  });
});
