import type { NarratorCatalog } from '../../narrate/catalog';
import type { VisitResult } from '../../narrate/story';
import type { DropReason } from '../../events';
import { count } from '../plural';
import { icmpNameRu as icmp } from './summary';

const DROP: Record<DropReason, string> = {
  'no-route': 'нет маршрута', 'ttl-exceeded': 'TTL обнулился бы', 'neigh-failed': 'следующий хоп не ответил на ARP', 'not-for-us': 'кадр адресован не ему',
  'forwarding-disabled': 'пересылка выключена', 'rp-filter': 'фильтр обратного пути', 'port-unreachable': 'порт никто не слушает', 'tcp-no-listener': 'порт никто не слушает',
  'icmp-rate-limited': 'ограничение частоты ICMP', 'bridge-no-port': 'некуда коммутировать', martian: '«марсианский» адрес', 'iface-down': 'интерфейс выключен',
};

function fate(ns: string, r: VisitResult, dev: string | null, reason: DropReason | null): string {
  if (r === 'forward') return `${ns} маршрутизирует его дальше${dev ? ` через ${dev}` : ''}`;
  if (r === 'local') return `пакет адресован самому ${ns}`;
  if (r === 'unreachable') return `маршрута нет, пакет отброшен`;
  if (r === 'drop') return `пакет отброшен: ${reason ? DROP[reason] : 'сброс'}`;
  return `${ns} принимает его`;
}

/** Русские названия глав. */
export const chaptersRu: NarratorCatalog['chapters'] = {
  origin: (c) => {
    const what = c.what === 'ping' ? 'эхо-запрос' : c.what === 'udp' ? 'UDP-дейтаграмму' : 'TCP SYN';
    if (c.via === 'none') return `У ${c.ns} нет маршрута: ${what} не отправлен${c.what === 'udp' ? 'а' : ''}`;
    if (c.via === 'local') return `${c.ns} отправляет ${what} самому себе, через lo`;
    if (c.via === 'connected') return `${c.ns} отправляет ${what} напрямую через ${c.dev ?? '?'}`;
    return `${c.ns} отправляет ${what} через ${c.dev ?? '?'} своему шлюзу ${c.gw ?? '?'}`;
  },
  'enter-root': (c) => `Пакет попадает в корневое пространство имён ${c.ns} через ${c.iface}`,
  bridge: (c) => c.action === 'local'
    ? `Мост ${c.bridge} передаёт кадр наверх, в IP-стек ${c.ns}`
    : c.action === 'forward' ? `Мост ${c.bridge} коммутирует кадр в ${c.port ?? '?'}` : `Мост ${c.bridge} рассылает кадр во все порты`,
  route: (c) => {
    if (c.result === 'forward') return c.resolves ? `${c.ns} маршрутизирует пакет и выясняет MAC следующего хопа ${c.nexthop ?? ''}`.trim() : `${c.ns} маршрутизирует пакет к ${c.nexthop ?? '?'}`;
    return `${c.ns}: ${fate(c.ns, c.result, c.dev, c.reason)}`;
  },
  leave: (c) => `Пакет покидает ${c.ns} через ${c.iface}`,
  router: (c) => {
    const who = c.ns === 'router' ? 'Маршрутизатор' : `Маршрутизатор ${c.ns}`;
    return c.result === 'forward' ? `${who} пересылает пакет к ${c.nexthop ?? '?'}` : `${who}: ${fate(c.ns, c.result, c.dev, c.reason)}`;
  },
  arrive: (c) => c.result === 'forward'
    ? `${c.ns} принимает пакет на ${c.iface} и маршрутизирует его в ${c.dev ?? '?'}`
    : `${c.ns} принимает пакет на ${c.iface}: ${fate(c.ns, c.result, c.dev, c.reason)}`,
  'resolve-dst': (c) => c.failed ? `${c.ns} выясняет по ARP MAC-адрес ${c.target}: ответа нет` : `${c.ns} выясняет по ARP MAC-адрес ${c.target} (через ${c.dev})`,
  'into-pod': (c) => `Через ${c.iface} в ${c.pod}`,
  answer: (c) => {
    if (c.cause === 'echo-reply') return `${c.ns} отвечает: эхо-ответ идёт обратно`;
    if (c.cause === 'tcp-synack') return `${c.ns} принимает соединение: SYN-ACK идёт обратно`;
    if (c.cause === 'tcp-rst') return `${c.ns} отклоняет соединение: RST-ACK`;
    if (c.cause === 'icmp-error' && c.type !== null) return c.type === 5 ? `${c.ns} заодно отправляет ${c.to} ICMP Redirect` : `${c.ns} сообщает ${c.to}: ICMP «${icmp(c.type, c.code ?? 0)}»`;
    return `${c.ns} отвечает`;
  },
  packet: (c) => c.arp === 'known' ? `Пакет ${c.n}: MAC-адреса уже известны` : c.arp === 'waiting' ? `Пакет ${c.n}: ARP ещё не завершён` : c.arp === 'again' ? `Пакет ${c.n}: ARP начинается заново` : `Пакет ${c.n}`,
};

