import type { Bilingual, Frame, NeighState } from '../events';
import { lazy } from '../explain/lazy';
import { bi, packetSummary } from '../explain/describe';
import { BROADCAST_MAC, formatIp, parseIpCached, ZERO_MAC } from '../net/ipv4';
import { SEC, type Sim } from './engine';
import { icmpError } from './icmp';
import { xmit } from './link';
import { l4Of, type Packet } from './packet';
import { lookupRoute, neighTable, selectSource, type Iface, type Neigh } from './world';

/*
 * The IPv4 neighbour subsystem (net/ipv4/arp.c, net/core/neighbour.c) with Linux's default timers.
 * reachable_time is randomised by Linux between 15 and 45 s; the engine uses the 30 s base so runs
 * are deterministic.
 */
const REACHABLE_TIME = 30 * SEC;
const RETRANS_TIME = 1 * SEC;
const DELAY_PROBE_TIME = 5 * SEC;
const LOCKTIME = 1 * SEC;
const UCAST_PROBES = 3;
const MCAST_PROBES = 3;

const VALID: ReadonlySet<NeighState> = new Set(['REACHABLE', 'STALE', 'DELAY', 'PROBE', 'PERMANENT']);

/** Sends `packet` out of `dev` to the next hop, resolving its MAC first if needed (neigh_output). */
export function neighOutput(sim: Sim, dev: Iface, nexthop: number, packet: Packet): void {
  const table = neighTable(dev.ns, dev.name);
  const nhText = formatIp(nexthop);
  let n = table.get(nexthop);
  if (!n || n.state === 'FAILED') {
    const from = n?.state ?? null;
    n = n ?? { ip: nexthop, dev, state: 'INCOMPLETE', mac: null, updated: sim.t, confirmed: 0, used: sim.t, probes: 0, queue: [], timer: 0 };
    table.set(nexthop, n);
    n.state = 'INCOMPLETE';
    n.updated = sim.t;
    n.used = sim.t;
    n.probes = UCAST_PROBES;
    n.queue = [{ packet }];
    sim.emit({ type: 'neigh', ns: dev.ns.name, iface: dev.name, ip: nhText, action: 'update', from, to: 'INCOMPLETE', mac: null, queued: 1,
      explain: lazy(() => bi(`${dev.ns.name} needs the MAC of ${nhText} on ${dev.name} and has no ARP entry for it, so it creates an INCOMPLETE entry, parks the packet in its queue and asks with an ARP broadcast.`,
        `${dev.ns.name} нужен MAC-адрес ${nhText} на ${dev.name}, а записи в ARP-таблице нет: создаётся запись INCOMPLETE, пакет ждёт в её очереди, а в сеть уходит широковещательный ARP-запрос.`)) });
    armTimer(sim, n, RETRANS_TIME);
    solicit(sim, n);
    return;
  }
  n.used = sim.t;
  if (n.state === 'INCOMPLETE') {
    n.queue.push({ packet });
    sim.emit({ type: 'neigh', ns: dev.ns.name, iface: dev.name, ip: nhText, action: 'lookup', from: 'INCOMPLETE', to: 'INCOMPLETE', mac: null, queued: n.queue.length,
      explain: lazy(() => bi(`The ARP question for ${nhText} is still open: this packet waits in the queue too.`, `ARP-запрос о ${nhText} ещё без ответа: этот пакет тоже ждёт в очереди.`)) });
    return;
  }
  const mac = n.mac;
  const state = n.state;
  if (state === 'STALE') {
    setState(n, 'DELAY', sim);
    armTimer(sim, n, DELAY_PROBE_TIME);
    sim.emit({ type: 'neigh', ns: dev.ns.name, iface: dev.name, ip: nhText, action: 'update', from: 'STALE', to: 'DELAY', mac, queued: 0,
      explain: lazy(() => bi(`The entry for ${nhText} is STALE: Linux uses its MAC ${mac} at once, without asking, and moves it to DELAY. If nothing confirms it within 5 s, it will send a unicast ARP probe.`,
        `Запись для ${nhText} в состоянии STALE: Linux сразу использует MAC ${mac}, не спрашивая, и переводит запись в DELAY. Если за 5 с ничто её не подтвердит, будет отправлен одноадресный ARP-запрос.`)) });
  } else {
    sim.emit({ type: 'neigh', ns: dev.ns.name, iface: dev.name, ip: nhText, action: 'lookup', from: state, to: state, mac, queued: 0,
      explain: lazy(() => bi(`The ARP cache already has ${nhText} at ${mac} (${state}): no ARP needed.`, `В ARP-кэше уже есть ${nhText} → ${mac} (${state}): ARP не нужен.`)) });
  }
  sendResolved(sim, dev, mac as string, packet);
}

