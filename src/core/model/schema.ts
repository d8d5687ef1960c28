import * as z from 'zod/mini';
import { problem, shown, type Problem, type ProblemCode, type ProblemParams } from '../i18n/problems';
import { isGroupMac, networkOf, parseCidr, parseIp, parseMac, ZERO_MAC } from '../net/ipv4';
import { LINUX } from './linux';
import { IFNAME, ifnameKernel, isIfaceName, isNsName, NS_NAME } from './names';
import { registerShapeChecks } from './shapes';
// What the schema finds is told in both languages: the problems' sentences load with it.
import '../i18n/catalogs';

/*
 * The shape of a topology file as a zod schema: which fields exist, their types, which values are
 * allowed. A string "false" is not a boolean, "1" is not a number, a number is whole and in range,
 * an unknown field or kind is refused by name. Checks that need more than one field (a master that
 * must be a bridge, a route that must not exist already, veth peers across namespaces) live in
 * ./validate.ts, which also applies these schemas one namespace at a time so that re-validating
 * after an edit only parses what changed.
 *
 * No text of zod's ever reaches a user: every issue becomes a Problem (path, code, values) that
 * the catalogues in ../i18n tell in each language. A field whose check has its own words (a MAC,
 * an address, a name) is a `field()` that reports its Problem code itself.
 *
 * It uses zod/mini, the tree-shakable build (a few KiB in the page instead of about 95 KiB with
 * every locale of the classic build): schemas are built with functions (`z.optional(x)`), not methods.
 *
 * Depth is bounded by the schema: a value is only looked into where the schema expects an object
 * or an array, so data nested 10,000 levels deep under an unknown field, or in place of a string,
 * is refused at its first level without recursion.
 */

/** A problem a field check reports: its code with parameters of the right shape. */
export type FieldProblem = { [C in ProblemCode]: { code: C; params: ProblemParams[C] } }[ProblemCode];

/** A JSON Schema fragment (draft 2020-12) for the published schema of a field zod cannot describe. */
export type JsonFragment = Record<string, unknown>;

/** What each `field()` looks like in JSON Schema (see topologyJsonSchema in ./labFile.ts). */
export const FIELD_JSON = new WeakMap<object, JsonFragment>();

/**
 * A field checked by a function that names its own Problem, so its text is ours and exact. `json`
 * says what it accepts in the published JSON Schema, where a custom check would show as anything.
 */
function field<T>(check: (v: unknown) => FieldProblem | null, json: JsonFragment): z.ZodMiniType<T> {
  const schema = z.custom<T>().check(
    z.superRefine((v, ctx) => {
      const p = check(v);
      if (p) ctx.addIssue({ code: 'custom', message: p.code, params: p });
    }),
  );
  FIELD_JSON.set(schema, json);
  return schema;
}

const MAC_PATTERN = '^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$';

const ifaceName = field<string>((v) =>
  typeof v === 'string' && isIfaceName(v) ? null : { code: 'iface-name', params: { got: shown(v), kernel: typeof v === 'string' ? ifnameKernel(v) : undefined } },
  { type: 'string', pattern: IFNAME.source, description: 'Interface name, at most 15 characters (IFNAMSIZ)' },
);

const nsName = field<string>((v) => (typeof v === 'string' && isNsName(v) ? null : { code: 'ns-name', params: { got: shown(v) } }), {
  type: 'string', pattern: NS_NAME.source, description: 'Pod or machine name, unique in the topology',
});

const nonEmpty = field<string>((v) => (typeof v === 'string' && v !== '' ? null : { code: 'non-empty-string', params: {} }), { type: 'string', minLength: 1 });

/** An interface's own MAC: unicast and not all-zero, as is_valid_ether_addr() demands. */
const ifaceMac = field<string>((v) => {
  const mac = typeof v === 'string' ? parseMac(v) : null;
  if (mac === null) return { code: 'mac-syntax', params: { got: shown(v) } };
  if (isGroupMac(mac)) return { code: 'mac-multicast', params: { mac, kernel: LINUX.badMac } };
  if (mac === ZERO_MAC) return { code: 'mac-zero', params: { kernel: LINUX.badMac } };
  return null;
}, { type: 'string', pattern: MAC_PATTERN, description: 'Unicast MAC address, not all zero' });

/**
 * A VXLAN FDB entry's MAC: unicast, or all-zero for the default entry. Linux also takes a group
 * MAC with `append` (head-end replication of broadcasts), which the engine does not model, so the
 * lab refuses it with its own words (no kernel line: Linux would accept it).
 */