/** Русские поправки к конспекту. */
export const correctionsRu: NarratorCatalog['corrections'] = {
  'gateway-arp': (c) => `Прежде чем что-то отправить, ${c.src} ищет ${c.dstIp} в своей таблице маршрутизации. Адрес вне его подсети, поэтому маршрут указывает на шлюз ${c.nexthop ?? '?'}: ${c.src} выясняет по ARP MAC-адрес шлюза, а не ${c.dst}. MAC-адреса — канальный уровень (L2), и ARP спрашивает только про следующий хоп внутри своей L2-сети.`,
  'calico-gateway': (c) => `У ${c.src} адрес /32 и маршрут «default via ${c.nexthop ?? '?'}»: через этот шлюз, которого нигде нет, идёт любой трафик, даже к подам той же ноды. На ARP-запрос о ${c.nexthop ?? '?'} отвечает сама нода (proxy ARP).`,
  'bridge-no-arp': (c) => `В конспекте сказано, что мост делает ARP-запрос в поисках адресата. Мост как коммутатор сам ARP-запросов не отправляет. ${c.src} уже спросил про свой шлюз в главе 1; теперь IP-стек ${c.ns} спрашивает только про следующий хоп своего маршрута (${c.nexthop ?? '?'}) через ${c.dev ?? '?'}${c.spa ? `, и в запросе стоит «сообщите ${c.spa}» — адрес этого интерфейса, ведь адрес пода не принадлежит ${c.ns}` : ''}. Про ${c.dstIp} на этой ноде никто не спрашивает.`,
  'routing-table-decides': (c) => `В конспекте: пакет уходит в eth0, так как ни у кого на сервере нет такого IP-адреса. На самом деле решает таблица маршрутизации ${c.ns}: более точного маршрута к ${c.dstIp} нет, и маршрут по умолчанию «${c.route ?? '?'}» отправляет пакет к ${c.nexthop ?? '?'} через ${c.dev ?? '?'}.`,
  'ip-stays-mac-changes': (c) => `В конспекте маршрутизатор «отправляет пакет на интерфейс» следующей ноды. На самом деле он выбирает следующий хоп (${c.nexthop ?? '?'}): IP-адрес назначения в пакете остаётся ${c.dstIp}, меняются только MAC-адреса кадра (теперь назначение — MAC следующего хопа), а TTL уменьшается на единицу. Так работает каждый маршрутизируемый хоп.`,
  'node-routes': (c) => `В конспекте сказано, что пакет перенаправляется в мост. На самом деле он маршрутизируется: IP-стек ${c.ns} находит маршрут к подсети, подключённой напрямую к ${c.bridge ?? '?'} («${c.route ?? '?'}»), и уменьшает TTL — как и маршрутизатор.`,
  'stack-arps-bridge-floods': (c) => `В конспекте сказано, что ARP-запрос делает мост и находит адрес за veth. Спрашивает IP-стек ${c.ns} через ${c.bridge ?? '?'}${c.spa ? ` (поэтому в запросе «сообщите ${c.spa}»)` : ''}; мост лишь рассылает широковещательный запрос по портам, а ${c.dst} отвечает MAC-адресом своего eth0. Доля правды в конспекте: по адресу отправителя ответа мост узнаёт, за каким портом находится MAC пода (таблица FDB). Но IP-адреса у самого veth нет.`,
};

/** Русская строка итога. */
export function outcomeRu(o: Parameters<NarratorCatalog['outcome']>[0]): string {
  if (o.localNoRoute) return `У ${o.src} нет маршрута до ${o.dstIp}: ничего не отправлено.`;
  const errs = o.errors.map((e) => `ICMP «${icmp(e.type, e.code)}» от ${e.from}${e.n > 1 ? ` (×${e.n})` : ''}`).join('; ');
  const tail = errs ? ` ${errs}.` : '';
  if (o.proto === 'tcp') {
    if (o.refused > 0) return `Соединение отклонено: ${o.dst} ответил на SYN пакетом RST-ACK (порт ${o.port} никто не слушает, Connection refused).${tail}`;
    if (o.answers > 0) return `Соединение установлено: SYN → SYN-ACK → ACK${o.count > 1 ? ` (${o.answers} из ${o.count})` : ''}.${tail}`;
    return `Ответ на SYN в ${o.src} не пришёл.${tail}`;
  }
  if (o.proto === 'udp') {
    if (o.udpDelivered > 0) return `Дейтаграмма дошла до программы на ${o.dstIp}. UDP не подтверждает доставку: ответ мог бы прислать только сам сервер.${tail}`;
    return errs ? `${errs}.` : `В ${o.src} не пришло никакого ответа.`;
  }
  // «Эхо-ответов вернулось: 1 из 3» не требует согласования числительного.
  return `Эхо-ответов вернулось в ${o.src}: ${o.answers} из ${o.count}.${tail}`;
}

/** Русские подписи и путь TTL. */
export const labelsRu: NarratorCatalog['labels'] = { notesVsLinux: 'конспект и реальный Linux', chapter: (n) => `Глава ${n}` };
export const ttlPathRu: NarratorCatalog['ttlPath'] = (t) => `TTL: ${t.start}${t.hops.map((h) => ` → ${h.ttl} (${h.ns})`).join('')}; мосты TTL не меняют.`;

/** Проверка склонения в одном месте (для тестов и подсказок): «3 эхо-ответа». */
export const echoRepliesRu = (n: number): string => count('ru', n, { one: 'эхо-ответ', few: 'эхо-ответа', many: 'эхо-ответов', other: 'эхо-ответа' });
