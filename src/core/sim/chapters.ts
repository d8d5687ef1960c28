import type { Bilingual, HopEvent } from '../events';
import { bi } from '../explain/describe';
import type { Chapter } from '../journey';
import type { NormalizedSpec } from './runJourney';
import { parseIp } from '../net/ipv4';
import type { Iface, Ns, World } from './world';

/*
 * Splits a journey's log into chapters. For a pod-to-pod journey across nodes through a router these
 * are the nine steps of the course notes, each anchored on the first event that begins it; where the
 * notes simplify, the chapter carries a correction. Steps that do not happen (same-node traffic never
 * meets the router) are left out, so the same code serves every journey.
 */

interface Anchor {
  find: (e: HopEvent) => boolean;
  title: Bilingual;
  correction?: Bilingual;
  /** Drop the correction: it does not apply to this journey. */
  noCorrection?: boolean;
}

/** The host-side end of a pod's veth, in the pod's machine's root namespace. */
function hostEnd(world: World, pod: Ns): Iface | null {
  if (!pod.isPod) return null;
  for (const i of pod.ifaces.values()) if (i.peerRef?.ns === pod.machine) return world.peer(i);
  return null;
}

function uplinks(ns: Ns | undefined): Set<string> {
  return new Set((ns?.ifaces.values() ?? []).filter((i) => i.kind === 'ether').map((i) => i.name));
}