const fdbMac = field<string>((v) => {
  const mac = typeof v === 'string' ? parseMac(v) : null;
  if (mac === null) return { code: 'mac-syntax', params: { got: shown(v) } };
  if (isGroupMac(mac)) return { code: 'fdb-mac-group', params: { mac } };
  return null;
}, { type: 'string', pattern: MAC_PATTERN, description: 'Unicast MAC address, or 00:00:00:00:00:00 for the default entry' });

/** A neighbour's MAC: any syntactically valid one (`ip neigh add` takes a multicast lladdr). */
const anyMac = field<string>((v) => (typeof v === 'string' && parseMac(v) !== null ? null : { code: 'mac-syntax', params: { got: shown(v) } }), { type: 'string', pattern: MAC_PATTERN });

const address = field<string>((v) => (typeof v === 'string' && parseCidr(v) !== null ? null : { code: 'address-syntax', params: { got: shown(v) } }), {
  type: 'string', description: 'IPv4 address with prefix length, e.g. 10.10.10.1/24',
});

const ip = field<string>((v) => (typeof v === 'string' && parseIp(v) !== null ? null : { code: 'ip-syntax', params: { got: shown(v) } }), { type: 'string', format: 'ipv4' });

const routeDst = field<string>((v) => {
  if (v === 'default') return null;
  const c = typeof v === 'string' ? parseCidr(v) : null;
  if (c === null) return { code: 'route-dst', params: { got: shown(v) } };
  if (networkOf(c.ip, c.prefix) !== c.ip) return { code: 'route-host-bits', params: { dst: String(v), kernel: LINUX.invalidPrefix } };
  return null;
}, { type: 'string', description: '"default" or a network with prefix length and no host bits, e.g. 10.10.11.0/24' });

/** A whole number from `min` to `max`; `kernel` gives Linux's answer for a whole number outside. */
function intIn<T extends number = number>(min: number, max: number, kernel?: (n: number) => string): z.ZodMiniType<T> {
  return field<T>((v) => {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return null;
    const k = kernel && typeof v === 'number' && Number.isInteger(v) ? kernel(v) : undefined;
    return { code: 'int-range', params: { min, max, got: shown(v), kernel: k } };
  }, { type: 'integer', minimum: min, maximum: max });
}

const mtu = intIn(68, 65535, (n) => (n < 68 ? LINUX.mtuTooSmall : LINUX.mtuTooBig));

const ifaceSysctlsSchema = z.strictObject({
  forwarding: z.optional(z.boolean()),
  send_redirects: z.optional(z.boolean()),
  accept_redirects: z.optional(z.boolean()),
  secure_redirects: z.optional(z.boolean()),
  shared_media: z.optional(z.boolean()),
  proxy_arp: z.optional(z.boolean()),
  // Linux takes any integer and treats every value but 0 and 1 as loose; the simulator models 0-2.
  rp_filter: z.optional(intIn<0 | 1 | 2>(0, 2)),
  proxy_delay: z.optional(intIn(0, 60000)),
});

const nsSysctlsSchema = z.strictObject({
  ip_forward: z.optional(z.boolean()),
  ip_default_ttl: z.optional(intIn(1, 255, () => LINUX.ttlRange)),
  all: z.optional(ifaceSysctlsSchema),
});

const ifaceBase = {
  name: ifaceName,
  mac: ifaceMac,
  addresses: z.optional(z.array(address)),
  master: z.optional(z.string()),
  sysctls: z.optional(ifaceSysctlsSchema),
  mtu: z.optional(mtu),
  // Cilium's tc ingress programs (topology.ts BpfAttach); a security identity is 32 bits.
  bpf: z.optional(z.discriminatedUnion('prog', [
    z.strictObject({ prog: z.literal('cil_from_container'), identity: intIn(0, 4294967295) }),
    z.strictObject({ prog: z.literal('cil_from_overlay') }),
    z.strictObject({ prog: z.literal('cil_from_netdev') }),
    z.strictObject({ prog: z.literal('cil_from_wireguard') }),
  ])),
  // The OVS datapath this device is a vport of (topology.ts IfaceBase.vport; Weave Net's fastdp).
  vport: z.optional(z.string()),
};

const vethSchema = z.strictObject({ kind: z.literal('veth'), ...ifaceBase, peer: z.strictObject({ ns: z.string(), iface: z.string() }) });
const etherSchema = z.strictObject({ kind: z.literal('ether'), ...ifaceBase, segment: z.string() });
const bridgeSchema = z.strictObject({ kind: z.literal('bridge'), ...ifaceBase });

const vxlanSchema = z.strictObject({
  kind: z.literal('vxlan'), ...ifaceBase,
  // IFLA_VXLAN_ID: 24 bits (VXLAN_N_VID); the destination port, 1-65535 (0 would mean the default).
  vni: intIn(0, 16777215), port: intIn(1, 65535), local: z.optional(ip), dev: z.string(), learning: z.optional(z.boolean()), external: z.optional(z.boolean()),
});

