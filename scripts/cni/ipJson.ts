/**
 * The real commands' JSON (`ip -j -d link`, `ip -j -4 addr`, `ip -j -4 route`) reduced to the
 * snapshot shape the fixtures compare (src/core/cni/snapshot.ts builds the same shape from our
 * node state).
 */
import type { LinkSnapshot, NsSnapshot } from '../../src/core/cni/snapshot';

interface IpLink {
  ifindex: number;
  ifname: string;
  flags: string[];
  mtu: number;
  operstate: string;
  link_type: string;
  address: string;
  master?: string;
  link_index?: number;
  linkinfo?: { info_kind?: string; info_slave_kind?: string; info_slave_data?: { hairpin?: boolean } };
}

interface IpAddr {
  ifname: string;
  addr_info: { family: string; local: string; prefixlen: number }[];
}

interface IpRoute {
  dst: string;
  gateway?: string;
  dev: string;
  protocol?: string;
  scope?: string;
  prefsrc?: string;
  flags?: string[];
}

/** One route as `ip route` prints it, with the fields the fixtures keep. */
export function routeLine(r: IpRoute): string {
  let s = r.dst;
  if (r.gateway) s += ` via ${r.gateway}`;
  s += ` dev ${r.dev}`;
  if (r.protocol && r.protocol !== 'boot') s += ` proto ${r.protocol}`;
  if (r.scope && r.scope !== 'global') s += ` scope ${r.scope}`;
  if (r.prefsrc) s += ` src ${r.prefsrc}`;
  if (r.flags?.includes('linkdown')) s += ' linkdown';
  return s;
}

/** A namespace's snapshot from the three commands' JSON texts and the sysctls read. */
export function nsSnapshot(linkJson: string, addrJson: string, routeJson: string, sysctls: Record<string, string>, nat?: string[]): NsSnapshot {
  const links = JSON.parse(linkJson) as IpLink[];
  const addrs = JSON.parse(addrJson) as IpAddr[];
  const routes = JSON.parse(routeJson) as IpRoute[];
  const out: NsSnapshot = {
    links: links.map((l) => {
      const kind = l.linkinfo?.info_kind ?? (l.link_type === 'loopback' ? 'loopback' : 'device');
      const s: LinkSnapshot = {
        index: l.ifindex,
        name: l.ifname,
        kind,
        mac: l.address,
        mtu: l.mtu,
        up: l.flags.includes('UP'),
        state: l.operstate,
        addresses: (addrs.find((a) => a.ifname === l.ifname)?.addr_info ?? []).filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`),
      };
      if (l.master) {
        s.master = l.master;
        s.hairpin = l.linkinfo?.info_slave_data?.hairpin ?? false;
      }
      if (kind === 'veth' && l.link_index !== undefined) s.peer = l.link_index;
      return s;
    }),
    routes: routes.map(routeLine).sort(),
    sysctls,
  };
  if (nat) out.nat = nat;
  return out;
}