/** Puts the Ethernet header on and transmits. */
function sendResolved(sim: Sim, dev: Iface, mac: string, packet: Packet): void {
  const frame: Frame = { eth: { src: dev.mac, dst: mac, type: 'ipv4' }, ipv4: packet.ipv4, ...l4Of(packet) };
  xmit(sim, dev, frame, { kind: packet.kind, pkt: packet.id });
}

function setState(n: Neigh, state: NeighState, sim: Sim): void {
  if (n.state !== state) n.updated = sim.t;
  n.state = state;
}

function armTimer(sim: Sim, n: Neigh, delay: number): void {
  const token = sim.nextToken();
  n.timer = token;
  sim.after(delay, () => {
    if (n.timer === token) onTimer(sim, n);
  });
}

/** neigh_timer_handler. */
function onTimer(sim: Sim, n: Neigh): void {
  const now = sim.t;
  const before = n.state;
  const ns = n.dev.ns.name;
  const ip = formatIp(n.ip);
  if (n.state === 'REACHABLE') {
    if (now < n.confirmed + REACHABLE_TIME) return armTimer(sim, n, n.confirmed + REACHABLE_TIME - now);
    if (now < n.used + DELAY_PROBE_TIME) {
      setState(n, 'DELAY', sim);
      armTimer(sim, n, DELAY_PROBE_TIME);
    } else setState(n, 'STALE', sim);
  } else if (n.state === 'DELAY') {
    if (now < n.confirmed + DELAY_PROBE_TIME) {
      setState(n, 'REACHABLE', sim);
      armTimer(sim, n, n.confirmed + REACHABLE_TIME - now);
    } else {
      setState(n, 'PROBE', sim);
      n.probes = 0;
      armTimer(sim, n, RETRANS_TIME);
    }
  } else if (n.state === 'INCOMPLETE' || n.state === 'PROBE') {
    armTimer(sim, n, RETRANS_TIME);
  } else return;

  const max = UCAST_PROBES + (n.state === 'PROBE' ? 0 : MCAST_PROBES);
  if ((n.state === 'INCOMPLETE' || n.state === 'PROBE') && n.probes >= max) {
    const failedFrom = n.state;
    const probes = n.probes;
    n.timer = 0;
    setState(n, 'FAILED', sim);
    const queued = n.queue;
    n.queue = [];
    sim.emit({ type: 'neigh', ns, iface: n.dev.name, ip, action: 'update', from: failedFrom, to: 'FAILED', mac: n.mac, queued: 0,
      explain: lazy(() => bi(`Nobody answered ${probes} ARP requests for ${ip}, one per second: the entry becomes FAILED and the ${queued.length} waiting packet(s) are thrown away.`,
        `На ${probes} ARP-запроса о ${ip}, по одному в секунду, никто не ответил: запись становится FAILED, ожидавшие пакеты (${queued.length}) выбрасываются.`)) });
    for (const q of queued) {
      const what = (): Bilingual => packetSummary(q.packet);
      sim.emit({ type: 'drop', ns, iface: n.dev.name, reason: 'neigh-failed', ipv4: q.packet.ipv4, pkt: q.packet.id,
        explain: lazy(() => bi(`${what().en} is dropped: its next hop ${ip} never answered ARP. Linux reports "host unreachable" to the sender.`,
          `${what().ru} отброшен: следующий узел ${ip} так и не ответил на ARP. Linux сообщает отправителю «узел недостижим».`)) });
      icmpError(sim, n.dev.ns, q.packet, 3, 1);
    }
    return;
  }
  if (n.state !== before) {
    const to = n.state;
    const mac = n.mac;
    sim.emit({ type: 'neigh', ns, iface: n.dev.name, ip, action: 'update', from: before, to, mac, queued: n.queue.length, explain: lazy(() => timerText(ip, before, to, mac)) });
  }
  if (n.state === 'INCOMPLETE' || n.state === 'PROBE') solicit(sim, n);
}