// An Open vSwitch kernel datapath (topology.ts OvsDatapathIface).
const ovsSchema = z.strictObject({ kind: z.literal('openvswitch'), ...ifaceBase });

// An IPv4-in-IPv4 tunnel, the ipip module's fallback tunl0 (topology.ts IpipIface).
const ipipSchema = z.strictObject({ kind: z.literal('ipip'), ...ifaceBase });

// A WireGuard device (topology.ts WireguardIface): layer 3, so its MAC is the all-zero `link/none`.
const wireguardSchema = z.strictObject({ kind: z.literal('wireguard'), ...ifaceBase, mac: anyMac, listenPort: intIn(1, 65535) });

/** One interface: a veth, an Ethernet NIC on a segment, a bridge, a VXLAN device, an OVS datapath, an IPIP tunnel or a WireGuard device, told apart by `kind`. */
export const ifaceSchema = z.discriminatedUnion('kind', [vethSchema, etherSchema, bridgeSchema, vxlanSchema, ovsSchema, ipipSchema, wireguardSchema]);

export const routeSchema = z.strictObject({
  dst: routeDst,
  via: z.optional(ip),
  dev: z.string(),
  onlink: z.optional(z.boolean()),
  src: z.optional(ip),
  metric: z.optional(intIn(0, 4294967295, (n) => LINUX.badMetric(String(n)))),
  op: z.optional(z.enum(['add', 'prepend', 'append', 'replace'])),
});

export const neighbourSchema = z.strictObject({ ip, mac: anyMac, dev: z.string(), state: z.literal('PERMANENT') });

export const fdbSchema = z.strictObject({ mac: fdbMac, dev: z.string(), dst: ip });

export const listenerSchema = z.strictObject({ proto: z.enum(['udp', 'tcp']), port: intIn(1, 65535) });

const nsFields = {
  interfaces: z.array(ifaceSchema),
  routes: z.optional(z.array(routeSchema)),
  neighbours: z.optional(z.array(neighbourSchema)),
  fdb: z.optional(z.array(fdbSchema)),
  sysctls: z.optional(nsSysctlsSchema),
  listeners: z.optional(z.array(listenerSchema)),
};

/** A pod: a namespace with a name. */
export const podSchema = z.strictObject({ name: nsName, ...nsFields });

/** host-local's cursor per network (`last_reserved_ip.0`), see NodeCniState. */
const cniSchema = z.strictObject({ lastReservedIp: z.optional(z.record(z.string(), ip)), podCidr: z.optional(routeDst) });

const machineFields = {
  name: nsName,
  role: z.enum(['node', 'router', 'host']),
  ...nsFields,
  position: z.optional(z.strictObject({ x: z.number(), y: z.number() })),
  cni: z.optional(cniSchema),
};

/** A machine with its root namespace's fields, its pods only as a list (each is checked with {@link podSchema}). */
export const machineShellSchema = z.strictObject({ ...machineFields, pods: z.optional(z.array(z.unknown())) });

/** A whole machine, pods included. */
export const machineSchema = z.strictObject({ ...machineFields, pods: z.optional(z.array(podSchema)) });

export const segmentSchema = z.strictObject({ id: nonEmpty, label: z.optional(z.string()) });

/** Seconds since the control plane registered: whole, 0 to a century. */
const clusterSeconds = intIn(0, 3_155_760_000);

/** The Kubernetes cluster a lab models (ClusterSpec). */
export const clusterSchema = z.strictObject({
  tool: z.enum(['minikube', 'kind', 'kubernetes']),
  profile: nonEmpty,
  kubernetesVersion: nonEmpty,
  now: clusterSeconds,
  nodes: z.array(z.strictObject({
    name: nonEmpty, joinedAt: clusterSeconds, controlPlane: z.optional(z.boolean()), version: z.optional(nonEmpty),
    externalIp: z.optional(nonEmpty), osImage: z.optional(nonEmpty), kernelVersion: z.optional(nonEmpty), containerRuntime: z.optional(nonEmpty),
  })),
  daemonSets: z.array(z.strictObject({ namespace: nonEmpty, name: nonEmpty, nodeSelector: z.optional(z.string()), createdAt: clusterSeconds })),
  pods: z.array(z.strictObject({
    namespace: nonEmpty, name: nonEmpty, node: z.string(), createdAt: clusterSeconds,
    ns: z.optional(z.string()), daemonSet: z.optional(z.string()), containers: z.optional(intIn(1, 100)),
    status: z.optional(nonEmpty), ip: z.optional(nonEmpty), restarts: z.optional(intIn(0, 1_000_000)), lastRestartAt: z.optional(clusterSeconds),
  })),
});
/** The lab's datapath mode (see DatapathSpec), told apart by `cni`. */
export const datapathSchema = z.discriminatedUnion('cni', [
  z.strictObject({ cni: z.literal('bridge') }),
  z.strictObject({ cni: z.literal('flannel'), backend: z.enum(['host-gw', 'vxlan']), network: z.optional(routeDst) }),
  z.strictObject({ cni: z.literal('calico'), encapsulation: z.enum(['none', 'vxlan', 'ipip']), pool: z.optional(routeDst) }),
  z.strictObject({ cni: z.literal('cilium'), routing: z.enum(['tunnel', 'native']), wireguard: z.optional(z.boolean()) }),
  z.strictObject({ cni: z.literal('weave') }),
]);

