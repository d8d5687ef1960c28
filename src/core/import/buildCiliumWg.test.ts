import { describe, expect, it } from 'vitest';
import { runJourney } from '../sim/runJourney';
import { importCluster } from './build';
import type { ImportNote } from './notes';
import { tellNote } from './tell';
import CILIUM from './fixtures/minikube-cilium.json?raw';
import WG_IP from './fixtures/minikube-cilium-wg-m02-ip.txt?raw';
import NATIVE_IP from './fixtures/minikube-cilium-native-m02-ip.txt?raw';

/*
 * The minikube Cilium cluster of buildCiliumIp.test.ts with transparent encryption on
 * (`cilium install --set encryption.enabled=true --set encryption.type=wireguard`, i.e.
 * enable-wireguard in cilium-config): minikube-m02's ip -j addr has the agent's cilium_wg0
 * (pkg/wireguard/agent/agent.go init(): a link without a link layer, `link_type` none and no
 * address; MTU 1500 − 80 = 1420) and, in tunnel mode, the remote pod CIDRs' routes carry
 * MTU 1370 (pkg/mtu getRouteMTU: 1500 − (80 + 50)).
 */

const of = (notes: readonly ImportNote[], code: string) => notes.filter((n) => n.code === code).map((n) => n.params as Record<string, unknown>);

/** The native-routing fixture with the cilium_wg0 link of the WireGuard one. */
function nativeWithWg(): string {
  const wg = /\{"ifindex": 10, "ifname": "cilium_wg0"[^}]*"addr_info": \[\]\}, /.exec(WG_IP)?.[0];
  if (!wg) throw new Error('no cilium_wg0 in the fixture');
  return NATIVE_IP.replace('{"ifindex": 24, "link_index": 25, "ifname": "eth0"', `${wg}{"ifindex": 24, "link_index": 25, "ifname": "eth0"`);
}

describe('a Cilium node with WireGuard (cilium_wg0 in ip -j addr)', () => {
  const r = importCluster([{ name: 'paste', text: CILIUM }, { name: 'm02.txt', text: WG_IP }]);

  it('selects tunnel mode with WireGuard and says so', () => {
    expect(r.mode).toBe('cilium-tunnel-wg');
    expect(r.topology?.datapath).toEqual({ cni: 'cilium', routing: 'tunnel', wireguard: true });
    expect(of(r.notes, 'cilium-routing')).toEqual([{ routing: 'tunnel', from: 'cilium_vxlan' }]);
    expect(of(r.notes, 'cilium-wireguard')).toEqual([{ from: 'cilium_wg0' }]);
  });

  it('tells the encryption in both languages, in the summary\'s datapath line too', () => {
    const wg = r.notes.find((n) => n.code === 'cilium-wireguard');
    const dp = r.notes.find((n) => n.code === 'datapath');
    if (!wg || !dp) throw new Error('remarks missing');
    expect(tellNote(wg, 'en')).toContain('WireGuard is on');
    expect(tellNote(wg, 'en')).toContain('UDP 51871');
    expect(tellNote(wg, 'ru')).toContain('шифрование WireGuard включено');
    expect(tellNote(dp, 'en')).toContain('encrypted with WireGuard');
    expect(tellNote(dp, 'ru')).toContain('с шифрованием WireGuard');
    expect(r.topology?.description?.en).toContain('WireGuard');
    expect(r.topology?.description?.ru).toContain('WireGuard');
  });

  it('confirms the node\'s cilium_wg0 against the lab\'s, with no MAC taken from a link without a link layer', () => {
    // eth0, cilium_net, cilium_host, cilium_vxlan and cilium_wg0 are the lab's; docker0 is not modelled.
    expect(of(r.notes, 'ip-applied').find((n) => n.table === 'addr')).toEqual({ node: 'minikube-m02', table: 'addr', confirmed: 5, added: 0 });
    expect(of(r.notes, 'ip-iface-absent')).toEqual([{ node: 'minikube-m02', ifaces: 'docker0 (172.17.0.1/16)', count: 1 }]);
    expect(of(r.notes, 'ip-mac').map((n) => n.iface)).not.toContain('cilium_wg0');
    for (const m of r.topology?.machines ?? []) {
      expect(m.interfaces.find((i) => i.name === 'cilium_wg0')).toMatchObject({ kind: 'wireguard', mtu: 1420, listenPort: 51871 });
    }
  });

  it('carries a ping across nodes through cilium_wg0', () => {
    const t = r.topology;
    if (!t || !r.journey) throw new Error('no journey');
    const j = runJourney(t, r.journey);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === r.journey?.to && e.cause === 'echo-request')).toBe(true);
    expect(j.events.some((e) => e.type === 'frame' && e.iface === 'cilium_wg0')).toBe(true);
  });

  it('keeps the user\'s choice of a mode without encryption, saying so', () => {
    const plain = importCluster([{ name: 'paste', text: CILIUM }, { name: 'm02.txt', text: WG_IP }], { mode: 'cilium-tunnel' });
    expect(plain.mode).toBe('cilium-tunnel');
    expect(plain.topology?.datapath).toEqual({ cni: 'cilium', routing: 'tunnel' });
    expect(of(plain.notes, 'datapath')).toEqual([{ mode: 'cilium-tunnel', chosen: true }]);
    expect(of(plain.notes, 'ip-iface-absent')[0]?.ifaces).toContain('cilium_wg0');
  });
});

