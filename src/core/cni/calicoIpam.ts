import { formatIp, networkOf, parseCidr, parseIp } from '../net/ipv4';
import { loadArgs } from './args';
import { affinityKey, blockKey, blockOf, blockOrder, CALICO_POOL_KEY, handleKey, newBlock, type CalicoBlock, type CalicoPool } from './calicoBlocks';
import { goParse } from './goDecode';
import { goCompact, isObject } from './goJson';
import type { Kernel } from './kernel';
import type { CmdArgs, Plugin, PluginHost } from './plugin';
import { PLUGIN_TEXT as T } from './pluginText';
import { printResult } from './version';
import type { CniResult } from './types';

/*
 * calico-ipam (projectcalico/calico cni-plugin/pkg/ipamplugin/ipam_plugin.go over libcalico-go
 * lib/ipam), as it meets a Kubernetes pod. Addresses come from the IP pool in blocks (default /26)
 * that a node holds by affinity: ADD takes the first unallocated ordinal of a block affine to this
 * node (allocationBlock.autoAssign walks the block's `unallocated` list in order, so the block's
 * own network address, ordinal 0, is handed out first), and when no affine block has room it
 * claims a new one (findUsableBlock: the pool's blocks walked from a start that depends on the
 * host name, wrapping round, the first one nobody holds). An address asked for by CNI_ARGS `IP=`
 * (what Calico's plugin passes for a pod annotated `cni.projectcalico.org/ipAddrs`) is assigned
 * as it is (AssignIP), its block claimed for this node when nobody holds it. The result is the
 * address with the block's prefix and one route to it; DEL releases the handle's addresses (the
 * ordinal goes to the end of `unallocated`, so a freed address is not the next one handed out).
 *
 * The datastore is Kernel.ds*: keys as Calico's etcdv3 backend lays them out (calicoBlocks.ts,
 * with the order blocks are tried in). No reservations, no strict affinity, no IPv6, one pool.
 */

interface IpamConf {
  nodename: string;
  name: string;
  cniVersion: string;
}

function loadConf(stdin: string): IpamConf {
  const parsed = goParse(stdin);
  const v = parsed.ok && isObject(parsed.value) ? parsed.value : {};
  const s = (x: unknown, d: string): string => (typeof x === 'string' && x !== '' ? x : d);
  return { nodename: s(v.nodename, ''), name: s(v.name, ''), cniVersion: s(v.cniVersion, '0.1.0') };
}

function readJson<T>(k: Kernel, key: string): T | undefined {
  const text = k.dsGet(key);
  if (text === undefined) return undefined;
  const parsed = goParse(text);
  return parsed.ok ? (parsed.value as unknown as T) : undefined;
}

function pool(k: Kernel, host: string): CalicoPool {
  const p = readJson<{ spec?: CalicoPool }>(k, CALICO_POOL_KEY)?.spec;
  if (!p) throw new Error(T.calicoNoPools(host));
  return p;
}

/** Assigns ordinal `o` of `block` to `handle`, writes the block and the handle. */
function assign(h: PluginHost, block: CalicoBlock, o: number, handle: string, attrs: Record<string, string>, requested: boolean): string {
  let idx = block.attributes.findIndex((a) => a.handle_id === handle);
  if (idx < 0) idx = block.attributes.push({ handle_id: handle, secondary: attrs }) - 1;
  block.allocations[o] = idx;
  block.unallocated = block.unallocated.filter((x) => x !== o);
  block.sequenceNumber += 1;
  const c = parseCidr(block.cidr);
  const ip = formatIp(((c?.ip ?? 0) + o) >>> 0);
  h.emit({ type: 'ipam', op: 'assign', ip, block: block.cidr, ordinal: o, handle, requested });
  h.kernel.dsPut(blockKey(block.cidr), goCompact(block as never));
  h.kernel.dsPut(handleKey(handle), goCompact({ handleID: handle, block: { [block.cidr]: 1 } }));
  return ip;
}

/** Claims `cidr` for `host`: the affinity, then the block (claimAffineBlock). */
function claim(h: PluginHost, cidr: string, host: string): CalicoBlock {
  h.emit({ type: 'ipam', op: 'block', block: cidr, host, how: 'claim' });
  h.kernel.dsPut(affinityKey(host, cidr), goCompact({ state: 'confirmed' }));
  return newBlock(cidr, host);
}