const topologyFields = {
  version: z.literal(1),
  name: nonEmpty,
  description: z.optional(z.strictObject({ en: z.string(), ru: z.string() })),
  segments: z.array(segmentSchema),
  cluster: z.optional(clusterSchema),
  datapath: z.optional(datapathSchema),
};

/** The top of a topology, its machines only as a list (each is checked with {@link machineShellSchema}). */
export const topologyShellSchema = z.strictObject({ ...topologyFields, machines: z.array(z.unknown()) });

/**
 * The whole topology file. `validateTopology` applies the same rules piecewise (top, machine, pod)
 * with caching; this one schema is the reference, for tools and tests.
 */
export const topologySchema = z.strictObject({ ...topologyFields, machines: z.array(machineSchema) });

/** A path as problems write it: `machines[0].pods[1].interfaces[0].mac`, odd keys as `["a b"]`. */
export function pathText(keys: readonly PropertyKey[]): string {
  let out = '';
  for (const k of keys) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (typeof k === 'string' && /^[A-Za-z_$][\w$]*$/.test(k)) out += out === '' ? k : `.${k}`;
    else out += `[${shown(typeof k === 'symbol' ? String(k) : k)}]`;
  }
  return out;
}

/** The value at `keys` inside `root`, reading own properties only; `found` is false if a step is missing. */
function valueAt(root: unknown, keys: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let v: unknown = root;
  for (const k of keys) {
    if (typeof v !== 'object' || v === null || typeof k === 'symbol' || !Object.hasOwn(v, k)) return { found: false, value: undefined };
    v = (v as Record<string | number, unknown>)[k];
  }
  return { found: true, value: v };
}

/** A zod issue as our Problem(s), with paths relative to the parsed value. */
function issueProblems(issue: z.core.$ZodIssue, root: unknown): Problem[] {
  const at = pathText(issue.path);
  const { found, value } = valueAt(root, issue.path);
  const got = shown(value);
  switch (issue.code) {
    case 'custom': {
      const p = issue.params as FieldProblem | undefined;
      return p ? [problem(at, p.code, p.params as never)] : [problem(at, 'invalid', { got })];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => problem(pathText([...issue.path, key]), 'unknown-key', { key: shown(key) }));
    case 'invalid_union':
      // A `kind` no interface has: zod names the discriminator and the kinds it knows.
      return [problem(at, 'one-of', { options: JSON.stringify('options' in issue ? (issue.options ?? []) : []), got })];
    case 'invalid_value':
      return [problem(at, 'one-of', { options: JSON.stringify(issue.values), got })];
    case 'invalid_type':
      if (!found) return [problem(at, 'missing', {})];
      switch (issue.expected) {
        case 'array':
          return [problem(at, 'not-array', {})];
        case 'object':
          return [problem(at, 'not-object', {})];
        case 'string':
          return [problem(at, 'not-string', { got })];
        case 'boolean':
          return [problem(at, 'not-boolean', { got })];
        case 'number':
          return [problem(at, 'not-number', { got })];
        default:
          return [problem(at, 'invalid', { got })];
      }
    default:
      return [problem(at, 'invalid', { got })];
  }
}

/**
 * Parses `value` with `schema` and returns what is wrong as Problems, paths relative to `value`,
 * one per place (the first zod reports there), in zod's order. Empty when the value fits.
 */
export function schemaProblems(schema: z.ZodMiniType, value: unknown): Problem[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    for (const p of issueProblems(issue, value)) {
      if (seen.has(p.path)) continue;
      seen.add(p.path);
      out.push(p);
    }
  }
  return out;
}

// Importing this module is what lets validation check shapes (./shapes.ts): the pages load it with
// their first untrusted input (a link's lab, a file, storage, the editor), never for their own labs.
registerShapeChecks({
  topology: (v) => schemaProblems(topologyShellSchema, v),
  machine: (v) => schemaProblems(machineShellSchema, v),
  pod: (v) => schemaProblems(podSchema, v),
});
