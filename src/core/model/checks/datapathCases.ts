import { minikubeFlannel } from '../../presets/minikube';
import type { MachineSpec, Topology, VxlanIface } from '../topology';

/*
 * Labs for the datapath checks' tests: the notes' minikube cluster with Flannel's VXLAN backend
 * programmed by hand as flanneld does it (flannel.1 with the node's subnet address as a /32, per
 * remote node a permanent neighbour, a permanent FDB entry and an onlink route), or its host-gw
 * backend; each with one fault put in by `change` before anything reads (and freezes) the lab
 * (a JSON copy: the builder's lab may be frozen by the validation inside addPod).
 */

function nodeIp(m: MachineSpec): string {
  return (m.interfaces.find((i) => i.name === 'eth0')?.addresses?.[0] ?? '').split('/')[0] ?? '';
}

function vtepMac(k: number): string {
  return `0e:5a:00:00:00:0${k + 1}`;
}

/** minikube-flannel with the VXLAN backend, pods at MTU 1450; `change` edits it first. */
export function flannelVxlanLab(change: (t: Topology) => void = () => undefined): Topology {
  const t = JSON.parse(JSON.stringify(minikubeFlannel())) as Topology;
  t.datapath = { cni: 'flannel', backend: 'vxlan' };
  t.machines.forEach((m, k) => {
    const flannel: VxlanIface = { kind: 'vxlan', name: 'flannel.1', mac: vtepMac(k), addresses: [`10.244.${k}.0/32`], vni: 1, port: 8472, local: nodeIp(m), dev: 'eth0', mtu: 1450 };
    m.interfaces.push(flannel);
    const others = t.machines.map((o, j) => ({ o, j })).filter(({ j }) => j !== k);
    m.neighbours = others.map(({ j }) => ({ ip: `10.244.${j}.0`, mac: vtepMac(j), dev: 'flannel.1', state: 'PERMANENT' as const }));
    m.fdb = others.map(({ o, j }) => ({ mac: vtepMac(j), dev: 'flannel.1', dst: nodeIp(o) }));
    m.routes = others.map(({ j }) => ({ dst: `10.244.${j}.0/24`, via: `10.244.${j}.0`, dev: 'flannel.1', onlink: true }));
    for (const p of m.pods ?? []) for (const i of p.interfaces) i.mtu = 1450;
    for (const i of m.interfaces) if (i.kind === 'veth') i.mtu = 1450;
  });
  change(t);
  return t;
}

/** minikube-flannel with the host-gw backend: a route to each remote pod subnet via that node; `change` edits it first. */
export function flannelHostGwLab(change: (t: Topology) => void = () => undefined): Topology {
  const t = JSON.parse(JSON.stringify(minikubeFlannel())) as Topology;
  t.datapath = { cni: 'flannel', backend: 'host-gw' };
  t.machines.forEach((m, k) => {
    m.routes = t.machines.flatMap((o, j) => (j === k ? [] : [{ dst: `10.244.${j}.0/24`, via: nodeIp(o), dev: 'eth0' }]));
  });
  change(t);
  return t;
}
