import type { NarratorCatalog } from '../../narrate/catalog';
import type { DropReason } from '../../events';
import { count } from '../plural';
import { icmpNameRu as icmpFull } from './summary';
import { pingLine } from '../pingLine';
import { ttlHops } from '../ttlHops';

const DROP: Record<DropReason, string> = {
  'no-route': 'нет маршрута', 'ttl-exceeded': 'TTL истёк', 'frag-needed': 'пакет больше MTU следующего хопа, а DF стоит', 'neigh-failed': 'следующий хоп не ответил на ARP', 'not-for-us': 'кадр адресован не ему',
  'forwarding-disabled': 'пересылка выключена', 'rp-filter': 'фильтр обратного пути', 'port-unreachable': 'порт никто не слушает', 'tcp-no-listener': 'порт никто не слушает',
  'icmp-rate-limited': 'ограничение частоты ICMP', 'bridge-no-port': 'некуда коммутировать', martian: '«марсианский» адрес', 'iface-down': 'интерфейс выключен',
  'local-source': 'поддельный локальный адрес отправителя', 'arp-rp-filter': 'фильтр обратного пути для ARP', 'arp-local-source': 'ARP с собственного адреса', 'arp-martian': '«марсианский» адрес в ARP',
  'l2-loop': 'петля второго уровня', 'broadcast-ignored': 'адрес назначения широковещательный', 'connect-timeout': 'connect() исчерпал попытки', emsgsize: 'пакет больше MTU, а DF обязателен',
  'vxlan-no-remote': 'устройство VXLAN не знает VTEP для MAC-адреса назначения', 'vxlan-vni-unknown': 'ни у одного устройства VXLAN нет такого VNI', 'ip-noproto': 'там некому принять IP-in-IP', 'bpf-ttl': 'программа eBPF от Cilium нашла его TTL истёкшим',
  'wg-no-peer': 'ни у одного пира WireGuard этого адреса нет в AllowedIPs', 'wg-unallowed-src': 'адрес отправителя не входит в AllowedIPs пира WireGuard',
};

/** Что отправляется, в винительном и именительном падежах (отправляет что? — что не отправлено?). */
const WHAT = {
  ping: { acc: 'эхо-запрос', nom: 'эхо-запрос', notSent: 'не отправлен' },
  udp: { acc: 'UDP-дейтаграмму', nom: 'UDP-дейтаграмма', notSent: 'не отправлена' },
  tcp: { acc: 'TCP SYN', nom: 'TCP SYN', notSent: 'не отправлен' },
} as const;

