import { journeyDurationMs, type JourneyResult, type JourneySpec } from '../journey';
import { specError } from '../i18n/specErrors';
import { JourneyError } from '../errors';
import { invalidTopologyText } from '../i18n/problems';
import { runProblems } from '../model/vouch';
import type { Topology } from '../model/topology';
import { formatIp, isLoopback, LOOPBACK, parseIp } from '../net/ipv4';
import { MS, Sim } from './engine';
import { ipOutput } from './ip';
import { emitSend, type Packet } from './packet';
import { snapshot } from './snapshot';
import { indexTopology, lookupRoute, selectSource, World, type Ns } from './world';
import { placesOf } from './places';
import { perform } from './actions';
import { missingEnginePacks, PacksMissingError } from './packs';

/** A JourneySpec with every default filled in. */
export type NormalizedSpec = JourneyResult['spec'];

const PROTOS: ReadonlySet<string> = new Set(['icmp', 'udp', 'tcp']);
const PMTUDISC: ReadonlySet<string> = new Set(['want', 'do', 'dont']);

function check(field: 'port' | 'count' | 'intervalMs' | 'ttl' | 'size', v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw specError({ code: 'range', field, lo, hi, got: v });
}

/** Fills defaults and checks ranges; throws an Error naming the bad field. */
export function normalizeSpec(spec: JourneySpec): NormalizedSpec {
  const proto = spec.proto ?? 'icmp';
  if (!PROTOS.has(proto)) throw specError({ code: 'proto', got: String(proto) });
  const port = spec.port ?? (proto === 'tcp' ? 80 : 53);
  const count = spec.count ?? 1;
  const intervalMs = spec.intervalMs ?? 1000;
  check('port', port, 1, 65535);
  check('count', count, 1, 100);
  check('intervalMs', intervalMs, 1, 60000);
  if (spec.ttl !== undefined) check('ttl', spec.ttl, 1, 255);
  const size = spec.size ?? (proto === 'udp' ? 2 : 56);
  if (spec.size !== undefined) check('size', size, 0, 65507);
  if (typeof spec.from !== 'string' || spec.from === '') throw specError({ code: 'from-missing' });
  if (typeof spec.to !== 'string' || spec.to === '') throw specError({ code: 'to-missing' });
  const pmtudisc = spec.pmtudisc ?? 'want';
  if (!PMTUDISC.has(pmtudisc)) throw specError({ code: 'pmtudisc', got: String(pmtudisc) });
  return { from: spec.from, to: spec.to, proto, port, count, intervalMs, ttl: spec.ttl ?? 0, warm: spec.warm ?? false, size, pmtudisc };
}

/** The IPv4 address `to` names: a pod's or machine's first address, or a literal IPv4 address. */
function resolveDestination(world: World, to: string): number {
  const ns = world.index.specs.has(to) ? world.ns(to) : undefined;
  if (ns) {
    for (const i of ns.ifaces.values()) if (i.addrs[0]) return i.addrs[0].ip;
    throw specError({ code: 'to-no-address', name: to });
  }
  const ip = parseIp(to);
  if (ip === null) throw specError({ code: 'to-unknown', name: to });
  return ip;
}

/**
 * Destinations the engine does not simulate, refused with the reason: multicast and 0.0.0.0.
 * Broadcast addresses are sent as `ping -b` and a UDP program with SO_BROADCAST send them
 * (broadcast.ts, broadcastOutput).
 */
function refuseUnsimulated(src: Ns, dst: number, name: string): void {
  if (dst === 0) throw specError({ code: 'to-zero', name });
  if (dst >>> 28 === 14) throw specError({ code: 'to-multicast', name });
}

