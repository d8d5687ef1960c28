import { describe, expect, it } from 'vitest';
import { calicoVethName, wepName } from './calico';
import { blockKey, blockOrder, CALICO_POOL_KEY, fnv1, handleKey, type CalicoBlock } from './calicoBlocks';
import { podAdd, podDel, type ConfList } from './runtime';
import { emptyNode, HOST_NS, type NodeState } from './state';
import { TEST_ENTROPY } from './testing';

/** Calico's 10-calico.conflist as its manifest's install-cni writes it, for node `node`. */
function list(node: string, mtu = 1500): ConfList {
  const plugins = [
    { type: 'calico', datastore_type: 'kubernetes', nodename: node, mtu, ipam: { type: 'calico-ipam' }, policy: { type: 'k8s' } },
    { type: 'portmap', snat: true, capabilities: { portMappings: true } },
  ];
  const text = JSON.stringify({ name: 'k8s-pod-network', cniVersion: '1.0.0', plugins });
  return { name: 'k8s-pod-network', cniVersion: '1.0.0', disableCheck: false, plugins, text };
}

function nodeWithPool(cidr = '10.244.0.0/16'): NodeState {
  const n = emptyNode();
  n.datastore = { [CALICO_POOL_KEY]: JSON.stringify({ spec: { cidr, blockSize: 26, ipipMode: 'Never', vxlanMode: 'Never', natOutgoing: true } }) };
  return n;
}

const attach = (pod: string, ip?: string) => ({
  containerId: pod, netns: `/var/run/netns/${pod}`, ifname: 'eth0',
  args: [['IgnoreUnknown', '1'], ['K8S_POD_NAMESPACE', 'default'], ['K8S_POD_NAME', pod], ...(ip !== undefined ? [['IP', ip]] : [])] as [string, string][],
});