function timerText(ip: string, before: NeighState, to: NeighState, mac: string | null): Bilingual {
  switch (to) {
    case 'DELAY':
      return bi(`The REACHABLE time of ${ip} ran out while it is still in use: DELAY, waiting for a confirmation.`, `Время REACHABLE для ${ip} истекло, но запись используется: DELAY, ждём подтверждения.`);
    case 'STALE':
      return bi(`Nothing confirmed ${ip} for the reachable time: the entry becomes STALE (still usable, but to be checked on next use).`, `${ip} не подтверждался дольше reachable time: запись становится STALE (ею можно пользоваться, но при следующем использовании её проверят).`);
    case 'REACHABLE':
      return bi(`${ip} was confirmed meanwhile: back to REACHABLE.`, `${ip} за это время подтвердился: снова REACHABLE.`);
    case 'PROBE':
      return bi(`5 s in DELAY and no confirmation for ${ip}: Linux now probes it with unicast ARP requests to ${mac}.`, `5 с в DELAY без подтверждения ${ip}: теперь Linux проверяет его одноадресными ARP-запросами на ${mac}.`);
    default:
      return bi(`${ip}: ${before} → ${to}.`, `${ip}: ${before} → ${to}.`);
  }
}

/** arp_solicit: broadcast while INCOMPLETE, unicast to the cached MAC while PROBE. */
function solicit(sim: Sim, n: Neigh): void {
  const dev = n.dev;
  const first = n.queue[0]?.packet;
  // arp_announce=0: use the waiting packet's source if it is ours, else the device's best address.
  let spa: number | null = first && dev.ns.localAddrs.has(first.s) ? first.s : null;
  if (spa === null) {
    spa = selectSource({ src: null, via: null, dev }, n.ip);
  }
  const unicast = n.state === 'PROBE' && n.mac !== null;
  n.probes++;
  const frame: Frame = {
    eth: { src: dev.mac, dst: unicast ? (n.mac as string) : BROADCAST_MAC, type: 'arp' },
    arp: { op: 'request', sha: dev.mac, spa: formatIp(spa ?? 0), tha: ZERO_MAC, tpa: formatIp(n.ip) },
  };
  xmit(sim, dev, frame, { kind: 'arp', pkt: sim.nextPacket() });
}

/** arp_process: answer requests for our addresses, learn senders, complete pending resolutions. */
export function arpRcv(sim: Sim, dev: Iface, frame: Frame, unicastToUs: boolean, pkt: number): void {
  const arp = frame.arp;
  if (!arp) return;
  const ns = dev.ns;
  const sip = parseIpCached(arp.spa) ?? 0;
  const tip = parseIpCached(arp.tpa) ?? 0;
  const table = neighTable(ns, dev.name);
  if (arp.op === 'request' && ns.localAddrs.has(tip)) {
    // neigh_event_ns(): a request for one of our addresses teaches us the asker (STALE), so our
    // reply, and the asker's next packets to us, need no ARP of their own.
    updateFromArp(sim, dev, table, sip, arp.sha, 'STALE', true, true);
    xmit(sim, dev, arpReply(dev, arp), { kind: 'arp', pkt: sim.nextPacket() });
    return;
  }
  if (arp.op === 'request' && dev.conf.forwarding && dev.conf.proxyArp) {
    // arp_fwd_proxy(): answer for an address this namespace would route out of another device.
    const route = lookupRoute(ns, tip);
    if (route && route.dev !== dev) {
      updateFromArp(sim, dev, table, sip, arp.sha, 'STALE', true, true);
      // A request addressed to our MAC is answered at once; a broadcast waits up to proxy_delay.
      const delay = unicastToUs ? 0 : Math.floor(dev.conf.proxyDelayNs / 2);
      const nsName = ns.name;
      const via = route.dev.name;
      sim.emit({ type: 'route', pkt, ns: nsName, dst: arp.tpa, direction: 'input', route: route.text, result: 'proxy-arp', nexthop: arp.tpa, dev: via,
        explain: lazy(() => bi(`${arp.tpa} is not ${nsName}'s address, but proxy_arp is on for ${dev.name} and ${nsName} would route ${arp.tpa} out of ${via}: so ${nsName} answers with its own MAC ${dev.mac} and will forward whatever is sent to it.${delay ? ` Linux waits a random time below proxy_delay before answering a broadcast; the simulator waits ${delay / 1e6} ms.` : ' proxy_delay is 0, so the answer goes at once.'}`,
          `${arp.tpa} — не адрес ${nsName}, но на ${dev.name} включён proxy_arp, а ${arp.tpa} ${nsName} отправил бы через ${via}: поэтому ${nsName} отвечает своим MAC ${dev.mac} и перешлёт всё, что ему пришлют.${delay ? ` На широковещательный запрос Linux отвечает через случайное время меньше proxy_delay; симулятор ждёт ${delay / 1e6} мс.` : ' proxy_delay = 0, поэтому ответ уходит сразу.'}`)) });
      const reply = arpReply(dev, arp);
      if (delay === 0) xmit(sim, dev, reply, { kind: 'arp', pkt: sim.nextPacket() });
      else sim.after(delay, () => xmit(sim, dev, reply, { kind: 'arp', pkt: sim.nextPacket() }));
      return;
    }
  }
  const n = table.get(sip);
  if (!n) {
    sim.emit({ type: 'drop', ns: ns.name, iface: dev.name, reason: 'arp-not-for-us', pkt,
      explain: lazy(() => arp.op === 'request'
        ? bi(`${ns.name} ignores the ARP request: ${arp.tpa} is not one of its addresses, and it has no entry for ${arp.spa} to refresh, so it learns nothing.`,
            `${ns.name} игнорирует ARP-запрос: ${arp.tpa} — не его адрес, а записи о ${arp.spa}, которую можно было бы обновить, у него нет, так что он ничего не запоминает.`)
        : bi(`${ns.name} ignores an unsolicited ARP reply (arp_accept=0 creates no entries).`, `${ns.name} игнорирует непрошенный ARP-ответ (arp_accept=0 не создаёт записей).`)) });
    return;
  }
  const state: NeighState = arp.op === 'reply' && unicastToUs ? 'REACHABLE' : 'STALE';
  const override = sim.t > n.updated + LOCKTIME;
  updateFromArp(sim, dev, table, sip, arp.sha, state, override, false);
}