/** Builds the chapters of a journey's log. */
export function chapterize(world: World, spec: NormalizedSpec, dstIp: string, events: HopEvent[]): Chapter[] {
  const src = world.ns(spec.from);
  const first = events.find((e) => e.type === 'send' && e.ns === spec.from);
  if (!src || !first || first.type !== 'send') return [];
  const srcIp = first.ipv4.src;
  const srcRoot = world.ns(src.machine);
  const owner = world.index.addrOwner.get(parseIp(dstIp) ?? -1);
  const dstNs = owner !== undefined ? world.ns(owner) : undefined;
  const dstRoot = dstNs ? world.ns(dstNs.machine) : undefined;
  const srcVeth = hostEnd(world, src);
  const dstVeth = dstNs ? hostEnd(world, dstNs) : null;
  const srcUp = uplinks(srcRoot);
  const dstUp = uplinks(dstRoot);
  const req = (e: HopEvent): boolean => 'ipv4' in e && e.ipv4 !== undefined && e.ipv4.src === srcIp && e.ipv4.dst === dstIp;
  const frameAt = (e: HopEvent, ns: string | undefined, dir: 'in' | 'out', ifaces: (name: string) => boolean): boolean =>
    e.type === 'frame' && e.ns === ns && e.dir === dir && ifaces(e.iface) && req(e);
  const s = src.name;
  const sr = srcRoot?.name ?? '?';
  const dr = dstRoot?.name ?? '?';
  const d = dstNs?.name ?? dstIp;
  const brSrc = srcVeth?.master?.dev.name ?? 'bridge';
  const brDst = dstVeth?.master?.dev.name ?? 'bridge';

  // The gateway correction is only true when the source's own route sends the packet to a gateway.
  const firstRoute = events.find((e) => e.type === 'route' && e.ns === s && e.direction === 'output');
  const viaGateway = firstRoute?.type === 'route' && firstRoute.result === 'send' && firstRoute.nexthop !== dstIp;
  const anchors: Anchor[] = [
    {
      find: (e) => e === first,
      title: bi(`The packet leaves ${s} through eth0`, `Пакет покидает ${s} через eth0`),
      ...(viaGateway ? {} : { noCorrection: true }),
      correction: bi(`Before anything leaves, ${s} looks up ${dstIp} in its own routing table. For a destination outside its subnet the route points at its gateway, so ${s} ARPs for the gateway's MAC, not for ${d}.`,
        `Прежде чем что-то отправить, ${s} ищет ${dstIp} в своей таблице маршрутизации. Для адреса вне своей подсети маршрут указывает на шлюз, поэтому ${s} выясняет по ARP MAC-адрес шлюза, а не ${d}.`),
    },
    {
      find: (e) => srcVeth !== null && frameAt(e, sr, 'in', (i) => i === srcVeth.name),
      title: bi(`It enters ${sr}'s root namespace through ${srcVeth?.name ?? 'the veth'}`, `Он попадает в root namespace ${sr} через ${srcVeth?.name ?? 'veth'}`),
    },
    {
      find: (e) => e.type === 'fdb' && e.ns === sr && e.bridge === brSrc && (e.action === 'local' || e.action === 'forward'),
      title: bi(`The bridge ${brSrc}`, `Мост ${brSrc}`),
    },
    {
      find: (e) => e.type === 'route' && e.ns === sr && e.direction === 'input' && e.dst === dstIp,
      title: bi(`${sr} routes it and resolves the next hop`, `${sr} маршрутизирует его и выясняет следующий узел`),
      correction: bi(`The notes say the bridge sends an ARP request looking for the destination. A bridge never ARPs. ${s} already asked for its gateway in step 1; now ${sr}'s IP stack asks only for the next hop of its route (the router), on its uplink. Nobody on this node asks for ${dstIp}.`,
        `В конспекте сказано, что мост делает ARP-запрос в поисках адресата. Мост никогда не делает ARP. ${s} уже спросил про свой шлюз на шаге 1; теперь IP-стек ${sr} спрашивает только про следующий узел своего маршрута (маршрутизатор), через внешний интерфейс. Про ${dstIp} на этой ноде никто не спрашивает.`),
    },
    {
      find: (e) => frameAt(e, sr, 'out', (i) => srcUp.has(i)),
      title: bi(`It leaves ${sr} through its NIC`, `Он покидает ${sr} через сетевую карту`),
    },
    {
      find: (e) => e.type === 'frame' && e.dir === 'in' && world.index.specs.get(e.ns)?.role === 'router' && req(e),
      title: bi('The router forwards it to the destination node', 'Маршрутизатор пересылает его на ноду назначения'),
    },
    {
      find: (e) => dr !== sr && frameAt(e, dr, 'in', (i) => dstUp.has(i)),
      title: bi(`${dr} receives it and routes it to ${brDst}`, `${dr} принимает его и маршрутизирует на ${brDst}`),
      correction: bi(`The notes say the packet is passed on to the bridge. It is routed: ${dr}'s IP stack matches the connected route of ${brDst}'s subnet and decrements TTL, exactly like the router did.`,
        `В конспекте сказано, что пакет перенаправляется в мост. На самом деле он маршрутизируется: IP-стек ${dr} находит подключённый маршрут подсети ${brDst} и уменьшает TTL — так же, как маршрутизатор.`),
    },
    {
      find: (e) => e.type === 'neigh' && e.ns === dr && e.ip === dstIp,
      title: bi(`${dr} ARPs for ${d} on ${brDst}`, `${dr} выясняет по ARP адрес ${d} на ${brDst}`),
      correction: bi(`The notes say the bridge makes the ARP request and finds the address behind a veth. It is ${dr}'s IP stack that asks, through ${brDst}; the bridge only floods the broadcast to its ports, and ${d} answers with the MAC of its own eth0.`,
        `В конспекте сказано, что ARP-запрос делает мост и находит адрес за veth. Спрашивает IP-стек ${dr} через ${brDst}; мост лишь рассылает широковещательный запрос по портам, а ${d} отвечает MAC-адресом своего eth0.`),
    },
    {
      find: (e) => dstVeth !== null && frameAt(e, dr, 'out', (i) => i === dstVeth.name),
      title: bi(`Through ${dstVeth?.name ?? 'the veth'} into ${d}`, `Через ${dstVeth?.name ?? 'veth'} в ${d}`),
    },
    {
      find: (e) => e.type === 'send' && e.ns !== s && (e.kind === 'reply' || e.kind === 'icmp-error'),
      title: bi('The answer travels back', 'Ответ идёт обратно'),
    },
  ];

  const chapters: Chapter[] = [];
  let from = 0;
  for (const a of anchors) {
    let i = from;
    while (i < events.length && !a.find(events[i] as HopEvent)) i++;
    if (i >= events.length) continue;
    const c: Chapter = { n: chapters.length + 1, title: a.title, start: i };
    if (a.correction && !a.noCorrection) c.correction = a.correction;
    if (chapters.length > 0 && chapters[chapters.length - 1]?.start === i) continue;
    chapters.push(c);
    from = i + 1;
  }
  // Later packets each open a chapter of their own.
  for (const e of events) {
    if (e.type === 'send' && e.ns === s && e !== first && e.kind === 'request' && (e.icmp?.seq ?? 0) > 1) {
      const n = e.icmp?.seq ?? 0;
      chapters.push({ n: chapters.length + 1, title: bi(`Packet ${n}: the caches are warm now`, `Пакет ${n}: кэши уже заполнены`), start: e.seq });
    }
  }
  chapters.sort((a, b) => a.start - b.start);
  chapters.forEach((c, k) => (c.n = k + 1));
  return chapters;
}
