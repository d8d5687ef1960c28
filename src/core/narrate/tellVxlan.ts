import type { FdbEvent, FrameEvent, VxlanEvent } from '../events';
import type { JourneyResult } from '../journey';
import type { Msg, TunnelKeyer } from './messages';
import type { PackTellers } from './packTellers';

/*
 * The narrator's view of the VXLAN device (sim/vxlan.ts): the frame handed to it, its FDB lookup,
 * encapsulation and decapsulation; whether a collect_md device's key came from a BPF program
 * (Cilium's cilium_vxlan) or an OVS flow (Weave's vxlan-6784) rather than from the FDB entries a
 * daemon programmed (flannel.1). A part of the VXLAN datapath pack (packTellers.ts), loaded with it.
 */

/**
 * Who handed packet `pkt` to a tunnel device of `ns` with its key, just before event `index`: a
 * BPF program (`bpf`), an OVS flow with set(tunnel) (`ovs`), or nobody (null: the device's FDB).
 */
export function keyedBefore(result: JourneyResult, pkt: number, ns: string, index: number): TunnelKeyer {
  for (let i = index - 1; i >= 0 && i >= index - 4; i--) {
    const x = result.events[i];
    if (x?.type === 'bpf' && x.action === 'encap' && x.pkt === pkt && x.ns === ns) return 'bpf';
    if (x?.type === 'ovs' && x.action !== 'miss' && x.pkt === pkt && x.ns === ns && (x.out ?? []).some((o) => 'tunnel' in o)) return 'ovs';
  }
  return null;
}

/** The OVS datapath a VXLAN device hands what it unwraps to (Weave's vxlan-6784 is a vport), or ''. */
function vportAfter(result: JourneyResult, ns: string, iface: string): string {
  return result.places[ns]?.ifaces[iface]?.vport ?? '';
}

/** The message of a frame a VXLAN device sends (tcpdump on it: the frame before encapsulation). */
function vxlanFrameOut(result: JourneyResult, e: FrameEvent, index: number): Msg {
  return { k: 'out-vxlan', ns: e.ns, iface: e.iface, f: e, keyed: keyedBefore(result, e.pkt, e.ns, index) };
}

/** The message of a VXLAN device's FDB lookup or learning (vxlan_find_mac, vxlan_snoop). */
function vxlanFdb(e: FdbEvent): { msg: Msg; fn: string } {
  const learn = e.action === 'learn';
  return { msg: { k: 'vxlan-fdb', ns: e.ns, dev: e.bridge, mac: e.mac, remote: e.remote ?? '', defaultEntry: e.defaultEntry === true, learn }, fn: learn ? 'vxlan_snoop' : 'vxlan_find_mac' };
}

/** The message of a `vxlan` event: encapsulation (vxlan_xmit_one) or decapsulation (vxlan_rcv). */
function vxlanMessage(result: JourneyResult, e: VxlanEvent, index: number): { msg: Msg; fn: string } {
  return e.action === 'encap'
    ? {
      msg: { k: 'vxlan-encap', ns: e.ns, dev: e.iface, underlay: e.dev, vni: e.vni, local: e.local, remote: e.remote, port: e.port, sport: e.sport, innerLen: e.innerLen, outerLen: e.outerLen, mtu: e.mtu, keyed: keyedBefore(result, e.pkt, e.ns, index) },
      fn: 'vxlan_xmit_one',
    }
    : { msg: { k: 'vxlan-decap', ns: e.ns, dev: e.iface, vni: e.vni, remote: e.remote, port: e.port, innerLen: e.innerLen, outerLen: e.outerLen, vport: vportAfter(result, e.ns, e.iface) }, fn: 'vxlan_rcv' };
}

/** The VXLAN pack's teller, registered by packTellers.ts's loader (or core/allPacks.ts). */
export const vxlanTeller: PackTellers['vxlan'] = { frameOut: vxlanFrameOut, fdb: vxlanFdb, event: vxlanMessage };