/** Creates and sends packet number `k` (0-based) of the journey. */
function sendOne(sim: Sim, src: Ns, dst: number, spec: NormalizedSpec, k: number): void {
  const route = lookupRoute(src, dst);
  const s = src.localAddrs.has(dst) ? dst : isLoopback(dst) ? LOOPBACK : route ? selectSource(route, dst) : null;
  const srcIp = s ?? 0;
  const ttl = spec.ttl || src.defaultTtl;
  const ipv4 = { src: formatIp(srcIp), dst: formatIp(dst), ttl, proto: spec.proto };
  const p: Packet = {
    ipv4,
    icmp: spec.proto === 'icmp' ? { type: 8, code: 0, seq: k + 1 } : undefined,
    udp: spec.proto === 'udp' ? { sport: src.nextPort++, dport: spec.port } : undefined,
    tcp: spec.proto === 'tcp' ? { sport: src.nextPort++, dport: spec.port, flags: 'S' } : undefined,
    kind: 'request',
    s: srcIp,
    d: dst,
    id: sim.nextPacket(),
    // ping -s size (8-byte ICMP header), one datagram of `size` bytes, a SYN with its 20 bytes of
    // options. DF follows the socket's IP_MTU_DISCOVER once the route is known (ipOutput); TCP
    // always sets it.
    len: 20 + (spec.proto === 'tcp' ? 40 : 8 + (spec.size ?? 56)),
    df: true,
    encap: undefined,
  };
  emitSend(sim, src.name, p, 'app');
  ipOutput(sim, src, p, spec.proto === 'tcp' ? 'keep' : spec.pmtudisc);
}

function schedule(sim: Sim, src: Ns, dst: number, spec: NormalizedSpec, start: number): void {
  for (let k = 0; k < spec.count; k++) {
    const at = start + k * spec.intervalMs * MS;
    sim.after(at - sim.t, { op: 'call', fn: () => sendOne(sim, src, dst, spec, k) });
  }
}

/**
 * Runs a journey on a topology and returns its event log. Deterministic: the same topology and
 * spec always give the same events. Throws an Error whose message names what is wrong in either.
 * `options.hearEvery` builds every NIC a segment floods instead of letting quiet ones hear without
 * their namespace (hear.ts): the same result, slower; tests compare the two.
 * @throws PacksMissingError (before anything runs) when the lab needs datapath packs that are not
 * loaded (sim/packs.ts: await `loadPacks(missingPacks(topology))` first): an encapsulation is never
 * skipped; or, for a lab not vouched valid (model/vouch.ts), when the validator is not loaded.
 */
export function runJourney(topology: Topology, spec: JourneySpec, options: { hearEvery?: boolean } = {}): JourneyResult {
  // A vouched lab (the seed, a scenario's, a generated cluster) needs no validator; any other does.
  const errors = runProblems(topology);
  if (errors === null) throw new PacksMissingError(['validation', ...missingEnginePacks(topology)]);
  if (errors.length > 0) throw new JourneyError({ en: invalidTopologyText(errors, 'en'), ru: invalidTopologyText(errors, 'ru') });
  const missing = missingEnginePacks(topology);
  if (missing.length > 0) throw new PacksMissingError(missing);
  const s = normalizeSpec(spec);
  const world = new World(indexTopology(topology), options.hearEvery ?? false);
  const src = world.ns(s.from);
  if (!src) throw specError({ code: 'from-unknown', name: s.from });
  const dst = resolveDestination(world, s.to);
  refuseUnsimulated(src, dst, s.to);
  const sim = new Sim(world, perform);
  const duration = journeyDurationMs(s) * MS;
  let start = 0;
  if (s.warm) {
    // An identical journey just before this one fills the caches; its events are not shown.
    schedule(sim, src, dst, s, 0);
    sim.runUntil(duration);
    sim.events = [];
    start = duration;
    sim.base = duration;
  }
  const initial = snapshot(world);
  schedule(sim, src, dst, s, start);
  sim.runUntil(start + duration);
  const events = sim.events;
  const pending: JourneyResult['pending'] = [];
  // Packets still waiting for a neighbour, by namespace in the order the journey reached them.
  const holding = [...world.builtNamespaces()].filter((ns) => [...ns.neigh.values()].some((table) => [...table.values()].some((n) => n.queue.length > 0)));
  for (const ns of world.inReachOrder(holding)) {
    for (const [iface, table] of ns.neigh) {
      for (const n of table.values()) for (const q of n.queue) pending.push({ ns: ns.name, iface, nexthop: n.ipText, pkt: q.packet.id });
    }
  }
  return { spec: s, dstIp: formatIp(dst), dstNs: world.index.addrOwner.get(dst) ?? null, events, initial, places: placesOf(world, events), pending };
}