/** Русские названия глав: одно предложение, по возможности с пакетом в роли подлежащего. */
export const chaptersRu: NarratorCatalog['chapters'] = {
  retry: (c) => `Ответа нет уже ${c.waitedMs / 1000} с: ${c.ns} снова отправляет SYN (повтор ${c.n})`,
  origin: (c) => {
    const w = WHAT[c.what];
    const to = c.dst === c.dstIp ? c.dstIp : `${c.dst} (${c.dstIp})`;
    if (c.via === 'none') return `У ${c.ns} нет маршрута до ${c.dstIp}: ${w.nom} ${w.notSent}`;
    if (c.tooBig) return `${c.ns} не может отправить ${c.tooBig.len} байт через ${c.dev ?? '?'} (MTU ${c.tooBig.mtu}) с обязательным DF: ${w.nom} ${w.notSent}`;
    if (c.via === 'local') return `${c.ns} отправляет ${w.acc} самому себе через lo`;
    if (c.via === 'broadcast') {
      return c.what === 'tcp' ? `connect() в ${c.ns} отвергает широковещательный адрес ${c.dstIp}: SYN не отправляется` : `${c.ns} отправляет ${w.acc} на широковещательный адрес ${c.dstIp}, всем хостам канала ${c.dev ?? '?'}`;
    }
    if (c.via === 'connected') return c.arpFailed ? `${c.ns} отправляет ${w.acc} напрямую через ${c.dev ?? '?'}, но на ARP о ${c.dstIp} никто не отвечает` : `${c.ns} отправляет ${w.acc} на ${to} напрямую через ${c.dev ?? '?'}`;
    return `${c.ns} отправляет ${w.acc} на ${to} через шлюз ${c.gw ?? '?'} (${c.dev ?? '?'})`;
  },
  'enter-root': (c) => `Пакет попадает в корневое пространство имён ${c.ns} через ${c.iface}`,
  bridge: (c) => c.action === 'local'
    ? `Мост ${c.bridge} передаёт кадр наверх, в IP-стек ${c.ns}`
    : c.action === 'forward' ? `Мост ${c.bridge} коммутирует кадр в ${c.port ?? '?'}` : `Мост ${c.bridge} рассылает кадр во все порты`,
  route: (c) => {
    if (c.result === 'forward') {
      if (c.direct && c.deviceRoute === true) return `${c.ns} маршрутизирует пакет прямо к ${c.nexthop ?? '?'} через ${c.dev ?? '?'}, по маршруту без шлюза`;
      if (c.direct) return `${c.ns} маршрутизирует пакет прямо к ${c.nexthop ?? '?'}: эта сеть подключена к ${c.dev ?? '?'}`;
      return c.resolves ? `${c.ns} маршрутизирует пакет и выясняет MAC следующего хопа ${c.nexthop ?? '?'}` : `${c.ns} маршрутизирует пакет к следующему хопу ${c.nexthop ?? '?'}`;
    }
    if (c.result === 'local') return `Пакет адресован самому хосту ${c.ns}: локальная доставка`;
    return `${c.ns} отбрасывает пакет: ${c.reason ? DROP[c.reason] : 'нет маршрута'}`;
  },
  leave: (c) => `Пакет покидает ${c.ns} через ${c.iface}`,
  encap: (c) => `Устройство ${c.dev} на машине ${c.ns} упаковывает пакет в VXLAN (VNI ${c.vni}) — в UDP-датаграмму на порт ${c.port} хоста ${c.remote}`,
  decap: (c) => `${c.ns} принимает датаграмму на ${c.iface}, и ${c.dev} извлекает из неё пакет`,
  encrypt: (c) => `Устройство ${c.dev} на ноде ${c.ns} ${c.handshake ? `сначала проводит рукопожатие с нодой ${c.peer}, затем ` : ''}шифрует ${c.tunnel ? 'датаграмму VXLAN' : 'пакет'} для ноды ${c.peer}: UDP-датаграмма в ${c.outerLen} байт на порт 51871`,
  decrypt: (c) => `Нода ${c.ns} принимает датаграмму WireGuard на интерфейсе ${c.iface}, и устройство ${c.dev} расшифровывает пакет`,
  'ipip-encap': (c) => `Туннель ${c.dev} на машине ${c.ns} упаковывает пакет в IP-in-IP — во внешний заголовок IPv4 с протоколом 4, адресованный хосту ${c.remote}`,
  'ipip-decap': (c) => `${c.ns} принимает пакет IP-in-IP на интерфейсе ${c.iface}, и туннель ${c.dev} извлекает из него вложенный пакет`,
  router: (c) => {
    const who = c.ns === 'router' ? 'Маршрутизатор' : `Маршрутизатор ${c.ns}`;
    if (c.result === 'forward') return `${who} пересылает пакет к ${c.nexthop ?? '?'}`;
    if (c.result === 'local') return `Пакет адресован самому маршрутизатору${c.ns === 'router' ? '' : ` ${c.ns}`}: локальная доставка`;
    return `${who} отбрасывает пакет: ${c.reason ? DROP[c.reason] : 'нет маршрута'}`;
  },
  arrive: (c) => {
    if (c.result === 'forward') return `${c.ns} принимает пакет на ${c.iface} и маршрутизирует его в ${c.dev ?? '?'}`;
    if (c.result === 'local') return `${c.ns} принимает пакет на ${c.iface}: он адресован самому хосту ${c.ns}`;
    if (c.result === 'pass') return `${c.ns} принимает пакет на ${c.iface}`;
    return `${c.ns} принимает пакет на ${c.iface} и отбрасывает его: ${c.reason ? DROP[c.reason] : 'нет маршрута'}`;
  },
  'resolve-dst': (c) => c.failed ? `${c.ns} выясняет по ARP MAC-адрес ${c.target}: ответа нет` : `${c.ns} выясняет по ARP MAC-адрес ${c.target} (через ${c.dev})`,
  'into-pod': (c) => `Пакет проходит через ${c.iface} в ${c.pod}`,
  ovs: (c) => {
    const where = c.peer !== null ? `в ${c.port} к машине ${c.peer}, VNI ${c.vni ?? '?'}` : `через ${c.port}`;
    return c.action === 'upcall'
      ? `В пути данных OVS на машине ${c.ns} нет потока: weaver устанавливает поток и отправляет пакет ${where}`
      : `В пути данных OVS на машине ${c.ns} есть поток: пакет уходит ${where}`;
  },
  answer: (c) => {
    const lost = c.lost ? `, но ответ не доходит: ${c.lost.reason === 'neigh-failed' ? `на ARP о ${c.lost.nexthop ?? '?'} никто не отвечает` : DROP[c.lost.reason]}` : '';
    if (c.cause === 'echo-reply') return c.lost ? `${c.ns} отвечает${lost}` : `${c.ns} отвечает: эхо-ответ идёт обратно`;
    if (c.cause === 'tcp-synack') return `${c.ns} принимает соединение: SYN-ACK идёт обратно${lost}`;
    if (c.cause === 'tcp-rst') return `${c.ns} отклоняет соединение: RST-ACK${lost}`;
    if (c.cause === 'icmp-error' && c.type !== null) return c.type === 5 ? `${c.ns} заодно отправляет на ${c.to} ICMP Redirect` : c.self
      ? `${c.ns} сообщает самому себе через lo об ошибке ICMP «${icmpFull(c.type, c.code ?? 0)}»${lost}`
      : `${c.ns} отправляет на ${c.to} ошибку ICMP «${icmpFull(c.type, c.code ?? 0)}»${lost}`;
    return `${c.ns} отвечает${lost}`;
  },
  packet: (c) => c.arp === 'known' ? `Пакет ${c.n}: все MAC-адреса уже в ARP-таблицах`
    : c.arp === 'waiting' ? `Пакет ${c.n}: ARP на ${c.ns ?? 'одном из хопов'} ещё не завершён, пакет ждёт в очереди`
      : c.arp === 'again' ? `Пакет ${c.n}: ${c.ns ?? 'один из хопов'} начинает ARP заново`
        : c.arp === 'first' ? `Пакет ${c.n}: ${c.ns ?? 'один из хопов'} впервые выясняет по ARP MAC-адрес следующего хопа` : `Пакет ${c.n}`,
  recheck: (c) => `Затем ${listRu(c.hosts)} ${c.hosts.length === 1 ? 'перепроверяет соседа' : 'перепроверяют соседей'} одноадресными ARP-запросами (DELAY → PROBE)`,
};

