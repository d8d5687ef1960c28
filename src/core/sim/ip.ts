import type { Bilingual, Frame } from '../events';
import { lazy } from '../explain/lazy';
import { bi, packetSummary } from '../explain/describe';
import { formatIp, inPrefix, isLoopback, parseIpCached } from '../net/ipv4';
import { neighOutput } from './arp';
import { MS, SEC, WIRE_DELAY_NS, type Sim } from './engine';
import { icmpError, takeToken } from './icmp';
import { deliverLocal } from './transport';
import { kindOf, withTtl, type Packet } from './packet';
import { localRoute, lookupRoute, type Iface, type Ns, type Route } from './world';

/*
 * IPv4 input, forwarding and output (net/ipv4/ip_input.c, route.c, ip_forward.c, ip_output.c).
 */

/** ip_rcv → ip_route_input: deliver locally, forward, or drop with the reason Linux has. */
export function ipRcv(sim: Sim, dev: Iface, frame: Frame, pkt: number): void {
  const ip = frame.ipv4;
  if (!ip) return;
  const p: Packet = { ipv4: ip, kind: kindOf(frame.icmp, frame.tcp, 'request'), s: parseIpCached(ip.src) ?? 0, d: parseIpCached(ip.dst) ?? 0, id: pkt };
  if (frame.icmp) p.icmp = frame.icmp;
  if (frame.udp) p.udp = frame.udp;
  if (frame.tcp) p.tcp = frame.tcp;
  const ns = dev.ns;
  const what = (): Bilingual => packetSummary(p);

  if (isLoopback(p.d) || isLoopback(p.s)) {
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'martian', ipv4: ip,
      explain: lazy(() => bi(`${ns.name} drops the packet: 127.0.0.0/8 belongs to each host's own loopback, so a packet from or to it arriving on ${dev.name} is a "martian" (route_localnet is off).`,
        `${ns.name} отбрасывает пакет: 127.0.0.0/8 принадлежит собственному loopback каждого узла, поэтому пакет с такого адреса или на такой адрес, пришедший на ${dev.name}, — «марсианский» (route_localnet выключен).`)) });
    return;
  }
  if (ns.localAddrs.has(p.d)) {
    if (!rpfOk(sim, ns, dev, p)) return;
    const lr = localRoute(ns, p.d);
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'input', route: lr?.text ?? null, result: 'local', dev: dev.name,
      explain: lazy(() => bi(`${ip.dst} is one of ${ns.name}'s own addresses (the local table says so): the packet is for this namespace and goes up to its sockets.`,
        `${ip.dst} — собственный адрес ${ns.name} (так говорит таблица local): пакет предназначен этому namespace и поднимается к его сокетам.`)) });
    deliverLocal(sim, ns, p);
    return;
  }
  if (!dev.conf.forwarding) {
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'forwarding-disabled', ipv4: ip,
      explain: lazy(() => bi(`${ip.dst} is not ${ns.name}'s address, and forwarding is off on ${dev.name} (ip_forward=0): ${ns.name} is a host, not a router, so it silently drops ${what().en}.`,
        `${ip.dst} — не адрес ${ns.name}, а пересылка на ${dev.name} выключена (ip_forward=0): ${ns.name} — хост, а не маршрутизатор, и молча отбрасывает ${what().ru}.`)) });
    return;
  }
  const route = lookupRoute(ns, p.d);
  if (!route) {
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'input', route: null, result: 'unreachable',
      explain: lazy(() => bi(`${ns.name} looks up ${ip.dst} in its routing table: no entry matches, not even a default route.`,
        `${ns.name} ищет ${ip.dst} в таблице маршрутизации: не подходит ни одна запись, даже маршрута по умолчанию нет.`)) });
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'no-route', ipv4: ip,
      explain: lazy(() => bi(`${ns.name} drops ${what().en}: no route to ${ip.dst}. As a router it reports "net unreachable" to ${ip.src}.`,
        `${ns.name} отбрасывает ${what().ru}: нет маршрута до ${ip.dst}. Как маршрутизатор он сообщает ${ip.src} «сеть недостижима».`)) });
    // ip_error() has its own per-source limiter (burst 5, one per second) before icmp_send's.
    if (takeToken(ns.errorPeers, p.s, sim.t, SEC, 5 * SEC)) icmpError(sim, ns, p, 3, 0);
    return;
  }
  if (!rpfOk(sim, ns, dev, p)) return;
  const nexthop = route.via ?? p.d;
  sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'input', route: route.text, result: 'forward', nexthop: formatIp(nexthop), dev: route.dev.name,
    explain: lazy(() => explainForward(ns, route, ip.dst, nexthop)) });
  if (ip.ttl <= 1) {
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'ttl-exceeded', ipv4: ip,
      explain: lazy(() => bi(`The packet arrives with TTL ${ip.ttl}. Forwarding would make it 0, so ${ns.name} drops it instead.`,
        `Пакет пришёл с TTL ${ip.ttl}. После пересылки он стал бы 0, поэтому ${ns.name} его отбрасывает.`)) });
    icmpError(sim, ns, p, 11, 0);
    return;
  }
  const q = withTtl(p, ip.ttl - 1);
  sim.emit({ type: 'ttl', pkt: p.id, ns: ns.name, from: ip.ttl, to: ip.ttl - 1,
    explain: lazy(() => bi(`Every router decrements TTL by one: ${ip.ttl} → ${ip.ttl - 1}. The sender never does, and a bridge never does.`,
      `Каждый маршрутизатор уменьшает TTL на единицу: ${ip.ttl} → ${ip.ttl - 1}. Отправитель этого не делает, и мост тоже.`)) });
  if (shouldRedirect(ns, dev, route, p)) sendRedirect(sim, ns, q, nexthop);
  neighOutput(sim, route.dev, nexthop, q);
}

