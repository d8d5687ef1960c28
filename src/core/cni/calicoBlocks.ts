import { formatIp, networkOf, parseCidr } from '../net/ipv4';

/*
 * Calico's IP pool in blocks, as pure data and arithmetic (libcalico-go lib/ipam and
 * lib/backend/model), shared by calico-ipam (calicoIpam.ts) and the lab's Calico program
 * (model/datapathCalico.ts), which must not load the plugins: the datastore keys of the etcdv3
 * backend, a fresh block, and the order findUsableBlock tries the pool's blocks in for a host.
 * What differs from Calico: randomBlockGenerator starts at a block drawn by Go's math/rand seeded
 * with FNV-1 (32 bits) of the host name; we take that hash modulo the number of blocks, the same
 * input but not Go's generator, so our blocks differ from a real cluster's but stay one per node
 * and repeatable.
 */

/** The pool's key (the IPPool resource `default-ipv4-ippool`, which calico-node creates at startup). */
export const CALICO_POOL_KEY = '/calico/resources/v3/projectcalico.org/ippools/default-ipv4-ippool';

/** The default pool's block size (node/pkg/lifecycle/startup DEFAULT_IPV4_POOL_BLOCK_SIZE). */
export const CALICO_BLOCK_SIZE = 26;

/** An IPPool's spec, the fields the lab keeps. */
export interface CalicoPool {
  cidr: string;
  blockSize: number;
  ipipMode: 'Never' | 'Always' | 'CrossSubnet';
  vxlanMode: 'Never' | 'Always' | 'CrossSubnet';
  natOutgoing: boolean;
}

/** An allocation block (model.AllocationBlock), the fields the allocation reads and writes. */
export interface CalicoBlock {
  cidr: string;
  affinity: string | null;
  /** Per ordinal, the index into `attributes` of its owner, or null when free. */
  allocations: (number | null)[];
  unallocated: number[];
  attributes: { handle_id: string; secondary: Record<string, string> }[];
  sequenceNumber: number;
}

/** `10.244.120.64/26` as a key's last part: `10.244.120.64-26` (model.BlockKey). */
export function blockKeyPart(cidr: string): string {
  return cidr.replace('/', '-');
}

/** The block's key. */
export function blockKey(cidr: string): string {
  return `/calico/ipam/v2/assignment/ipv4/block/${blockKeyPart(cidr)}`;
}

/** A host's affinity to a block (model.BlockAffinityKey). */
export function affinityKey(host: string, cidr: string): string {
  return `/calico/ipam/v2/host/${host}/ipv4/block/${blockKeyPart(cidr)}`;
}

/** A handle's key; Calico's plugin names a pod's handle `<network>.<containerID>` (utils.GetHandleID). */
export function handleKey(handle: string): string {
  return `/calico/ipam/v2/handle/${handle}`;
}

/** A fresh block with nothing allocated (newBlock). */
export function newBlock(cidr: string, host: string | null): CalicoBlock {
  const c = parseCidr(cidr);
  const n = c ? 2 ** (32 - c.prefix) : 0;
  return { cidr, affinity: host === null ? null : `host:${host}`, allocations: new Array<number | null>(n).fill(null), unallocated: [...Array(n).keys()], attributes: [], sequenceNumber: 0 };
}

/** FNV-1, 32 bits (Go's hash/fnv New32), of the UTF-16 code units of a host name (ASCII in practice). */
export function fnv1(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h = (h ^ text.charCodeAt(i)) >>> 0;
  }
  return h;
}

/** The pool's blocks in the order findUsableBlock tries them for `host` (see the header). */
export function blockOrder(pool: CalicoPool, host: string): string[] {
  const p = parseCidr(pool.cidr);
  if (!p || pool.blockSize < p.prefix) return [];
  const count = 2 ** (pool.blockSize - p.prefix);
  const size = 2 ** (32 - pool.blockSize);
  const start = fnv1(host) % count;
  const base = networkOf(p.ip, p.prefix);
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(`${formatIp((base + ((start + k) % count) * size) >>> 0)}/${pool.blockSize}`);
  return out;
}

/** The block of `pool` that holds `ip`. */
export function blockOf(pool: CalicoPool, ip: number): string {
  return `${formatIp(networkOf(ip, pool.blockSize))}/${pool.blockSize}`;
}
