import { CATALOGS } from './catalogs';
import type { Lang } from './lang';

/*
 * Problems found in user input (a topology file, the editor), as data: where, which kind, and the
 * values the sentence needs. The sentence itself comes from the catalogue of the reader's language
 * (`./en/problems.ts`, `./ru/problems.ts`), so the check is written once and read in every language.
 */

/**
 * The parameters each kind of problem carries, by code. A value shown to the user as it was
 * written (`got`, `dev`) is its JSON text (`"x"`, `2`, `null`), or `undefined` when the field is
 * absent; the catalogue decides how to quote it. Names, MACs and prefixes are plain strings.
 */
export type ProblemParams = {
  /** The whole input is not a JSON object. */
  'topology-not-object': Record<string, never>;
  /** A list element or a field must be an object. */
  'not-object': Record<string, never>;
  /** A field must be an array. */
  'not-array': Record<string, never>;
  /** A field must be a non-empty string (the topology's name, a segment id). */
  'non-empty-string': Record<string, never>;
  /** `version` is not 1. */
  version: { got: string };
  /** Two segments with one id. */
  'duplicate-segment': { id: string };
  /** A pod or machine name used twice; `where` is the path of the first use. */
  'duplicate-name': { name: string; where: string };
  /** A MAC used by two interfaces; `ns` names where it was first seen. */
  'duplicate-mac': { mac: string; ns: string };
  /** A NIC plugs into a segment that `segments` does not list. */
  'unknown-segment': { id: string };
  /** A veth's peer names a pod or machine that does not exist. */
  'peer-ns-missing': { ns: string };
  /** A veth's peer names an interface its namespace does not have. */
  'peer-iface-missing': { ns: string; iface: string };
  /** The two ends of a veth do not name each other. */
  'peer-mismatch': { ns: string; iface: string; from: string; fromIface: string };
  /** A machine's role is not node, router or host. */
  role: { got: string };
  /** A pod or machine name breaks the naming rule (1-31 characters). */
  'ns-name': { got: string };
  /** An interface name breaks Linux's rule (IFNAMSIZ: at most 15 characters). */
  'iface-name': { got: string };
  /** Two interfaces with one name in a namespace. */
  'duplicate-iface': { name: string };
  /** A MAC that does not parse. */
  'mac-syntax': { got: string };
  /** A group (multicast) MAC on an interface. */
  'mac-multicast': { mac: string };
  /** An address that is not IPv4 with a prefix length. */
  'address-syntax': { got: string };
  /** `master` names no bridge in the namespace. */
  'unknown-master': { master: string };
  /** A bridge port carries an address. */
  'port-address': { bridge: string };
  /** The MTU is outside Linux's range. */
  'mtu-range': { min: number; max: number };
  /** A veth without `{ ns, iface }`. */
  'veth-peer': Record<string, never>;
  /** An ether NIC without a segment id. */
  'ether-segment': Record<string, never>;
  /** An interface kind other than veth, ether or bridge. */
  'iface-kind': { got: string };
  /** A route destination that is neither default nor a prefix. */
  'route-dst': { got: string };
  /** A route prefix with host bits set (`ip route` refuses it). */
  'route-host-bits': { dst: string };
  /** A field that must be an IPv4 address (a gateway, a source). */
  'ip-syntax': { got: string };
  /** A route or neighbour names a device the namespace does not have (`dev` as JSON text). */
  'no-such-dev': { dev: string };
  /** A gateway not reachable through its device (fib_check_nh()). */
  'gateway-unreachable': { via: string; dev: string };
  /** A static neighbour without a valid IPv4 address. */
  'neigh-ip': Record<string, never>;
  /** A static neighbour without a valid MAC. */
  'neigh-mac': Record<string, never>;
  /** A listener that is not `{ proto: "udp" | "tcp", port: 1-65535 }`. */
  listener: Record<string, never>;
  /** `sysctls.ip_default_ttl` outside its range. */
  'ttl-range': { min: number; max: number };
  /** An interface's `sysctls.proxy_delay` outside its range. */
  'proxy-delay-range': { min: number; max: number };
};

/** One kind of problem, named like the kernel would (`mac-multicast`, `iface-name`, …). */
export type ProblemCode = keyof ProblemParams;

/**
 * One problem in user input, as plain JSON-safe data: `path` says where
 * (`machines[0].pods[1].interfaces[0].mac`), `code` which kind, `params` the values its sentence
 * shows. Render it with {@link formatProblem}.
 */
export interface Problem {
  path: string;
  code: ProblemCode;
  params: Record<string, string | number>;
}

/** A sentence per problem code, in one language: what a catalogue under `./<lang>/` provides. */
export type ProblemCatalog = { readonly [C in ProblemCode]: (params: ProblemParams[C]) => string };

/** The sentences around a list of problems, in one language. */
export interface ProblemListCatalog {
  /** The tail of a shortened list: "and 11 more problems". */
  more(n: number): string;
  /** The error a journey throws on an invalid topology: "Invalid topology: LIST". */
  invalidTopology(list: string): string;
}


/**
 * Builds a problem, checking its parameters against its code at compile time. The result and its
 * params are frozen: validation caches problems and hands the same params out again.
 */
export function problem<C extends ProblemCode>(path: string, code: C, params: ProblemParams[C]): Problem {
  return Object.freeze({ path, code, params: Object.freeze({ ...params }) as Record<string, string | number> });
}

/** The same problem one level deeper: `prefix` is prepended to its path (`machines[0].`). */
export function under(prefix: string, p: Problem): Problem {
  return { path: `${prefix}${p.path}`, code: p.code, params: p.params };
}

/**
 * How a value found in user input is shown in a problem: its JSON text (`"x"`, `2`, `null`), or
 * `undefined` when absent. Never throws (a cyclic object is shown with `String()`).
 */
export function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return String(value);
  }
}

/**
 * The problem as one line in `lang`: `path: sentence`, the sentence from that language's
 * catalogue. A code no catalogue knows (data from an older version) is shown as the code itself.
 */
export function formatProblem(p: Problem, lang: Lang): string {
  const catalog = CATALOGS[lang].problems;
  if (!Object.hasOwn(catalog, p.code)) return `${p.path}: ${String(p.code)}`;
  const sentence = (catalog[p.code] as (params: Record<string, string | number>) => string)(p.params);
  return `${p.path}: ${sentence}`;
}

/** How many problems {@link problemsText} lists before it only counts the rest. */
export const PROBLEMS_LISTED = 10;

/**
 * Problems as one line in `lang`: the first {@link PROBLEMS_LISTED} joined by "; ", then how many
 * more there are, with the numeral agreeing ("and 1 more problem", «и ещё 21 ошибка»).
 */
export function problemsText(problems: readonly Problem[], lang: Lang): string {
  const shownList = problems.slice(0, PROBLEMS_LISTED).map((p) => formatProblem(p, lang));
  const rest = problems.length - shownList.length;
  if (rest > 0) shownList.push(CATALOGS[lang].problemList.more(rest));
  return shownList.join('; ');
}

/** The message of a journey refused for an invalid topology, in `lang` ("Invalid topology: …"). */
export function invalidTopologyText(problems: readonly Problem[], lang: Lang): string {
  return CATALOGS[lang].problemList.invalidTopology(problemsText(problems, lang));
}