/** «a», «a и b», «a, b и c». */
function listRu(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '?') : `${xs.slice(0, -1).join(', ')} и ${xs[xs.length - 1] ?? ''}`;
}

/** Русские поправки к конспекту: `short` — две строки для проектора, `long` — всё рассуждение. */
export const correctionsRu: NarratorCatalog['corrections'] = {
  'gateway-arp': (c) => ({
    short: `ARP ищет не «точку назначения», а следующий хоп: ${c.src} спрашивает MAC шлюза ${c.nexthop ?? '?'}, а не ${c.dstIp}.`,
    long: `В конспекте ARP-запрос ищет «точку назначения», а MAC-адреса отнесены к физическому уровню. На самом деле ${c.src} сначала смотрит в свою таблицу маршрутизации: ${c.dstIp} не входит ни в одну из его подсетей, поэтому следующий хоп — шлюз ${c.nexthop ?? '?'}, и ARP спрашивает MAC-адрес шлюза, а не ${c.dstIp}. MAC-адреса — канальный уровень (L2); ARP работает только внутри одного L2-сегмента.`,
  }),
  'calico-gateway': (c) => ({
    short: `У ${c.src} адрес /32: весь трафик идёт через ${c.nexthop ?? '?'}, хотя такого адреса нет ни на одном интерфейсе; на ARP отвечает нода (proxy ARP).`,
    long: `У ${c.src} адрес /32 и маршрут «default via ${c.nexthop ?? '?'}»: через этот шлюз идёт любой трафик, даже к подам той же ноды, хотя адрес ${c.nexthop ?? '?'} не назначен ни одному интерфейсу. На ARP-запрос о ${c.nexthop ?? '?'} отвечает сама нода (proxy ARP на veth пода).`,
  }),
  'bridge-no-arp': (c) => ({
    short: `Мост ARP-запросов не делает. Спрашивает IP-стек ${c.ns}, и только про следующий хоп ${c.nexthop ?? '?'} (через ${c.dev ?? '?'}).`,
    long: [
      c.bridge ? 'В конспекте: мост делает ARP-запрос в поисках адресата. На самом деле мост как коммутатор сам ARP-запросов не отправляет.' : 'В конспекте ARP-запрос делает мост. Здесь моста на пути нет вовсе: veth пода не входит в мост.',
      c.askedGateway ? `${c.src} уже спросил про свой шлюз в главе 1; теперь` : 'Теперь',
      `IP-стек ${c.ns} спрашивает только про следующий хоп своего маршрута (${c.nexthop ?? '?'}) через ${c.dev ?? '?'}${c.spa ? `, и в запросе стоит «сообщите ${c.spa}» — адрес этого интерфейса, ведь адрес пода не принадлежит ${c.ns}` : ''}. Про ${c.dstIp} на этой ноде никто не спрашивает.`,
    ].join(' '),
  }),
  'routing-table-decides': (c) => ({
    short: `Не «ни у кого нет такого IP», а таблица маршрутизации: к ${c.dstIp} подходит только «${c.route ?? 'default'}».`,
    long: `В конспекте: пакет уходит в eth0, так как ни у кого на сервере нет такого IP-адреса. На самом деле решает таблица маршрутизации ${c.ns}: более точного маршрута к ${c.dstIp} нет, и маршрут по умолчанию «${c.route ?? '?'}» отправляет пакет к ${c.nexthop ?? '?'} через ${c.dev ?? '?'}. Есть ли этот адрес у какой-то машины, значения не имеет: отправить пакет в другое место мог бы только маршрут в этой таблице, который точнее совпадает с адресом.`,
  }),
  'ip-stays-mac-changes': (c) => ({
    short: `IP-адреса не меняются (назначение — по-прежнему ${c.dstIp}). Меняются MAC-адреса кадра, TTL уменьшается на 1.`,
    long: `В конспекте маршрутизатор «отправляет пакет на интерфейс» следующей ноды. На самом деле ${c.nexthop ?? '?'} — следующий хоп. IP-адреса в пакете не меняются: назначение по-прежнему ${c.dstIp}. Меняется кадр: MAC источника теперь MAC ${c.dev ?? 'интерфейса'} маршрутизатора, MAC назначения — MAC следующего хопа. TTL уменьшается на единицу. Так работает каждый маршрутизируемый хоп.`,
  }),
  'node-routes': (c) => ({
    short: `Сначала маршрутизация (сеть на ${c.bridge ?? '?'}, TTL − 1), потом мост.`,
    long: `В конспекте: пакет «перенаправляется в сетевой мост». Мост действительно будет, но не сразу: сначала IP-стек ${c.ns} маршрутизирует пакет — находит сеть, подключённую к ${c.bridge ?? '?'} («${c.route ?? '?'}»), и уменьшает TTL, как и маршрутизатор. Только затем пакет уходит через ${c.bridge ?? '?'}, интерфейс моста, и мост коммутирует кадр в нужный порт.`,
  }),
  'stack-arps-bridge-floods': (c) => ({
    short: `ARP-запрос делает IP-стек ${c.ns} через ${c.bridge ?? '?'}; мост только рассылает его. У veth нет IP-адреса.`,
    long: `В конспекте ARP-запрос делает мост и находит адрес за veth. Спрашивает IP-стек ${c.ns} через ${c.bridge ?? '?'}${c.spa ? ` (поэтому в запросе «сообщите ${c.spa}»)` : ''}; мост лишь рассылает широковещательный запрос по портам, а ${c.dst} отвечает MAC-адресом своего eth0. Доля правды в конспекте: по адресу отправителя ответа мост узнаёт, за каким портом находится MAC пода (таблица FDB). Но IP-адреса у самого veth нет.`,
  }),
};