/** The reply to `req` from `dev`: "the target is at my MAC". */
function arpReply(dev: Iface, req: NonNullable<Frame['arp']>): Frame {
  return {
    eth: { src: dev.mac, dst: req.sha, type: 'arp' },
    arp: { op: 'reply', sha: dev.mac, spa: req.tpa, tha: req.sha, tpa: req.spa },
  };
}

/** neigh_update() for an ARP-learned address; flushes the queue when the entry becomes valid. */
function updateFromArp(sim: Sim, dev: Iface, table: Map<number, Neigh>, ip: number, mac: string, wanted: NeighState, override: boolean, create: boolean): void {
  const ipText = formatIp(ip);
  let n = table.get(ip);
  if (!n) {
    if (!create) return;
    n = { ip, dev, state: 'FAILED', mac: null, updated: sim.t, confirmed: 0, used: 0, probes: 0, queue: [], timer: 0 };
    table.set(ip, n);
    n.state = 'STALE';
    n.mac = mac;
    sim.emit({ type: 'neigh', ns: dev.ns.name, iface: dev.name, ip: ipText, action: 'update', from: null, to: 'STALE', mac, queued: 0,
      explain: lazy(() => bi(`${dev.ns.name} is going to answer this request, so Linux also records the asker, ${ipText} at ${mac}, as STALE. That is why the reply, and later traffic back, need no ARP of their own.`,
        `${dev.ns.name} собирается ответить на этот запрос, поэтому Linux заодно запоминает спрашивающего, ${ipText} → ${mac}, в состоянии STALE. Поэтому ответу и обратному трафику свой ARP не нужен.`)) });
    return;
  }
  const old = n.state;
  if (old === 'PERMANENT') return;
  const wasValid = VALID.has(old);
  let next = wanted;
  if (wasValid) {
    if (mac !== n.mac && !override) return;
    if (mac === n.mac && next === 'STALE') next = old;
  }
  if (next === 'REACHABLE') n.confirmed = sim.t;
  const macChanged = n.mac !== mac;
  if (next === old && !macChanged) return;
  n.mac = mac;
  n.updated = sim.t;
  n.state = next;
  if (next === 'REACHABLE') armTimer(sim, n, REACHABLE_TIME);
  else if (next === 'STALE') n.timer = 0;
  const queued = wasValid ? [] : n.queue;
  if (!wasValid) n.queue = [];
  const waiting = queued.length;
  sim.emit({ type: 'neigh', ns: dev.ns.name, iface: dev.name, ip: ipText, action: 'update', from: old, to: next, mac, queued: 0,
    explain: lazy(() => next === 'REACHABLE'
      ? bi(`The ARP reply answers the question: ${ipText} is at ${mac}. The entry becomes REACHABLE${waiting ? ` and the ${waiting} waiting packet(s) go out now` : ''}.`,
          `ARP-ответ получен: ${ipText} находится на ${mac}. Запись становится REACHABLE${waiting ? `, и ожидавшие пакеты (${waiting}) уходят сейчас` : ''}.`)
      : bi(`${ipText} is now at ${mac} (${next}).`, `${ipText} теперь на ${mac} (${next}).`)) });
  for (const q of queued) sendResolved(sim, dev, mac, q.packet);
}