describe('the calico plugin', () => {
  it('wires a pod without a bridge: cali veth, ee:ee MAC, /32, 169.254.1.1, proxy ARP, host /32 route', () => {
    const run = podAdd(nodeWithPool(), list('node1'), attach('pod1'), '/opt/cni/bin', TEST_ENTROPY);
    expect(run.error).toBeUndefined();
    const host = run.node.namespaces[HOST_NS];
    const pod = run.node.namespaces['/var/run/netns/pod1'];
    const veth = calicoVethName('default', 'pod1');
    expect(veth).toBe('calice0906292e2');
    const hostEnd = host?.links.find((l) => l.name === veth);
    expect(hostEnd).toMatchObject({ kind: 'veth', mac: 'ee:ee:ee:ee:ee:ee', up: true });
    expect(host?.links.some((l) => l.kind === 'bridge')).toBe(false);
    const first = blockOrder({ cidr: '10.244.0.0/16', blockSize: 26, ipipMode: 'Never', vxlanMode: 'Never', natOutgoing: true }, 'node1')[0] as string;
    const ip = first.split('/')[0] as string;
    expect(pod?.links.find((l) => l.name === 'eth0')?.addresses).toEqual([`${ip}/32`]);
    expect(pod?.routes).toEqual([{ dst: '169.254.1.1/32', dev: 2 }, { dst: '0.0.0.0/0', gw: '169.254.1.1', dev: 2 }]);
    expect(host?.routes).toEqual([{ dst: `${ip}/32`, dev: hostEnd?.index }]);
    expect(host?.sysctls).toMatchObject({ [`net.ipv4.conf.${veth}.proxy_arp`]: '1', [`net.ipv4.neigh.${veth}.proxy_delay`]: '0', [`net.ipv4.conf.${veth}.forwarding`]: '1', [`net.ipv4.conf.${veth}.route_localnet`]: '1' });
    expect(run.result?.ips).toEqual([{ interface: 1, address: `${ip}/32` }]);
    expect(run.result?.interfaces?.map((i) => i.name)).toEqual([veth, 'eth0']);
    // calico-ipam's route is the address with its block's prefix, as net.IPNet prints it.
    expect(run.result?.routes).toEqual([{ dst: `${ip}/26` }]);
    const block = JSON.parse(run.node.datastore?.[blockKey(first)] ?? '{}') as CalicoBlock;
    expect(block.affinity).toBe('host:node1');
    expect(block.allocations[0]).toBe(0);
    expect(block.unallocated[0]).toBe(1);
    expect(run.node.datastore?.[`/calico/resources/v3/projectcalico.org/workloadendpoints/default/${wepName('node1', 'pod1', 'eth0')}`]).toContain(veth);
  });

  it('hands out the next ordinal of the same block to the next pod, and a requested address as it is', () => {
    const a = podAdd(nodeWithPool(), list('node1'), attach('pod1'), '/opt/cni/bin', TEST_ENTROPY);
    const b = podAdd(a.node, list('node1'), attach('pod2'), '/opt/cni/bin', TEST_ENTROPY);
    const ipA = a.result?.ips?.[0]?.address.split('/')[0] ?? '';
    const ipB = b.result?.ips?.[0]?.address.split('/')[0] ?? '';
    expect(Number(ipB.split('.')[3])).toBe(Number(ipA.split('.')[3]) + 1);
    expect(b.events.some((e) => e.type === 'ipam' && e.op === 'block' && e.how === 'affine')).toBe(true);
    const c = podAdd(nodeWithPool('10.10.0.0/16'), list('node1'), attach('pod3', '10.10.10.1'), '/opt/cni/bin', TEST_ENTROPY);
    expect(c.result?.ips?.[0]?.address).toBe('10.10.10.1/32');
    expect(JSON.parse(c.node.datastore?.[blockKey('10.10.10.0/26')] ?? '{}')).toMatchObject({ affinity: 'host:node1' });
  });

  it('refuses an address in use, and releases on DEL so the freed ordinal goes last', () => {
    const a = podAdd(nodeWithPool('10.10.0.0/16'), list('node1'), attach('pod1', '10.10.10.1'), '/opt/cni/bin', TEST_ENTROPY);
    const again = podAdd(a.node, list('node1'), attach('pod2', '10.10.10.1'), '/opt/cni/bin', TEST_ENTROPY);
    expect(again.error?.msg).toBe('Address already assigned in block');
    expect(again.node.namespaces['/var/run/netns/pod2']).toBeUndefined();
    const del = podDel(a.node, list('node1'), attach('pod1'), '/opt/cni/bin', TEST_ENTROPY);
    expect(del.error).toBeUndefined();
    expect(del.node.namespaces[HOST_NS]?.links.some((l) => l.name.startsWith('cali'))).toBe(false);
    expect(del.node.datastore?.[handleKey('k8s-pod-network.pod1')]).toBeUndefined();
    const block = JSON.parse(del.node.datastore?.[blockKey('10.10.10.0/26')] ?? '{}') as CalicoBlock;
    expect(block.unallocated.at(-1)).toBe(1);
  });

  it('fails without a pool, and claims blocks another node does not hold', () => {
    const none = podAdd(emptyNode(), list('node1'), attach('pod1'), '/opt/cni/bin', TEST_ENTROPY);
    expect(none.error?.msg).toBe('no configured Calico pools for host:node1');
    // A /25 pool has two /26 blocks; with node2 holding the one node1 would try first, node1 takes the other.
    const pool = { cidr: '10.9.0.0/25', blockSize: 26, ipipMode: 'Never' as const, vxlanMode: 'Never' as const, natOutgoing: true };
    const [firstTry, other] = blockOrder(pool, 'node1') as [string, string];
    const n = nodeWithPool('10.9.0.0/25');
    (n.datastore as Record<string, string>)[blockKey(firstTry)] = JSON.stringify({ cidr: firstTry, affinity: 'host:node2', allocations: [], unallocated: [], attributes: [], sequenceNumber: 0 });
    const run = podAdd(n, list('node1'), attach('pod1'), '/opt/cni/bin', TEST_ENTROPY);
    expect(run.result?.ips?.[0]?.address).toBe(`${other.split('/')[0] ?? ''}/32`);
  });
});

describe('fnv1', () => {
  it('is Go\'s hash/fnv New32 (FNV-1, not FNV-1a)', () => {
    // Published FNV-1 32-bit vectors: "" → 811c9dc5, "a" → 050c5d7e, "foobar" → 31f0b262.
    expect(fnv1('').toString(16)).toBe('811c9dc5');
    expect(fnv1('a').toString(16).padStart(8, '0')).toBe('050c5d7e');
    expect(fnv1('foobar').toString(16)).toBe('31f0b262');
  });
});