/** AutoAssign of one IPv4 address for `host`. @throws Error when the pool has no room left. */
function autoAssign(h: PluginHost, host: string, handle: string, attrs: Record<string, string>): { ip: string; prefix: number } {
  const k = h.kernel;
  const p = pool(k, host);
  const affine = k.dsKeys(`/calico/ipam/v2/host/${host}/ipv4/block/`).map((key) => (key.split('/').pop() as string).replace('-', '/'));
  for (const cidr of affine) {
    const b = readJson<CalicoBlock>(k, blockKey(cidr));
    const o = b?.unallocated[0];
    if (!b || o === undefined) continue;
    h.emit({ type: 'ipam', op: 'block', block: cidr, host, how: 'affine' });
    return { ip: assign(h, b, o, handle, attrs, false), prefix: p.blockSize };
  }
  const taken = new Set(k.dsKeys('/calico/ipam/v2/assignment/ipv4/block/').map((key) => (key.split('/').pop() as string).replace('-', '/')));
  const free = blockOrder(p, host).find((cidr) => !taken.has(cidr));
  if (free === undefined) {
    h.emit({ type: 'ipam', op: 'exhausted', pool: p.cidr });
    throw new Error(T.calicoAssigned0);
  }
  const b = claim(h, free, host);
  return { ip: assign(h, b, b.unallocated[0] as number, handle, attrs, false), prefix: p.blockSize };
}

/** AssignIP of a requested address. @throws Error outside every pool, or when the address is in use. */
function assignIp(h: PluginHost, host: string, handle: string, attrs: Record<string, string>, text: string): void {
  const k = h.kernel;
  const p = pool(k, host);
  const ip = parseIp(text);
  const pc = parseCidr(p.cidr);
  if (ip === null || !pc || networkOf(ip, pc.prefix) !== pc.ip) throw new Error(T.calicoNotInPool);
  const cidr = blockOf(p, ip);
  const b = readJson<CalicoBlock>(k, blockKey(cidr)) ?? claim(h, cidr, host);
  const o = ip - networkOf(ip, p.blockSize);
  if (b.allocations[o] !== null && b.allocations[o] !== undefined) throw new Error(T.calicoInUse);
  assign(h, b, o, handle, attrs, true);
}

/** The calico-ipam plugin. */
export const calicoIpam: Plugin = {
  name: 'calico-ipam',

  add(a: CmdArgs, h: PluginHost): string {
    const conf = loadConf(a.stdin);
    const args = loadArgs(a.args, ['IP', 'K8S_POD_NAMESPACE', 'K8S_POD_NAME', 'K8S_POD_INFRA_CONTAINER_ID', 'K8S_POD_UID']);
    const handle = `${conf.name}.${a.containerId}`;
    const attrs = { namespace: args.K8S_POD_NAMESPACE ?? '', node: conf.nodename, pod: args.K8S_POD_NAME ?? '' };
    let address: string;
    if (args.IP !== undefined) {
      assignIp(h, conf.nodename, handle, attrs, args.IP);
      address = `${args.IP}/32`;
    } else {
      const got = autoAssign(h, conf.nodename, handle, attrs);
      address = `${got.ip}/${got.prefix}`;
    }
    // "Set routes in the result - one route per IP": Dst is the address with its mask, unmasked as net.IPNet prints it.
    const result: CniResult = { cniVersion: conf.cniVersion, ips: [{ address }], routes: [{ dst: address }], dns: {} };
    return printResult(result, conf.cniVersion);
  },

  del(a: CmdArgs, h: PluginHost): void {
    const conf = loadConf(a.stdin);
    const handle = `${conf.name}.${a.containerId}`;
    const k = h.kernel;
    const rec = readJson<{ block?: Record<string, number> }>(k, handleKey(handle));
    // Releasing an unknown handle is not an error ("Asked to release address but it doesn't exist. Ignoring").
    if (!rec) return;
    for (const cidr of Object.keys(rec.block ?? {})) {
      const b = readJson<CalicoBlock>(k, blockKey(cidr));
      if (!b) continue;
      const idx = b.attributes.findIndex((x) => x.handle_id === handle);
      const base = parseCidr(cidr)?.ip ?? 0;
      b.allocations.forEach((owner, o) => {
        if (owner !== idx || idx < 0) return;
        b.allocations[o] = null;
        b.unallocated.push(o);
        h.emit({ type: 'ipam', op: 'unassign', ip: formatIp((base + o) >>> 0), block: cidr, handle });
      });
      b.sequenceNumber += 1;
      k.dsPut(blockKey(cidr), goCompact(b as never));
    }
    k.dsDel(handleKey(handle));
  },

  check(): void {
    // ipam_plugin.go registers no CHECK (skel.CNIFuncs{Check: nil}): it succeeds.
  },
};