type Outcome = Parameters<NarratorCatalog['outcome']>[0];

/** Одна пришедшая ошибка ICMP: кто за адресом и что напечатает ping. */
function errorLine(e: Outcome['errors'][number], o: Outcome): string {
  const from = `${e.from}${e.fromNs ? ` (${e.fromNs})` : ''}`;
  const ping = o.proto === 'icmp' ? pingLine(e.type, e.code) : null;
  const seq = o.count === 1 ? '1' : 'N';
  return `Пришла ошибка ICMP «${icmpFull(e.type, e.code)}» от ${from}${e.n > 1 ? `, ${count('ru', e.n, { one: 'раз', few: 'раза', many: 'раз', other: 'раза' })}` : ''}${ping ? `; ping напечатает «From ${e.from} icmp_seq=${seq} ${ping}»` : ''}`;
}

/** Русская строка итога. */
export function outcomeRu(o: Outcome): string {
  const halted = o.halted
    ? `Путь оборван на пределе симулятора: ${o.halted.reason === 'events' ? count('ru', o.halted.limit, { one: 'событие', few: 'события', many: 'событий', other: 'события' }) : count('ru', o.halted.limit, { one: 'действие', few: 'действия', many: 'действий', other: 'действия' })}. `
    : '';
  return halted + outcomeLineRu(o) + broadcastRu(o) + retriesRu(o);
}

