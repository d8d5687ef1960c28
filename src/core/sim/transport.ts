import type { Bilingual, TcpHeader } from '../events';
import { lazy } from '../explain/lazy';
import { bi, icmpName, packetSummary } from '../explain/describe';
import type { Sim } from './engine';
import { icmpError } from './icmp';
import { ipOutput } from './ip';
import { l4Of, type Packet } from './packet';
import type { Ns } from './world';

/*
 * What the destination's kernel does with a packet addressed to it: answer echo requests itself,
 * hand datagrams and segments to listening sockets, and refuse the rest (port unreachable, RST).
 */

/** Local delivery (ip_local_deliver) and the kernel's own answers. */
export function deliverLocal(sim: Sim, ns: Ns, p: Packet): void {
  const what = (): Bilingual => packetSummary(p);
  const base = { type: 'deliver' as const, ns: ns.name, ipv4: p.ipv4, kind: p.kind, pkt: p.id };
  if (p.icmp) {
    const { type, seq } = p.icmp;
    if (type === 8) {
      sim.emit({ ...base, icmp: p.icmp, explain: lazy(() => bi(`${ns.name} receives the echo request. No program is involved: the kernel itself answers pings.`,
        `${ns.name} получает эхо-запрос. Программа не участвует: на ping отвечает само ядро.`)) });
      answer(sim, ns, p, { icmp: seq !== undefined ? { type: 0, code: 0, seq } : { type: 0, code: 0 } }, 'reply', lazy(() =>
        bi(`${ns.name} builds the echo reply: source and destination swapped, a fresh TTL of ${ns.defaultTtl}. It is routed on its own, like any new packet.`,
          `${ns.name} формирует эхо-ответ: адреса меняются местами, TTL снова ${ns.defaultTtl}. Он маршрутизируется сам по себе, как любой новый пакет.`)));
      return;
    }
    const name = icmpName(type, p.icmp.code);
    const text = type === 0
      ? bi(`The echo reply reaches ping in ${ns.name}: the round trip is complete.`, `Эхо-ответ доходит до ping в ${ns.name}: путь туда и обратно пройден.`)
      : type === 5
        ? redirectText(ns, p)
        : bi(`ICMP ${name.en} from ${p.ipv4.src} reaches ${ns.name}: the program that sent the original packet is told.`,
            `ICMP «${name.ru}» от ${p.ipv4.src} доходит до ${ns.name}: программа, отправившая исходный пакет, узнаёт об ошибке.`);
    sim.emit({ ...base, icmp: p.icmp, explain: lazy(() => text) });
    return;
  }
  const udp = p.udp;
  if (udp) {
    if (ns.listeners.has(`udp/${udp.dport}`)) {
      sim.emit({ ...base, udp: udp, explain: lazy(() => bi(`${what().en} reaches the program listening on UDP port ${udp.dport} in ${ns.name}.`, `${what().ru} доходит до программы, слушающей UDP-порт ${udp.dport} в ${ns.name}.`)) });
      return;
    }
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, reason: 'port-unreachable', ipv4: p.ipv4,
      explain: lazy(() => bi(`Nothing listens on UDP port ${udp.dport} in ${ns.name}: the datagram is dropped.`, `В ${ns.name} никто не слушает UDP-порт ${udp.dport}: датаграмма отброшена.`)) });
    icmpError(sim, ns, p, 3, 3);
    return;
  }
  if (p.tcp) tcpRcv(sim, ns, p, p.tcp);
}

function redirectText(ns: Ns, p: Packet): { en: string; ru: string } {
  const gw = p.icmp?.gateway ?? '?';
  const accepts = ns.ifaces.values().some((i) => i.conf.acceptRedirects);
  return accepts
    ? bi(`${ns.name} accepts the redirect from ${p.ipv4.src}: Linux would record a route exception sending that destination straight to ${gw} (this simulator does not yet apply it to later packets).`,
        `${ns.name} принимает redirect от ${p.ipv4.src}: Linux запомнил бы исключение маршрута, отправляющее этот адрес прямо на ${gw} (симулятор пока не применяет его к следующим пакетам).`)
    : bi(`${ns.name} ignores the redirect from ${p.ipv4.src}: with ip_forward=1, Linux sets accept_redirects=0, because a router trusts its own routing table.`,
        `${ns.name} игнорирует redirect от ${p.ipv4.src}: при ip_forward=1 Linux выставляет accept_redirects=0 — маршрутизатор доверяет своей таблице маршрутизации.`);
}

