import type { Bilingual } from '../events';
import { bi } from '../explain/describe';
import { JourneyError } from '../errors';
import { journeyDurationMs, type JourneyResult, type JourneySpec } from '../journey';
import { invalidTopologyText } from '../i18n/problems';
import { validateTopology } from '../model/validate';
import type { Topology } from '../model/topology';
import { broadcastOf, formatIp, isLoopback, LOOPBACK, networkOf, parseIp } from '../net/ipv4';
import { chapterize } from './chapters';
import { MS, Sim } from './engine';
import { ipOutput } from './ip';
import { l4Of, type Packet } from './packet';
import { snapshot } from './snapshot';
import { indexTopology, lookupRoute, selectSource, World, type Ns } from './world';
import { outcomeOf } from './outcome';

/** A JourneySpec with every default filled in. */
export type NormalizedSpec = JourneyResult['spec'];

/** Fills defaults and checks ranges; throws an Error naming the bad field. */
export function normalizeSpec(spec: JourneySpec): NormalizedSpec {
  const proto = spec.proto ?? 'icmp';
  if (!['icmp', 'udp', 'tcp'].includes(proto)) throw new JourneyError(bi(`proto: expected icmp, udp or tcp, got "${String(proto)}"`, `proto: ожидается icmp, udp или tcp, получено «${String(proto)}»`));
  const port = spec.port ?? (proto === 'tcp' ? 80 : 53);
  const count = spec.count ?? 1;
  const intervalMs = spec.intervalMs ?? 1000;
  const check = (name: string, v: number, lo: number, hi: number): void => {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new JourneyError(bi(`${name}: expected a whole number from ${lo} to ${hi}, got ${v}`, `${name}: ожидается целое число от ${lo} до ${hi}, получено ${v}`));
  };
  check('port', port, 1, 65535);
  check('count', count, 1, 100);
  check('intervalMs', intervalMs, 1, 60000);
  if (spec.ttl !== undefined) check('ttl', spec.ttl, 1, 255);
  if (typeof spec.from !== 'string' || spec.from === '') throw new JourneyError(bi('from: expected a pod or machine name', 'from: ожидается имя пода или машины'));
  if (typeof spec.to !== 'string' || spec.to === '') throw new JourneyError(bi('to: expected a pod name, a machine name or an IPv4 address', 'to: ожидается имя пода, машины или IPv4-адрес'));
  return { from: spec.from, to: spec.to, proto, port, count, intervalMs, ttl: spec.ttl ?? 0, warm: spec.warm ?? false };
}

/** The IPv4 address `to` names: a pod's or machine's first address, or a literal IPv4 address. */
function resolveDestination(world: World, to: string): number {
  const ns = world.index.specs.has(to) ? world.ns(to) : undefined;
  if (ns) {
    for (const i of ns.ifaces.values()) if (i.addrs[0]) return i.addrs[0].ip;
    throw new JourneyError(bi(`to: "${to}" has no IPv4 address to send to`, `to: у «${to}» нет IPv4-адреса, на который можно отправить`));
  }
  const ip = parseIp(to);
  if (ip === null) throw new JourneyError(bi(`to: "${to}" is neither a pod, a machine nor an IPv4 address`, `to: «${to}» — не под, не машина и не IPv4-адрес`));
  return ip;
}

/**
 * Destinations the engine does not simulate, refused with the reason: broadcast (ping refuses it
 * without -b, and hosts ignore broadcast pings by default), multicast, and 0.0.0.0.
 */
function refuseUnsimulated(src: Ns, dst: number, text: string): void {
  const why = (en: string, ru: string): never => {
    throw new JourneyError(bi(`to: ${text} ${en}`, `to: ${text} ${ru}`));
  };
  if (dst === 0) why('means "this host" (Linux sends it to 127.0.0.1 over loopback); ask for 127.0.0.1 instead.', 'означает «этот узел» (Linux отправляет его на 127.0.0.1 через loopback); укажите 127.0.0.1.');
  if (dst >>> 28 === 14) why('is a multicast address; multicast is not simulated yet.', '— групповой (multicast) адрес; multicast пока не моделируется.');
  if (dst === 0xffffffff) why('is the limited broadcast address: ping refuses it without -b, and Linux hosts ignore broadcast pings (icmp_echo_ignore_broadcasts=1); broadcasts are not simulated.', '— ограниченный широковещательный адрес: ping без -b от него отказывается, а узлы Linux игнорируют широковещательные ping (icmp_echo_ignore_broadcasts=1); широковещание не моделируется.');
  for (const ci of src.compiled.ifaces) {
    for (const a of ci.addrs) {
      if (a.prefix < 31 && broadcastOf(a.ip, a.prefix) === dst) {
        why(`is the broadcast address of ${src.name}'s subnet ${formatIp(networkOf(a.ip, a.prefix))}/${a.prefix}: ping refuses it without -b, and Linux hosts ignore broadcast pings; broadcasts are not simulated.`,
          `— широковещательный адрес подсети ${formatIp(networkOf(a.ip, a.prefix))}/${a.prefix} у ${src.name}: ping без -b от него отказывается, а узлы Linux игнорируют широковещательные ping; широковещание не моделируется.`);
      }
    }
  }
}