/** Чем кончились повторы SYN. */
function retriesRu(o: Outcome): string {
  if (o.proto !== 'tcp' || (o.retransmits === 0 && o.timedOut === 0)) return '';
  const again = o.retransmits > 0 ? ` Ядро отправляло SYN повторно: ${count('ru', o.retransmits, { one: 'раз', few: 'раза', many: 'раз', other: 'раза' })} (ответа не было дольше тайм-аута повтора).` : '';
  return again + (o.timedOut > 0 ? ' connect() сдался: «Connection timed out».' : '');
}

/** Почему никто не ответил на пакет на широковещательный адрес. */
function broadcastRu(o: Outcome): string {
  if (o.broadcastIgnored === 0) return '';
  if (o.proto === 'icmp') return ' На ping на широковещательный адрес Linux не отвечает (icmp_echo_ignore_broadcasts=1).';
  return o.proto === 'udp' ? ' Хосты, где этот порт никто не слушает, молча отбрасывают широковещательную дейтаграмму, без ICMP-ошибки.' : ' На SYN на широковещательный адрес не отвечают ничем, даже RST.';
}

function outcomeLineRu(o: Outcome): string {
  if (o.connectBroadcast) return `connect() в ${o.src} отверг широковещательный адрес ${o.dstIp} (ENETUNREACH): ничего не отправлено.`;
  if (o.localNoRoute) return `У ${o.src} нет маршрута до ${o.dstIp}: ничего не отправлено.`;
  if (o.localTooBig !== null) return `Ничего не отправлено: ping сообщает «ping: local error: message too long, mtu=${o.localTooBig}» (EMSGSIZE; с -M do фрагментировать нельзя).`;
  const errs = o.errors.map((e) => errorLine(e, o)).join('. ');
  const tail = errs ? ` ${errs}.` : '';
  const lost = o.answerLost ? ` Ответ застрял в ${o.answerLost.ns}: ${o.answerLost.reason === 'neigh-failed' ? `на ARP о ${o.answerLost.nexthop ?? '?'} никто не ответил` : DROP[o.answerLost.reason]}.` : '';
  if (o.proto === 'tcp') {
    if (o.refused > 0) return `Соединение отклонено: ${o.dst} ответил на SYN пакетом RST-ACK (порт ${o.port} никто не слушает, Connection refused).${tail}`;
    if (o.answers > 0) return `Соединение установлено: SYN → SYN-ACK → ACK${o.count > 1 ? ` (${o.answers} из ${o.count})` : ''}.${tail}`;
    if (o.aborted > 0) return `connect() в ${o.src} завершился ошибкой ICMP.${lost}${tail}`;
    return `Ответ на SYN в ${o.src} не пришёл.${lost}${tail}`;
  }
  if (o.proto === 'udp') {
    if (o.udpDelivered > 0) return `Дейтаграмма на ${o.dstIp} дошла до слушающей программы. UDP не подтверждает доставку: ответить мог бы только сам сервер.${tail}`;
    return errs ? `Ответа на дейтаграмму нет, только ошибка.${tail}` : `В ${o.src} не пришло никакого ответа.${lost}`;
  }
  // «Эхо-ответов вернулось: 1 из 3» не требует согласования числительного.
  return `Эхо-ответов вернулось в ${o.src}: ${o.answers} из ${o.count}.${lost}${tail}`;
}

/** Русские подписи и путь TTL. */
export const labelsRu: NarratorCatalog['labels'] = { notesVsLinux: 'конспект и реальный Linux', chapter: (n) => `Глава ${n}` };
export const ttlPathRu: NarratorCatalog['ttlPath'] = (t) => `TTL: ${t.start}${ttlHops(t.hops, (n) => `ещё ${count('ru', n, { one: 'хоп', few: 'хопа', many: 'хопов', other: 'хопа' })}`)}; мосты TTL не меняют.`;