/** The kernel's own answer to `to`: addresses swapped, a fresh TTL, routed like any new packet. */
function answer(sim: Sim, ns: Ns, to: Packet, l4: Pick<Packet, 'icmp'> | Pick<Packet, 'tcp'>, kind: Packet['kind'], explain: Bilingual): void {
  const r: Packet = { ipv4: { src: to.ipv4.dst, dst: to.ipv4.src, ttl: ns.defaultTtl, proto: 'icmp' in l4 ? 'icmp' : 'tcp' }, ...l4, kind, s: to.d, d: to.s, id: sim.nextPacket() };
  sim.emit({ type: 'send', pkt: r.id, ns: ns.name, ipv4: r.ipv4, ...l4Of(r), kind, explain });
  ipOutput(sim, ns, r);
}

/** TCP: a SYN gets SYN-ACK from a listener or RST-ACK; a SYN-ACK completes the handshake with ACK. */
function tcpRcv(sim: Sim, ns: Ns, p: Packet, tcp: TcpHeader): void {
  const base = { type: 'deliver' as const, ns: ns.name, ipv4: p.ipv4, kind: p.kind, pkt: p.id, tcp };
  const respond = (flags: string, kind: Packet['kind'], explain: Bilingual): void =>
    answer(sim, ns, p, { tcp: { sport: tcp.dport, dport: tcp.sport, flags } }, kind, explain);
  if (tcp.flags === 'S') {
    if (ns.listeners.has(`tcp/${tcp.dport}`)) {
      sim.emit({ ...base, explain: lazy(() => bi(`A program listens on TCP port ${tcp.dport} in ${ns.name}: the kernel accepts the connection request.`, `В ${ns.name} программа слушает TCP-порт ${tcp.dport}: ядро принимает запрос на соединение.`)) });
      respond('S.', 'reply', bi(`${ns.name} answers SYN-ACK, the second step of the three-way handshake.`, `${ns.name} отвечает SYN-ACK — второй шаг тройного рукопожатия.`));
    } else {
      sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, reason: 'tcp-no-listener', ipv4: p.ipv4,
        explain: lazy(() => bi(`Nothing listens on TCP port ${tcp.dport} in ${ns.name}.`, `В ${ns.name} никто не слушает TCP-порт ${tcp.dport}.`)) });
      respond('R.', 'reply', bi(`${ns.name} refuses with RST-ACK; the client's connect() fails with "Connection refused".`, `${ns.name} отказывает, отправляя RST-ACK; connect() у клиента завершается ошибкой «Connection refused».`));
    }
    return;
  }
  if (tcp.flags === 'S.') {
    sim.emit({ ...base, explain: lazy(() => bi(`The SYN-ACK reaches ${ns.name}: the connection is accepted.`, `SYN-ACK доходит до ${ns.name}: соединение принято.`)) });
    respond('.', 'request', bi(`${ns.name} completes the three-way handshake with an ACK: the connection is established.`, `${ns.name} завершает тройное рукопожатие пакетом ACK: соединение установлено.`));
    return;
  }
  sim.emit({ ...base, explain: lazy(() => tcp.flags.startsWith('R')
    ? bi(`The RST reaches ${ns.name}: connect() fails with "Connection refused".`, `RST доходит до ${ns.name}: connect() завершается ошибкой «Connection refused».`)
    : bi(`The segment reaches ${ns.name}'s TCP socket.`, `Сегмент доходит до TCP-сокета ${ns.name}.`)) });
}