describe('a Cilium node in native routing with WireGuard', () => {
  it('selects native routing with WireGuard', () => {
    const r = importCluster([{ name: 'paste', text: CILIUM }, { name: 'm02.txt', text: nativeWithWg() }]);
    expect(r.mode).toBe('cilium-native-wg');
    expect(r.topology?.datapath).toEqual({ cni: 'cilium', routing: 'native', wireguard: true });
    expect(of(r.notes, 'cilium-wireguard')).toEqual([{ from: 'cilium_wg0' }]);
    const t = r.topology;
    if (!t || !r.journey) throw new Error('no journey');
    const j = runJourney(t, r.journey);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === r.journey?.to && e.cause === 'echo-request')).toBe(true);
  });

  it('says nothing of WireGuard without cilium_wg0', () => {
    const r = importCluster([{ name: 'paste', text: CILIUM }, { name: 'm02.txt', text: NATIVE_IP }]);
    expect(r.mode).toBe('cilium-native');
    expect(of(r.notes, 'cilium-wireguard')).toEqual([]);
  });
});

describe('WireGuard told by the CiliumNodes alone', () => {
  /** The cluster's JSON with each CiliumNode's public key annotation, as the agent publishes it. */
  const annotated = (key: string) => {
    const text = CILIUM.replace(/("kind": "CiliumNode",\s*"metadata": \{)/g, `$1 "annotations": { "${key}": "mYk2oK0lX0Y3p9QJ1v5bU8cT6nW4rE7sA2dF0gH1jK8=" },`);
    expect(text.split(key).length).toBe(4);
    return text;
  };

  it('selects WireGuard from network.cilium.io/wg-pub-key (and the older io.cilium.network.wg-pub-key)', () => {
    for (const key of ['network.cilium.io/wg-pub-key', 'io.cilium.network.wg-pub-key']) {
      const r = importCluster([{ name: 'paste', text: annotated(key) }]);
      expect(r.mode).toBe('cilium-tunnel-wg');
      expect(of(r.notes, 'cilium-wireguard')).toEqual([{ from: 'ciliumnode' }]);
    }
    const r = importCluster([{ name: 'paste', text: annotated('network.cilium.io/wg-pub-key') }]);
    const wg = r.notes.find((n) => n.code === 'cilium-wireguard');
    if (!wg) throw new Error('no remark');
    expect(tellNote(wg, 'en')).toContain('network.cilium.io/wg-pub-key');
    expect(tellNote(wg, 'ru')).toContain('аннотация network.cilium.io/wg-pub-key');
  });

  it('ignores other annotations', () => {
    expect(importCluster([{ name: 'paste', text: annotated('network.cilium.io/ipv4-cilium-host') }]).mode).toBe('cilium-tunnel');
  });
});