function explainForward(ns: Ns, route: Route, dst: string, nexthop: number): { en: string; ru: string } {
  const nh = formatIp(nexthop);
  if (route.connected) {
    return bi(`${dst} is not ${ns.name}'s own address, and ip_forward=1, so ${ns.name} routes it. The longest match is "${route.text}": directly connected, so the next hop is ${dst} itself on ${route.dev.name}.`,
      `${dst} — не адрес ${ns.name}, а ip_forward=1, поэтому ${ns.name} маршрутизирует пакет. Самое длинное совпадение — «${route.text}»: сеть подключена напрямую, следующий узел — сам ${dst} на ${route.dev.name}.`);
  }
  return bi(`${dst} is not ${ns.name}'s own address, and ip_forward=1, so ${ns.name} routes it. The longest match is "${route.text}": the next hop is the gateway ${nh} on ${route.dev.name}.`,
    `${dst} — не адрес ${ns.name}, а ip_forward=1, поэтому ${ns.name} маршрутизирует пакет. Самое длинное совпадение — «${route.text}»: следующий узел — шлюз ${nh} на ${route.dev.name}.`);
}

/**
 * rp_filter (fib_validate_source): strict mode needs the route back to the source to leave through
 * the interface the packet came in on; loose mode only needs some route back.
 */
function rpfOk(sim: Sim, ns: Ns, dev: Iface, p: Packet): boolean {
  const mode = dev.conf.rpFilter;
  if (mode === 0) return true;
  const back = lookupRoute(ns, p.s);
  if (mode === 1 ? back !== null && back.dev === dev : back !== null) return true;
  sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'rp-filter', ipv4: p.ipv4,
    explain: lazy(() => mode === 1
      ? bi(`Reverse-path filter (rp_filter=1, strict): the route back to ${p.ipv4.src} does not leave through ${dev.name}, so ${ns.name} drops the packet as possibly spoofed.`,
          `Фильтр обратного пути (rp_filter=1, строгий): маршрут обратно к ${p.ipv4.src} идёт не через ${dev.name}, поэтому ${ns.name} отбрасывает пакет как возможно поддельный.`)
      : bi(`Reverse-path filter (rp_filter=2, loose): ${ns.name} has no route at all back to ${p.ipv4.src}, so it drops the packet.`,
          `Фильтр обратного пути (rp_filter=2, мягкий): у ${ns.name} вообще нет маршрута обратно к ${p.ipv4.src}, поэтому пакет отбрасывается.`)) });
  return false;
}

