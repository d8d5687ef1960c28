/** A group of the scenario picker; its name is `strings.form.groups[key]`. */
export type ScenarioGroupKey = 'seed' | 'listen' | 'proxyArp' | 'redirects' | 'arp' | 'ttl' | 'rpFilter' | 'loopback' | 'routing' | 'mtu' | 'tcpRetries' | 'broadcast' | 'flannel' | 'calico' | 'cilium' | 'weave' | 'cases' | 'other';

/**
 * Which scenarios each group holds, by id, in the order the picker lists the groups. The patterns
 * follow how the presets name their ids (`case-` for the field cases, `lo-`, `mtu-`, `fib-`…), so a
 * new scenario usually finds its group by itself; they never overlap, which a test checks over
 * every scenario, and one that no pattern takes lands in `other` and fails that test.
 */
export const GROUP_PATTERNS: readonly (readonly [Exclude<ScenarioGroupKey, 'other'>, RegExp])[] = [
  ['seed', /^(cold-ping-|ping-pod1-pod2-|two-pings-|no-route-|delay-probe-)/],
  ['listen', /^(tcp-handshake-|udp-to-listener|udp-port-unreachable|tcp-syn-refused)/],
  ['proxyArp', /^proxy-arp-/],
  ['redirects', /^router-redirects-/],
  ['arp', /^(arp-fails-|arp-sender-|ip-source-)/],
  ['ttl', /^ttl-/],
  ['rpFilter', /^arp-rp-filter-/],
  ['loopback', /^lo-/],
  ['routing', /^fib-/],
  ['mtu', /^mtu-/],
  ['tcpRetries', /^tcp-syn-(retries|no-route|ttl|arp)-/],
  ['broadcast', /broadcast/],
  ['flannel', /^flannel-/],
  ['calico', /^calico-/],
  ['cilium', /^cilium-/],
  ['weave', /^weave-/],
  ['cases', /^case-/],
];

/** The groups whose pattern matches this id (exactly one for every scenario, by the test). */
export function groupsOf(id: string): ScenarioGroupKey[] {
  return GROUP_PATTERNS.filter(([, re]) => re.test(id)).map(([key]) => key);
}

/** The picker's groups in their order, each with its scenarios in `SCENARIOS` order; empty groups left out. */
export function groupScenarios<S extends { id: string }>(scenarios: readonly S[]): { key: ScenarioGroupKey; scenarios: S[] }[] {
  const keys: ScenarioGroupKey[] = [...GROUP_PATTERNS.map(([key]) => key), 'other'];
  const by = new Map<ScenarioGroupKey, S[]>(keys.map((k) => [k, []]));
  for (const s of scenarios) by.get(groupsOf(s.id)[0] ?? 'other')?.push(s);
  return keys.map((key) => ({ key, scenarios: by.get(key) ?? [] })).filter((g) => g.scenarios.length > 0);
}
