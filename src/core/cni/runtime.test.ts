import { describe, expect, it } from 'vitest';
import { networkGc, networkStatus, parseConfList, pluginStdin, podAdd, podCheck, podDel, cachePath, type Attachment } from './runtime';
import { emptyNode, type NodeState } from './state';
import { TEST_ENTROPY } from './testing';
import type { CniResult } from './types';

/*
 * The runtime's side (libcni): the network configuration list run plugin by plugin, the result
 * cached, DEL in reverse with it, CHECK with it, GC and STATUS over every plugin; the pod's
 * namespace made before ADD and removed after DEL, or after a failed ADD.
 */

const FLANNEL_LIST = JSON.stringify({ name: 'cbr0', cniVersion: '1.1.0', plugins: [{ type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } }] });
const SUBNET_ENV = 'FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n';
const POD: Attachment = { containerId: 'sandbox1', netns: '/var/run/netns/pod1', ifname: 'eth0', args: [['IgnoreUnknown', '1'], ['K8S_POD_NAME', 'web-1']] };
const node = (): NodeState => ({ ...emptyNode(), files: { '/run/flannel/subnet.env': SUBNET_ENV } });

describe('the runtime runs a network configuration list (libcni)', () => {
  it('reads a list as libcni does, refusing what it refuses', () => {
    expect(parseConfList(FLANNEL_LIST)).toMatchObject({ name: 'cbr0', cniVersion: '1.1.0', disableCheck: false, plugins: [{ type: 'flannel' }] });
    expect(() => parseConfList('{')).toThrow('error parsing configuration list: unexpected end of JSON input');
    expect(() => parseConfList('{"plugins": []}')).toThrow('error parsing configuration list: no name');
    expect(() => parseConfList('{"name": "x"}')).toThrow("error parsing configuration list: no 'plugins' key");
    expect(() => parseConfList('{"name": "x", "plugins": []}')).toThrow('error parsing configuration list: no plugins in list');
  });

  it('injects name, cniVersion and prevResult into each plugin\'s configuration, keys sorted as a Go map marshals them', () => {
    const list = parseConfList(JSON.stringify({ name: 'n', cniVersion: '1.0.0', plugins: [{ type: 'bridge', ipam: { type: 'host-local', ranges: [] }, bridge: 'cni0' }] }));
    const plugin = list.plugins[0] ?? {};
    expect(pluginStdin(list, plugin, undefined)).toBe('{"bridge":"cni0","cniVersion":"1.0.0","ipam":{"ranges":[],"type":"host-local"},"name":"n","type":"bridge"}');
    const prev: CniResult = { cniVersion: '1.1.0', ips: [{ address: '10.0.0.2/24', gateway: '10.0.0.1' }], dns: {} };
    expect(pluginStdin(list, plugin, prev)).toBe('{"bridge":"cni0","cniVersion":"1.0.0","ipam":{"ranges":[],"type":"host-local"},"name":"n","prevResult":{"cniVersion":"1.0.0","ips":[{"address":"10.0.0.2/24","gateway":"10.0.0.1"}],"dns":{}},"type":"bridge"}');
  });

  it('ADD: the namespace first, then each plugin; the final result cached; CHECK with it; DEL in reverse, then the namespace removed', () => {
    const list = parseConfList(FLANNEL_LIST);
    const add = podAdd(node(), list, POD, '/opt/cni/bin', TEST_ENTROPY);
    expect(add.error).toBeUndefined();
    expect(add.events[0]).toMatchObject({ type: 'netns', op: 'add', path: '/var/run/netns/pod1' });
    expect(add.events[1]).toMatchObject({ type: 'exec', plugin: 'flannel', env: { CNI_COMMAND: 'ADD', CNI_CONTAINERID: 'sandbox1', CNI_ARGS: 'IgnoreUnknown=1;K8S_POD_NAME=web-1', CNI_IFNAME: 'eth0', CNI_NETNS: '/var/run/netns/pod1', CNI_PATH: '/opt/cni/bin' } });
    expect(add.result?.ips).toEqual([{ interface: 2, address: '10.244.1.2/24', gateway: '10.244.1.1' }]);
    const cache = JSON.parse(add.node.files[cachePath('cbr0', POD)] ?? 'null') as { kind: string; containerId: string; config: string; ifName: string; networkName: string; result: { cniVersion: string } };
    expect([cache.kind, cache.containerId, cache.ifName, cache.networkName, cache.result.cniVersion]).toEqual(['cniCacheV1', 'sandbox1', 'eth0', 'cbr0', '1.1.0']);
    expect(Buffer.from(cache.config, 'base64').toString('utf8')).toBe(FLANNEL_LIST);
    const check = podCheck(add.node, list, POD, '/opt/cni/bin', TEST_ENTROPY);
    expect(check.error).toBeUndefined();
    const del = podDel(add.node, list, POD, '/opt/cni/bin', TEST_ENTROPY);
    expect(del.error).toBeUndefined();
    const exec = del.events.find((e) => e.type === 'exec');
    expect(exec?.type === 'exec' && JSON.parse(exec.stdin)).toMatchObject({ name: 'cbr0', prevResult: { ips: [{ address: '10.244.1.2/24' }] } });
    expect(del.node.files[cachePath('cbr0', POD)]).toBeUndefined();
    expect(Object.keys(del.node.namespaces)).toEqual(['host']);
    expect(del.events.at(-1)).toMatchObject({ type: 'netns', op: 'del', path: '/var/run/netns/pod1' });
  });

  it('a failed ADD is followed by DEL and the namespace goes; a plugin not installed fails as libcni\'s FindInPath does', () => {
    const list = parseConfList(FLANNEL_LIST);
    const failed = podAdd(emptyNode(), list, POD, '/opt/cni/bin', TEST_ENTROPY);
    expect(failed.error?.msg).toMatch(/^failed to load flannel 'subnet\.env' file/);
    expect(failed.events.filter((e) => e.type === 'exec').map((e) => (e.type === 'exec' ? e.env.CNI_COMMAND : ''))).toEqual(['ADD', 'DEL']);
    expect(Object.keys(failed.node.namespaces)).toEqual(['host']);
    const missing = parseConfList(JSON.stringify({ name: 'cbr0', cniVersion: '1.0.0', plugins: [{ type: 'macvlan' }] }));
    expect(podAdd(node(), missing, POD, '/opt/cni/bin', TEST_ENTROPY).error?.msg).toBe('failed to find plugin "macvlan" in path [/opt/cni/bin]');
    // portmap is installed: first in a list it has no prevResult, and says so in its own words.
    const portmap = parseConfList(JSON.stringify({ name: 'cbr0', cniVersion: '1.0.0', plugins: [{ type: 'portmap' }] }));
    expect(podAdd(node(), portmap, POD, '/opt/cni/bin', TEST_ENTROPY).error).toMatchObject({ code: 999, msg: 'must be called as chained plugin' });
  });

  it('CHECK: refused before 0.4.0, nothing run with disableCheck; GC gathers every plugin\'s error; STATUS stops at the first', () => {
    const old = parseConfList(JSON.stringify({ name: 'cbr0', cniVersion: '0.3.1', plugins: [{ type: 'flannel' }] }));
    expect(podCheck(node(), old, POD, '/opt/cni/bin', TEST_ENTROPY).error?.msg).toBe('configuration version "0.3.1" does not support the CHECK command');
    const off = parseConfList(JSON.stringify({ name: 'cbr0', cniVersion: '1.0.0', disableCheck: true, plugins: [{ type: 'flannel' }] }));
    expect(podCheck(node(), off, POD, '/opt/cni/bin', TEST_ENTROPY).events).toEqual([]);
    const two = parseConfList(JSON.stringify({ name: 'cbr0', cniVersion: '1.1.0', plugins: [{ type: 'flannel' }, { type: 'flannel' }] }));
    const gc = networkGc(emptyNode(), two, [{ containerID: 'sandbox1', ifname: 'eth0' }], '/opt/cni/bin', TEST_ENTROPY);
    expect(gc.errors).toHaveLength(2);
    const st = networkStatus(emptyNode(), two, '/opt/cni/bin', TEST_ENTROPY);
    expect(st.error?.code).toBe(50);
    expect(st.events.filter((e) => e.type === 'exec')).toHaveLength(1);
    expect(networkStatus(node(), two, '/opt/cni/bin', TEST_ENTROPY).error).toBeUndefined();
  });
});