/**
 * __mkroute_input(): a redirect is due only when the packet leaves by the interface it came in on,
 * send_redirects is on there, the source is directly connected on that interface (fib_validate_source
 * returned 1), and the medium is shared or the gateway is on the source's subnet.
 */
function shouldRedirect(ns: Ns, dev: Iface, route: Route, p: Packet): boolean {
  if (route.dev !== dev || !dev.conf.sendRedirects) return false;
  const back = lookupRoute(ns, p.s);
  const sourceOnLink = back !== null && back.dev === dev && back.connected;
  if (!sourceOnLink) return false;
  if (dev.conf.sharedMedia) return true;
  const gw = route.via ?? p.d;
  return dev.addrs.some((a) => inPrefix(p.s, a.ip, a.prefix) && inPrefix(gw, a.ip, a.prefix));
}

/** ip_rt_send_redirect(): back-off per source, 20 ms << n, at most 9 before going silent. */
function sendRedirect(sim: Sim, ns: Ns, p: Packet, gateway: number): void {
  const load = 20 * MS;
  const silence = load << 10;
  let peer = ns.redirectPeers.get(p.s);
  if (!peer) {
    peer = { n: 0, last: 0 };
    ns.redirectPeers.set(p.s, peer);
  }
  if (sim.t > peer.last + silence) peer.n = 0;
  if (peer.n >= 9) {
    peer.last = sim.t;
    return;
  }
  if (peer.n === 0 || sim.t > peer.last + load * 2 ** peer.n) {
    if (icmpError(sim, ns, p, 5, 1, gateway)) {
      peer.last = sim.t;
      peer.n++;
    }
  }
}

/** Output of a locally created packet: route it, then resolve the next hop. */
export function ipOutput(sim: Sim, ns: Ns, p: Packet): void {
  const ip = p.ipv4;
  const loopback = isLoopback(p.d);
  if (ns.localAddrs.has(p.d) || loopback) {
    const text = loopback ? 'local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1' : (localRoute(ns, p.d)?.text ?? null);
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'output', route: text, result: 'local', dev: 'lo',
      explain: lazy(() => bi(`${ip.dst} is ${ns.name}'s own address: the packet goes through the loopback device and never touches a wire.`,
        `${ip.dst} — собственный адрес ${ns.name}: пакет идёт через loopback и не попадает ни в какой провод.`)) });
    sim.after(WIRE_DELAY_NS, () => deliverLocal(sim, ns, p));
    return;
  }
  const route = lookupRoute(ns, p.d);
  if (!route) {
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'output', route: null, result: 'unreachable',
      explain: lazy(() => bi(`${ns.name} has no route to ${ip.dst}.`, `У ${ns.name} нет маршрута до ${ip.dst}.`)) });
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, reason: 'no-route', ipv4: ip,
      explain: lazy(() => bi(`Nothing leaves ${ns.name}: the program gets "Network is unreachable" (ENETUNREACH) straight from the kernel.`,
        `Из ${ns.name} ничего не уходит: программа сразу получает от ядра «Network is unreachable» (ENETUNREACH).`)) });
    return;
  }
  const nexthop = route.via ?? p.d;
  sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'output', route: route.text, result: 'send', nexthop: formatIp(nexthop), dev: route.dev.name,
    explain: lazy(() => route.connected
      ? bi(`${ns.name} looks up ${ip.dst}: "${route.text}" says it is on the directly connected network of ${route.dev.name}, so ${ns.name} will ask for ${ip.dst}'s own MAC.`,
          `${ns.name} ищет ${ip.dst}: «${route.text}» — сеть подключена напрямую к ${route.dev.name}, поэтому ${ns.name} будет спрашивать MAC самого ${ip.dst}.`)
      : bi(`${ns.name} looks up ${ip.dst}: the matching route is "${route.text}", so the frame goes to the gateway ${formatIp(nexthop)}, and it is the gateway's MAC that ${ns.name} needs, not ${ip.dst}'s.`,
          `${ns.name} ищет ${ip.dst}: подходит маршрут «${route.text}», значит, кадр уходит шлюзу ${formatIp(nexthop)}, и ${ns.name} нужен MAC шлюза, а не ${ip.dst}.`)) });
  neighOutput(sim, route.dev, nexthop, p);
}
