import type { Kernel } from './kernel';
import { sha512Hex } from './sha512';
import { HOST_NS, type NatState } from './state';

/*
 * The bridge plugin's ipMasq (plugins pkg/ip ipmasq_linux.go SetupIPMasq, TeardownIPMasq): a nat
 * chain per attachment, `CNI-` + 24 hex digits of sha512(network name + container ID)
 * (pkg/utils FormatChainName), that accepts traffic to the pod's own subnet and masquerades the
 * rest but multicast, jumped to from POSTROUTING for the pod's address. Rules are kept as
 * `iptables -t nat -S` prints them (iptables normalises `-d 10.22.0.2/24` to the network and a
 * bare address to /32).
 */

/** FormatChainName: `CNI-` and the first 24 hex digits of sha512(name + id). */
export function chainName(network: string, containerId: string): string {
  return `CNI-${sha512Hex(network + containerId)}`.slice(0, 28);
}

/** FormatComment: `name: "net" id: "c1"`, as iptables -S quotes it. */
function comment(network: string, containerId: string): string {
  const inner = `name: ${JSON.stringify(network)} id: ${JSON.stringify(containerId)}`;
  return JSON.stringify(inner);
}

function nat(k: Kernel): NatState {
  const ns = k.node.namespaces[HOST_NS];
  if (!ns) throw new Error('host-netns-missing');
  ns.nat ??= { chains: [], rules: [] };
  return ns.nat;
}

function appendUnique(k: Kernel, rule: string, chain: string): void {
  const t = nat(k);
  if (t.rules.includes(rule)) return;
  t.rules.push(rule);
  k.emitNat('rule-add', chain, rule);
}

/** SetupIPMasq for `address` (`10.22.0.2/24`) of the attachment. */
export function setupIpMasq(k: Kernel, address: string, network: string, containerId: string): void {
  const chain = chainName(network, containerId);
  const c = comment(network, containerId);
  const [ip, prefix] = address.split('/') as [string, string];
  const t = nat(k);
  if (!t.chains.includes(chain)) {
    t.chains.push(chain);
    k.emitNat('chain-add', chain);
  }
  const parts = ip.split('.').map(Number);
  const bits = Number(prefix);
  const num = (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0;
  const net = bits === 0 ? 0 : (num & (~0 << (32 - bits))) >>> 0;
  const netText = [net >>> 24, (net >>> 16) & 255, (net >>> 8) & 255, net & 255].join('.');
  appendUnique(k, `-A ${chain} -d ${netText}/${bits} -m comment --comment ${c} -j ACCEPT`, chain);
  appendUnique(k, `-A ${chain} ! -d 224.0.0.0/4 -m comment --comment ${c} -j MASQUERADE`, chain);
  appendUnique(k, `-A POSTROUTING -s ${ip}/32 -m comment --comment ${c} -j ${chain}`, 'POSTROUTING');
}

/** TeardownIPMasq: the POSTROUTING jump, then the chain's rules and the chain. */
export function teardownIpMasq(k: Kernel, ip: string, network: string, containerId: string): void {
  const chain = chainName(network, containerId);
  const t = nat(k);
  const jump = `-A POSTROUTING -s ${ip}/32 -m comment --comment ${comment(network, containerId)} -j ${chain}`;
  if (t.rules.includes(jump)) {
    t.rules = t.rules.filter((r) => r !== jump);
    k.emitNat('rule-del', 'POSTROUTING', jump);
  }
  for (const r of t.rules.filter((x) => x.startsWith(`-A ${chain} `))) {
    t.rules = t.rules.filter((x) => x !== r);
    k.emitNat('rule-del', chain, r);
  }
  if (t.chains.includes(chain)) {
    t.chains = t.chains.filter((x) => x !== chain);
    k.emitNat('chain-del', chain);
  }
}

/** The nat table as `iptables -t nat -S` lists it: policies, user chains, then rules by chain. */
export function natRules(t: NatState | undefined): string[] {
  const builtin = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'];
  // iptables lists user chains by name, whatever order they were made in.
  const chains = [...(t?.chains ?? [])].sort();
  const rules = t?.rules ?? [];
  const of = (chain: string): string[] => rules.filter((r) => r.startsWith(`-A ${chain} `));
  return [...builtin.map((c) => `-P ${c} ACCEPT`), ...chains.map((c) => `-N ${c}`), ...[...builtin, ...chains].flatMap(of)];
}