/** Creates and sends packet number `k` (0-based) of the journey. */
function sendOne(sim: Sim, src: Ns, dst: number, spec: NormalizedSpec, k: number): void {
  const route = lookupRoute(src, dst);
  const s = src.localAddrs.has(dst) ? dst : isLoopback(dst) ? LOOPBACK : route ? selectSource(route, dst) : null;
  const srcIp = s ?? 0;
  const ttl = spec.ttl || src.defaultTtl;
  const ipv4 = { src: formatIp(srcIp), dst: formatIp(dst), ttl, proto: spec.proto };
  const p: Packet = { ipv4, kind: 'request', s: srcIp, d: dst, id: sim.nextPacket() };
  let explain: Bilingual;
  if (spec.proto === 'icmp') {
    p.icmp = { type: 8, code: 0, seq: k + 1 };
    explain = bi(`ping in ${src.name} sends ICMP echo request #${k + 1} to ${ipv4.dst}, TTL ${ttl}. The sender does not decrement TTL; routers will.`,
      `ping в ${src.name} отправляет ICMP эхо-запрос №${k + 1} на ${ipv4.dst}, TTL ${ttl}. Отправитель TTL не уменьшает — это делают маршрутизаторы.`);
  } else if (spec.proto === 'udp') {
    p.udp = { sport: src.nextPort++, dport: spec.port };
    explain = bi(`A program in ${src.name} sends one UDP datagram to ${ipv4.dst}:${spec.port} (TTL ${ttl}).`, `Программа в ${src.name} отправляет одну UDP-датаграмму на ${ipv4.dst}:${spec.port} (TTL ${ttl}).`);
  } else {
    p.tcp = { sport: src.nextPort++, dport: spec.port, flags: 'S' };
    explain = bi(`A program in ${src.name} calls connect() to ${ipv4.dst}:${spec.port}: the kernel sends a TCP SYN (TTL ${ttl}).`, `Программа в ${src.name} вызывает connect() к ${ipv4.dst}:${spec.port}: ядро отправляет TCP SYN (TTL ${ttl}).`);
  }
  sim.emit({ type: 'send', pkt: p.id, ns: src.name, ipv4, ...l4Of(p), kind: 'request', explain });
  ipOutput(sim, src, p);
}

function schedule(sim: Sim, src: Ns, dst: number, spec: NormalizedSpec, start: number): void {
  for (let k = 0; k < spec.count; k++) {
    const at = start + k * spec.intervalMs * MS;
    sim.after(at - sim.t, () => sendOne(sim, src, dst, spec, k));
  }
}

/**
 * Runs a journey on a topology and returns its event log. Deterministic: the same topology and
 * spec always give the same events. Throws an Error whose message names what is wrong in either.
 */
export function runJourney(topology: Topology, spec: JourneySpec): JourneyResult {
  const errors = validateTopology(topology);
  if (errors.length > 0) throw new JourneyError({ en: invalidTopologyText(errors, 'en'), ru: invalidTopologyText(errors, 'ru') });
  const s = normalizeSpec(spec);
  const world = new World(indexTopology(topology));
  const src = world.ns(s.from);
  if (!src) throw new JourneyError(bi(`from: no pod or machine named "${s.from}"`, `from: нет пода или машины с именем «${s.from}»`));
  const dst = resolveDestination(world, s.to);
  refuseUnsimulated(src, dst, s.to);
  const sim = new Sim(world);
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
  for (const ns of world.builtNamespaces()) {
    for (const [iface, table] of ns.neigh) {
      for (const n of table.values()) for (const q of n.queue) pending.push({ ns: ns.name, iface, nexthop: formatIp(n.ip), pkt: q.packet.id });
    }
  }
  const dstIp = formatIp(dst);
  return { spec: s, dstIp, events, initial, chapters: chapterize(world, s, dstIp, events), outcome: outcomeOf(s, dstIp, events), pending };
}
