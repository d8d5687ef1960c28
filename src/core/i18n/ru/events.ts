import type { NarratorCatalog } from '../../narrate/catalog';
import type { FibFacts, Msg } from '../../narrate/messages';
import { count } from '../plural';
import { fragmentEventsRu } from './fragmentEvents';
import { vxlanEventsRu } from './vxlanEvents';
import { ipipEventsRu } from './ipipEvents';
import { bpfEventsRu } from './bpfEvents';
import { ovsEventsRu } from './ovsEvents';
import { wgEventsRu } from './wgEvents';
import { icmpShortRu as icmp, summaryRu as sum } from './summary';

/*
 * Русские фразы для каждого события. `short` — одна строка для проектора (около 120 знаков);
 * `why` — что добавляет подробный уровень: причину и то, в чём студенты обычно ошибаются.
 * Имена машин и адреса не склоняются, поэтому они стоят в роли подлежащего или после предлога,
 * а не в дательном падеже («pod1 должен узнать», а не «pod1 нужен»).
 */

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const waiting = (n: number): string => count('ru', n, { one: 'ожидавший пакет', few: 'ожидавших пакета', many: 'ожидавших пакетов', other: 'ожидавшего пакета' });
const goes = (n: number): string => (n % 10 === 1 && n % 100 !== 11 ? 'уходит' : 'уходят');
const dropped = (n: number): string => (n % 10 === 1 && n % 100 !== 11 ? 'отбрасывается' : 'отбрасываются');
const requests = (n: number): string => count('ru', n, { one: 'ARP-запрос', few: 'ARP-запроса', many: 'ARP-запросов', other: 'ARP-запроса' });
const packetsQ = (n: number): string => count('ru', n, { one: 'пакет', few: 'пакета', many: 'пакетов', other: 'пакета' });
/** Краткое упоминание на уровне проектора: выбран первый из маршрутов с равными префиксом и метрикой. */
const firstOf = (fib: FibFacts): string => (fib.tied.length > 0 ? ` (первый из ${fib.tied.length + 1} равных маршрутов)` : '');

/** Что добавляют к решению о маршруте правила FIB ядра — для подробного уровня. */
function fibWhy(m: { dst: string; dev: string; fib: FibFacts }): string {
  const { ownGw, op, tied } = m.fib;
  const parts: string[] = [];
  if (ownGw !== null) {
    parts.push(`${ownGw} — адрес самого ${m.dev}: ядро находит его в таблице local (scope host), а отправляет пакеты только шлюзам на канале, поэтому маршрут работает так, будто ${m.dst} подключён к ${m.dev} напрямую.`);
  }
  if (m.fib.onlink !== null) {
    parts.push(`Маршрут с флагом onlink: ядро считает шлюз ${m.fib.onlink} находящимся на канале ${m.dev}, хотя ни один адрес ${m.dev} его не покрывает (flannel даёт flannel.1 только адрес /32). flanneld добавляет такой маршрут последним, после постоянной записи о соседе ${m.fib.onlink}, поэтому ядру никогда не приходится отправлять ARP-запрос о нём.`);
  }
  if (op === 'replace') parts.push('Этот маршрут установлен командой «ip route replace»: он занял место прежнего маршрута с тем же префиксом и метрикой (если это подсеть собственного адреса, то подключённого маршрута, который добавило ядро).');
  if (tied.length > 0) {
    const how = op === 'prepend' ? ' (этот добавлен командой «ip route prepend»)' : '';
    parts.push(tied.length === 1
      ? `У маршрута «${tied[0] as string}» тот же префикс и та же метрика, но в таблице он стоит после этого${how}: ядро берёт первый.`
      : `В таблице после него — ещё ${count('ru', tied.length, { one: 'маршрут', few: 'маршрута', many: 'маршрутов', other: 'маршрута' })} с тем же префиксом и той же метрикой${how}: ядро берёт первый.`);
  }
  return parts.join(' ');
}

/** Почему хост оставил ARP-запросы без ответа (отбрасывание arp-*), придаточной частью. */
function ignoredWhy(i: NonNullable<Extract<Msg, { k: 'neigh-failed' }>['ignoredBy']>): string {
  if (i.reason === 'arp-rp-filter') return `фильтр обратного пути (rp_filter=${i.rpFilter ?? '?'}) отверг адрес отправителя`;
  if (i.reason === 'arp-local-source') return 'адрес отправителя — его собственный';
  return 'адреса в запросе недопустимы для ARP';
}

const list = (xs: readonly string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} и ${xs[xs.length - 1] as string}`);
const secs = (ms: number): string => `${ms / 1000} с`;
const crossings = (n: number): string => count('ru', n, { one: 'проход', few: 'прохода', many: 'проходов', other: 'прохода' });
const retries = (n: number): string => count('ru', n, { one: 'повтора', few: 'повторов', many: 'повторов', other: 'повтора' });
const remoteBroadcast = (ns: string, dst: string, needless: string): string =>
  `${dst} — широковещательный адрес чужой для ${ns} сети: маршруты ведут его как любой адрес (${needless}), а как широковещательный его примет только хост, которому принадлежит эта сеть.`;

/** Русские тексты всех сообщений о событиях. */
export const eventsRu: NarratorCatalog['events'] = {
  ...fragmentEventsRu,
  ...vxlanEventsRu,
  ...ipipEventsRu,
  ...bpfEventsRu,
  ...ovsEventsRu,
  ...wgEventsRu,
  'out-veth': (m) => m.repeat
    ? { short: `${cap(sum(m.f))} покидает ${m.ns} через ${m.iface} (→ ${m.peer}).` }
    : { short: `${cap(sum(m.f))} покидает ${m.ns} через ${m.iface}.`, why: `${m.iface} — конец пары veth: всё, что входит в один конец, выходит из другого, здесь — из ${m.peer}.` },
  'out-nic': (m) => ({ short: `${cap(sum(m.f))} покидает ${m.ns} через ${m.iface} в сеть ${m.segment}.` }),
  'out-bridge-dev': (m) => m.broadcast
    ? { short: `${m.ns} отправляет ${sum(m.f)} через интерфейс моста ${m.bridge}.`, why: 'Кадр широковещательный: мост разошлёт его во все порты, не заглядывая в FDB.' }
    : { short: `${m.ns} отправляет ${sum(m.f)} через интерфейс моста ${m.bridge}.`, why: 'Порт мост выберет по своей таблице FDB.' },
  'out-port': (m) => ({ short: `Мост ${m.bridge} отправляет ${sum(m.f)} в свой порт ${m.iface} (→ ${m.peer}).` }),
  'in-port': (m) => ({ short: `${cap(sum(m.f))} приходит на ${m.iface} в ${m.ns}.`, why: `${m.iface} — порт моста ${m.bridge}, поэтому дальше решает мост, а не IP-стек.` }),
  'in-up': (m) => ({ short: `${m.bridge}, собственный интерфейс моста, принимает ${sum(m.f)}.`, why: `Дальше им занимается IP-стек ${m.ns}, как и на любом другом интерфейсе.` }),
  'in-host': (m) => {
    const arrives = `${cap(sum(m.f))} приходит на ${m.iface} в ${m.ns}`;
    if (m.arp === 'own') {
      return m.unicast
        ? { short: `${arrives}: одноадресная проверка его собственного адреса, и ${m.ns} отвечает.`, why: 'Ответ уходит прямо на MAC из запроса; запись о спрашивающем остаётся как была.' }
        : { short: `${arrives}: спрашивают собственный адрес ${m.ns}, и ${m.ns} отвечает.` };
    }
    if (m.arp === 'known') return { short: `${arrives}; спрашивают чужой адрес, и ${m.ns} запрос игнорирует.`, why: `Запись о спрашивающем у ${m.ns} уже есть; чужой запрос её не подтверждает и не меняет.` };
    return { short: `${arrives}.` };
  },
  'in-lo': (m) => ({
    short: `${cap(sum(m.f))} возвращается в ${m.ns} через lo: ${m.ns} отправил его самому себе.`,
    why: `Из ${m.ns} ничего не уходит: интерфейс lo сразу возвращает каждый пакет обратно (loopback_xmit), с нулевыми MAC-адресами в заголовке кадра, а захват трафика на lo показывает пакет один раз — как входящий.`,
  }),
  'route-out-local': (m) => ({ short: `${m.dst} — собственный адрес ${m.ns}: пакет идёт через интерфейс lo.`, why: m.loopback ? '127.0.0.0/8 — сеть loopback, в сеть такой пакет не выходит.' : 'Таблица local перечисляет собственные адреса хоста; пакеты к ним в сеть не выходят.' }),
  'route-out-none': (m) => ({ short: `У ${m.ns} нет маршрута до ${m.dst}.`, why: 'Маршрута по умолчанию тоже нет.' }),
  'route-out-broadcast': (m) => ({
    short: m.tcp
      ? `${m.ns} ищет маршрут к ${m.dst}: это широковещательный адрес (выход через ${m.dev}).`
      : `${m.ns} ищет маршрут к ${m.dst}: это широковещательный адрес, поэтому кадр уходит через ${m.dev} на ff:ff:ff:ff:ff:ff, всем хостам канала, без ARP.`,
    why: m.tcp
      ? `Маршрут — «${m.route}». TCP соединяется только с одним узлом: connect() не принимает маршрут типа broadcast.`
      : m.limited
      ? `Пакет на 255.255.255.255 уходит через устройство, которое выбрал маршрут («${m.route}»), но никогда не на шлюз: ограниченная широковещательная рассылка не выходит за пределы канала.`
      : `В таблице local есть «${m.route}». Копию пакета получает и сам ${m.ns}, как любой хост этой сети (tcpdump её не показывает).`,
  }),
  'route-out-connected': (m) => m.fib.ownGw !== null
    ? { short: `${m.ns} ищет маршрут к ${m.dst}: шлюз маршрута ${m.fib.ownGw} — его собственный адрес: по ARP ищется MAC самого ${m.dst} через ${m.dev}${firstOf(m.fib)}.`, why: `Маршрут — «${m.route}». ${fibWhy(m)}` }
    : { short: `${m.ns} ищет маршрут к ${m.dst}: эта сеть подключена напрямую к ${m.dev}${firstOf(m.fib)}.`, why: [`Подходит маршрут «${m.route}», поэтому ${m.ns} ищет MAC-адрес самого ${m.dst}, а не шлюза.`, fibWhy(m)].filter(Boolean).join(' ') },
  'route-out-gateway': (m) => ({
    short: m.isDefault
      ? `${m.ns} ищет маршрут к ${m.dst}: подходит только маршрут по умолчанию; следующий хоп — шлюз ${m.gw} (${m.dev}).`
      : `${m.ns} ищет маршрут к ${m.dst}: подходит «${m.route}»${firstOf(m.fib)}; следующий хоп — шлюз ${m.gw}.`,
    why: [`${m.isDefault ? `Маршрут по умолчанию — «${m.route}». ` : ''}Адрес назначения в IP-пакете остаётся ${m.dst}; шлюзу ${m.gw} адресован только кадр. Поэтому ${m.ns} ищет MAC-адрес шлюза, а не ${m.dst}.`, fibWhy(m)].filter(Boolean).join(' '),
  }),
  'route-in-local': (m) => ({ short: `${m.dst} — собственный адрес ${m.ns}: пакет адресован самому хосту ${m.ns} и поднимается к его сокетам.`, why: 'Так говорит таблица local. Это локальная доставка: пересылки нет, TTL не уменьшается.' }),
  'route-in-none': (m) => m.proxyArp !== undefined ? ({
    short: `${m.ns}: на ${m.proxyArp} включён proxy_arp, но маршрута к ${m.dst} нет, нет даже маршрута по умолчанию, и на ARP-запрос никто не отвечает.`,
    why: `Через proxy ARP ${m.ns} отвечает только за адреса, которые отправил бы в другой интерфейс; без маршрута ответа нет, и спрашивающий сдастся после 3 запросов.`,
  }) : ({ short: `${m.ns} ищет маршрут к ${m.dst}: не подходит ни одна запись, даже маршрута по умолчанию нет.` }),
  'route-in-forward': (m) => ({
    short: m.fib.ownGw !== null
      ? `${m.ns} решает переслать пакет: шлюз маршрута ${m.fib.ownGw} — его собственный адрес, поэтому следующий хоп — сам ${m.dst} (${m.dev}).`
      : m.connected && m.deviceRoute === true
        ? `${m.ns} решает переслать пакет: маршрут отправляет ${m.dst} через ${m.dev} без шлюза, следующий хоп — сам ${m.dst}${firstOf(m.fib)}.`
      : m.connected
        ? `${m.ns} решает переслать пакет: ${m.dst} находится в сети, подключённой к ${m.dev}, следующий хоп — сам ${m.dst}${firstOf(m.fib)}.`
        : m.isDefault
          ? `${m.ns} решает переслать пакет по маршруту по умолчанию: следующий хоп — ${m.nexthop} (${m.dev})${firstOf(m.fib)}.`
          : `${m.ns} решает переслать пакет: следующий хоп — ${m.nexthop} (${m.dev})${firstOf(m.fib)}.`,
    why: [
      `Маршрут — «${m.route}». ${m.dst} — не адрес ${m.ns}, а пересылка включена (ip_forward=1)${m.router ? '' : `: для трафика своих подов ${m.ns} — такой же маршрутизатор`}. Из подходящих маршрутов выбирается маршрут с самым длинным префиксом (longest prefix match).`,
      fibWhy(m),
    ].filter(Boolean).join(' '),
  }),
  'proxy-arp': (m) => ({
    short: `${m.tpa} — не адрес ${m.ns}, но на ${m.iif} включён proxy_arp: ${m.ns} отвечает MAC-адресом ${m.iif} (${m.mac}).`,
    why: `Маршрут к ${m.tpa} ведёт у ${m.ns} через другой интерфейс (${m.via}), а не обратно в ${m.iif}. Это и есть условие proxy ARP: ${m.ns} отвечает за адрес сам и перешлёт всё, что ему пришлют. ${m.delayMs > 0 ? `На широковещательный запрос Linux отвечает через случайное время меньше proxy_delay; симулятор ждёт ${m.delayMs} мс.` : 'proxy_delay = 0, поэтому ответ уходит сразу.'}`,
  }),
  'neigh-resolve': (m) => ({
    short: m.wasFailed
      ? `Запись для ${m.ip} была FAILED: новый пакет запускает ARP заново (INCOMPLETE, запрос через ${m.iface}).`
      : `В ARP-таблице ${m.ns} нет ${m.ip}: запись INCOMPLETE, пакет ждёт, через ${m.iface} уходит ARP-запрос.`,
    why: [
      m.wasFailed ? 'Запись FAILED хранится до сборки мусора; следующий пакет запускает разрешение заново.' : 'Пакет ждёт в очереди записи; запрос широковещательный.',
      m.spa !== null && m.pktSrc !== null && m.spa !== m.pktSrc
        ? `В запросе будет «сообщите ${m.spa}», а не ${m.pktSrc}: адрес отправителя пакета не принадлежит ${m.ns}, и Linux подставляет адрес интерфейса, через который спрашивает (arp_announce=0).`
        : '',
    ].filter(Boolean).join(' '),
  }),
  'neigh-queue': (m) => ({ short: `ARP-запрос о ${m.ip} ещё без ответа: этот пакет тоже ждёт в очереди (в ней ${packetsQ(m.queued)}).` }),
  'neigh-stale-use': (m) => ({ short: `Запись для ${m.ip} в состоянии STALE: Linux сразу использует MAC ${m.mac}, не спрашивая, и переводит запись в DELAY.`, why: 'Если за 5 с (delay_first_probe_time) ничто её не подтвердит, уйдёт одноадресный ARP-запрос для проверки.' }),
  'neigh-hit': (m) => ({ short: `В ARP-таблице уже есть ${m.ip} с MAC-адресом ${m.mac} (${m.state}): ARP не нужен.` }),
  'neigh-timer': (m) => {
    switch (m.to) {
      case 'DELAY': return { short: `Время REACHABLE для ${m.ip} истекло, но запись используется: DELAY, ждём подтверждения.` };
      case 'STALE': return { short: `Адрес ${m.ip} не подтверждался дольше reachable_time: запись переходит в STALE.`, why: 'Ею можно пользоваться, но при следующей отправке её проверят. В симуляторе это 30 с; в Linux — случайно от 15 до 45 с (base_reachable_time_ms = 30000).' };
      case 'REACHABLE': return { short: `${m.ip} за это время подтвердился: запись снова REACHABLE.` };
      case 'PROBE': return {
        short: `5 с в DELAY без подтверждения ${m.ip}: теперь Linux проверяет его одноадресными ARP-запросами на ${m.mac ?? '?'}.`,
        ...(m.warmup ? { why: 'DELAY началось ещё в прогревочном проходе, до начала этого журнала.' } : {}),
      };
      default: return { short: `${m.ip}: ${m.from ?? 'нет записи'} → ${m.to}.` };
    }
  },
  'neigh-failed': (m) => ({
    short: `На ${requests(m.probes)} о ${m.ip} никто не ответил: запись переходит в FAILED${m.dropped > 0 ? `, ${m.dropped === 1 ? 'ожидавший пакет отбрасывается' : `${waiting(m.dropped)} ${dropped(m.dropped)}`}` : ''}.`,
    why: [
      'Linux отправляет 3 широковещательных запроса (sysctl mcast_solicit) с интервалом 1 с (retrans_time_ms) и сдаётся.',
      m.ignoredBy ? `${m.ignoredBy.ns} получил их, но не ответил ни на один: ${ignoredWhy(m.ignoredBy)}.` : '',
    ].filter(Boolean).join(' '),
  }),
  'neigh-reply': (m) => ({ short: `Пришёл ARP-ответ: у ${m.ip} MAC-адрес ${m.mac}. Запись переходит в REACHABLE${m.released > 0 ? `, и ${m.released === 1 ? 'ожидавший пакет уходит' : `${goes(m.released)} ${waiting(m.released)}`}` : ''}.` }),
  'neigh-learn-asker': (m) => ({
    short: `Раз ${m.ns} отвечает на запрос, Linux заодно запоминает спрашивающего: у ${m.ip} MAC ${m.mac} (STALE).`,
    why: 'ARP-ответ и так уходит на MAC из запроса, а запись STALE избавит от отдельного ARP-запроса трафик в обратную сторону.',
  }),
  'neigh-update': (m) => ({ short: `У ${m.ip} теперь MAC ${m.mac} (${m.state})${m.released > 0 ? `; ${goes(m.released)} ${waiting(m.released)}` : ''}.` }),
  'br-learn': (m) => ({ short: `Мост ${m.bridge} по адресу отправителя кадра запоминает, что ${m.mac} находится за портом ${m.port}.` }),
  'br-flood': (m) => {
    if (m.fromHost) return { short: m.broadcast ? `Широковещательный кадр хоста уходит во все порты ${m.bridge} (${list(m.ports)}).` : `${m.bridge} ещё не знает ${m.mac} и рассылает кадр во все порты (${list(m.ports)}).` };
    if (m.broadcast && m.ports.length === 0) return { short: `Других портов у моста ${m.bridge} нет: широковещательный кадр только передаётся наверх, самому ${m.bridge}.` };
    return m.broadcast
      ? { short: `Широковещательный кадр: мост ${m.bridge} рассылает его в остальные порты (${list(m.ports)}) и передаёт копию наверх, самому ${m.bridge}.`, why: `${m.bridge} — ещё и интерфейс хоста на этом мосту, поэтому широковещательные кадры видит и IP-стек хоста.` }
      : { short: `Мост ${m.bridge} ещё не знает ${m.mac}, поэтому рассылает этот кадр в остальные порты (${list(m.ports)}).` };
  },
  'br-local': (m) => ({ short: `${m.mac} — MAC-адрес самого моста: кадр поднимается через ${m.bridge} в IP-стек ${m.ns}.`, why: `Адрес шлюза подов находится на ${m.bridge}, поэтому кадры шлюзу адресованы самому хосту.` }),
  'br-forward': (m) => m.fromHost
    ? { short: `По таблице FDB моста ${m.bridge} адрес ${m.mac} находится за ${m.port}: кадр уходит только туда.` }
    : { short: `Мост ${m.bridge} знает, что ${m.mac} за портом ${m.port}, и коммутирует кадр только туда.`, why: 'IP-стек его не видит: ни маршрутизации, ни изменения TTL.' },
  'seg-learn': (m) => ({ short: `Коммутатор сети ${m.segment} запоминает, что ${m.mac} находится за портом, ведущим к ${m.machine}.` }),
  'seg-forward': (m) => ({ short: `Коммутатор знает ${m.mac} и доставляет кадр только на ${list(m.to) || '—'}; остальные машины его не видят.` }),
  'seg-flood': (m) => ({ short: m.broadcast ? `Коммутатор рассылает широковещательный кадр на ${list(m.to) || '—'}.` : `Коммутатор не знает адресата и рассылает кадр на ${list(m.to) || '—'}.` }),
  ttl: (m) => ({
    short: `${m.ns} уменьшает TTL: ${m.from} → ${m.to}.`,
    why: m.first && !m.router
      ? `TTL уменьшает каждый маршрутизатор, а ${m.ns} маршрутизирует трафик своих подов (ip_forward=1) — поэтому уже здесь. Отправитель TTL не уменьшает, мост тоже.`
      : 'Каждый маршрутизатор уменьшает TTL на единицу; мосты и отправитель — никогда.',
  }),
  'send-ping': (m) => m.noRoute
    ? { short: `ping в ${m.ns} пытается отправить эхо-запрос №${m.seq} на ${m.dst}: сначала ядро ищет маршрут.` }
    : m.broadcast === 'local'
      ? { short: `ping -b в ${m.ns} отправляет ICMP эхо-запрос №${m.seq} на широковещательный адрес ${m.dst}, TTL ${m.ttl}.`, why: 'Без -b ping отказывается отправлять пакеты на адрес, который маршруты хоста считают широковещательным; -b включает SO_BROADCAST. Симулятор отправляет так, как отправил бы ping -b.' }
      : { short: `ping в ${m.ns} отправляет ICMP эхо-запрос №${m.seq} на ${m.dst}, TTL ${m.ttl}.`, why: m.broadcast === 'remote' ? remoteBroadcast(m.ns, m.dst, '-b здесь не нужен') : 'Отправитель TTL не уменьшает — это делают маршрутизаторы.' },
  'send-udp': (m) => m.noRoute
    ? { short: `Программа в ${m.ns} пытается отправить UDP-дейтаграмму на ${m.dst}:${m.port}: сначала ядро ищет маршрут.` }
    : m.broadcast === 'local'
      ? { short: `Программа в ${m.ns} отправляет одну UDP-дейтаграмму на широковещательный адрес ${m.dst}:${m.port} (TTL ${m.ttl}).`, why: 'У её сокета включён SO_BROADCAST: без него отправка на адрес, который маршруты считают широковещательным, завершается ошибкой EACCES.' }
      : { short: `Программа в ${m.ns} отправляет одну UDP-дейтаграмму на ${m.dst}:${m.port} (TTL ${m.ttl}).`, ...(m.broadcast === 'remote' ? { why: remoteBroadcast(m.ns, m.dst, 'SO_BROADCAST здесь не нужен') } : {}) },
  'send-syn': (m) => m.noRoute
    ? { short: `Программа в ${m.ns} вызывает connect() к ${m.dst}:${m.port}: прежде чем строить SYN, ядро ищет маршрут.` }
    : { short: `Программа в ${m.ns} вызывает connect() к ${m.dst}:${m.port}: ядро отправляет TCP SYN (TTL ${m.ttl}).` },
  'send-echo-reply': (m) => ({ short: `${m.ns} формирует эхо-ответ: адреса меняются местами, новый TTL = ${m.ttl}.`, why: 'Он маршрутизируется сам по себе, как любой новый пакет.' }),
  'send-syn-retry': (m) => ({
    short: `Ответа нет уже ${secs(m.waitedMs)}: ядро ${m.ns} снова отправляет SYN на ${m.dst}:${m.port} (повтор ${m.retry}).`,
    why: [
      m.softError ? 'ICMP-ошибка, пришедшая раньше, застала сокет занятым вызовом connect(), поэтому TCP лишь запомнил её и продолжил ждать.' : '',
      m.retry === 1
        ? 'Таймер повторной передачи начинается с 1 с; для SYN он остаётся равным 1 с ещё четыре повтора (tcp_syn_linear_timeouts), потом удваивается: 2, 4, 8 с… После десяти повторов (tcp_syn_retries=6 плюс эти четыре) connect() сдаётся с ошибкой ETIMEDOUT — через 131 с после первого SYN.'
        : `Тайм-аут ${m.waitedMs === 1000 ? 'по-прежнему 1 с' : `вырос до ${secs(m.waitedMs)}`}: tcp_syn_linear_timeouts=4 держит 1 с пять ожиданий подряд, дальше каждое удваивается.`,
    ].filter(Boolean).join(' '),
  }),
  'send-synack': (m) => ({ short: `${m.ns} отвечает SYN-ACK — второй шаг тройного рукопожатия.` }),
  'send-rst': (m) => ({ short: `${m.ns} отказывает, отправляя RST-ACK; connect() у клиента завершается ошибкой «Connection refused».` }),
  'send-ack': (m) => ({ short: `${m.ns} завершает тройное рукопожатие пакетом ACK: соединение установлено.` }),
  'send-icmp-error': (m) => {
    const source = !m.toSelf && m.dev !== null ? `${m.src} — адрес интерфейса ${m.dev}, через который ${m.ns} отвечает на ${m.dst}; поэтому traceroute покажет на этом хопе ${m.src}.` : '';
    const self = m.toSelf ? 'Отправитель пакета — сам этот хост, поэтому сообщение идёт через lo.' : '';
    const about = m.about ? `Внутри — заголовок пакета, о котором речь: ${sum(m.about)}.` : '';
    if (m.type === 5) {
      return { short: `${m.ns} заодно отправляет на ${m.dst} ICMP Redirect: в следующий раз — напрямую через ${m.gw ?? '?'}.`, why: `Пакет уходит в тот же интерфейс, откуда пришёл, к шлюзу, до которого ${m.dst} может дойти сам; send_redirects включён. ${about}`.trim() };
    }
    return { short: `${m.ns} отправляет на ${m.dst} сообщение ICMP «${icmp(m.type, m.code)}» с адреса ${m.src}.`, why: [m.type === 11 ? 'Именно так traceroute узнаёт путь.' : '', source, self, about].filter(Boolean).join(' ') };
  },
  'deliver-echo-request': (m) => ({ short: `${m.ns} получает эхо-запрос. Программа не участвует: на ping отвечает само ядро.` }),
  'deliver-echo-reply': (m) => ({ short: `Эхо-ответ доходит до ping в ${m.ns}: путь туда и обратно пройден.` }),
  'deliver-icmp-error': (m) => {
    const from = `ICMP «${icmp(m.type, m.code)}» от ${m.from}${m.fromNs && m.fromNs !== m.ns ? ` (${m.fromNs})` : ''} доходит до ${m.ns}`;
    if (m.about === 'kernel') return { short: `${from}. Пакет, о котором сообщение, сформировало само ядро, программы-отправителя нет: сообщение отбрасывается.` };
    if (m.proto === 'udp') return { short: `${from}: ядро передаёт ошибку UDP-сокету.`, why: 'Программа увидит её (ECONNREFUSED при следующем вызове), только если сокет подключён через connect() или включён IP_RECVERR.' };
    if (m.proto === 'tcp') return { short: `${from}: connect() завершается этой ошибкой.` };
    if (m.type === 3 && m.code === 4) {
      return { short: `${from}: ping печатает это сообщение.`, why: 'Ядро ещё и запоминает меньший MTU пути к этому адресу: следующие пакеты фрагментируются уже у отправителя.' };
    }
    return { short: `${from}: ping печатает это сообщение.` };
  },
  'deliver-tcp-error': (m) => {
    const from = `ICMP «${icmp(m.type, m.code)}» от ${m.from}${m.fromNs && m.fromNs !== m.ns ? ` (${m.fromNs})` : ''} доходит до ${m.ns}`;
    if (m.socket === 'soft') {
      return {
        short: `${from}: connect() ещё держит сокет, ошибка лишь запоминается.`,
        why: 'Ошибка вернулась в том же проходе softirq, что и SYN, до того как connect() заснул: ICMP-ошибка, заставшая сокет занятым, сохраняется как «мягкая» (sk_err_soft). Через 1 с SYN уйдёт снова, и ошибка в ответ на него завершит connect().',
      };
    }
    if (m.socket === 'gone') return { short: `${from}, но этого соединения уже нет: ошибку никто не получает.` };
    return {
      short: `${from}: connect() завершается этой ошибкой.`,
      why: m.held > 0
        ? `Таймер повторной передачи TCP срабатывал через ${list(Array.from({ length: m.held }, (_, k) => String(k + 1)))} с, но копию не отправлял: SYN всё ещё ждал ARP в очереди самого ${m.ns} (skb_still_in_host_queue).`
        : 'В состоянии SYN_SENT сообщение ICMP «недостижим» или «время истекло» сразу завершает connect().',
    };
  },
  'route-in-broadcast': (m) => ({
    short: m.limited ? `${m.dst} — ограниченный широковещательный адрес: ${m.ns} принимает пакет как широковещательный.` : `${m.dst} — широковещательный адрес сети ${m.dev}: ${m.ns} принимает пакет как широковещательный.`,
    why: m.limited
      ? `Адрес 255.255.255.255 любой хост принимает как широковещательный, через какой бы интерфейс пакет ни пришёл (здесь ${m.iif}), и никогда не пересылает.`
      : `В таблице local есть «broadcast ${m.dst} dev ${m.dev}» (команда «ip route show table local»): Linux добавляет такой маршрут для каждого адреса с префиксом короче /31. Широковещательный пакет доставляется локально и не пересылается (bc_forwarding=0), через какой бы интерфейс он ни пришёл (здесь ${m.iif}).`,
  }),
  halt: (m) => ({
    short: m.reason === 'events'
      ? `Здесь путь обрывается: симулятор записал ${count('ru', m.limit, { one: 'событие', few: 'события', many: 'событий', other: 'события' })} — свой предел для одного пути.`
      : `Здесь путь обрывается: симулятор выполнил ${count('ru', m.limit, { one: 'действие', few: 'действия', many: 'действий', other: 'действия' })} — свой предел для одного пути.`,
    why: `В этом стенде что-то без конца порождает пакеты (петля второго уровня или очень большой стенд); оставшиеся в очереди действия (${m.pending}) не выполняются. Сам Linux продолжал бы.`,
  }),
  'deliver-redirect': (m) => m.accepted
    ? { short: `${m.ns} принимает Redirect от ${m.from}: Linux запоминает исключение маршрута — этот адрес теперь напрямую через ${m.gw}.`, why: 'Симулятор пока не применяет его к следующим пакетам.' }
    : { short: `${m.ns} игнорирует Redirect от ${m.from}.`, why: 'При ip_forward=1 Linux обнуляет net.ipv4.conf.all.accept_redirects, а на интерфейсе с пересылкой Redirect принимается, только если включены и all, и сам интерфейс: маршрутизатор доверяет своей таблице.' },
  'deliver-udp': (m) => ({ short: `${cap(sum(m.f))} доходит до программы, которая слушает UDP-порт ${m.port} в ${m.ns}.`, ...(m.broadcast ? { why: 'Он отправлен на широковещательный адрес: копию получает каждый сокет, привязанный к этому порту.' } : {}) }),
  'deliver-syn': (m) => ({ short: `В ${m.ns} программа слушает TCP-порт ${m.port}: ядро принимает запрос на соединение.` }),
  'deliver-synack': (m) => ({ short: `SYN-ACK доходит до ${m.ns}: сервер готов принять соединение.` }),
  'deliver-rst': (m) => ({ short: `RST доходит до ${m.ns}: connect() завершается ошибкой «Connection refused» (ECONNREFUSED).` }),
  'deliver-tcp': (m) => ({ short: `ACK доходит до ${m.ns}: рукопожатие завершено, соединение ждёт в очереди accept().` }),
  drop: (m) => {
    const what = m.f ? sum(m.f) : 'кадр';
    const x = m.facts;
    switch (m.reason) {
      case 'no-route': return x.direction === 'output'
        ? { short: `Из ${m.ns} ничего не уходит: программа сразу получает от ядра «Network is unreachable» (ENETUNREACH).` }
        : { short: `${m.ns} отбрасывает ${what}: нет маршрута до ${x.dst ?? '?'}.`, why: `Как маршрутизатор он сообщит об этом отправителю: ICMP «${icmp(3, 0)}».` };
      case 'ttl-exceeded': return { short: `${m.ns} отбрасывает пакет: он пришёл с TTL ${x.ttl ?? '?'}, и после пересылки TTL обнулился бы.` };
      case 'frag-needed': return x.direction === 'output' ? {
        short: `${m.ns} отбрасывает внешний пакет: в нём ${x.len ?? '?'} байт, больше MTU интерфейса ${m.iface ?? '?'} (${x.mtu ?? '?'}), а бит DF, скопированный из вложенного пакета, запрещает фрагментацию.`,
        why: `MTU туннеля не оставляет места для его собственного заголовка в 20 байт: ip_fragment() отказывается от собранного пакета, и до пода ICMP не доходит. Задайте туннелю MTU ${(x.mtu ?? 20) - 20} — на 20 меньше, чем у нижележащего интерфейса.`,
      } : {
        short: `${m.ns} отбрасывает пакет: в нём ${x.len ?? '?'} байт, больше MTU следующего хопа (${x.mtu ?? '?'}), а DF запрещает фрагментацию.`,
        why: `ip_forward() проверяет длину до уменьшения TTL; ${m.ns} сообщает отправителю ICMP «${icmp(3, 4)}» с MTU ${x.mtu ?? '?'}.`,
      };
      case 'neigh-failed': return { short: `${cap(what)} отброшен: следующий хоп ${x.nexthop ?? '?'} так и не ответил на ARP.`, why: `Linux сообщит об этом отправителю: ICMP «${icmp(3, 1)}».` };
      case 'not-for-us': return { short: `${m.ns} отбрасывает кадр: он адресован ${x.dstMac ?? '?'}, а не ${m.iface ?? '?'} (${x.ifaceMac ?? '?'}).`, why: 'Он пришёл лишь потому, что коммутатор разослал его во все порты.' };
      case 'forwarding-disabled': return { short: `${x.dst ?? '?'} — не адрес ${m.ns}, а пересылка выключена (ip_forward=0): ${m.ns} молча отбрасывает ${what}.`, why: 'Хост без пересылки — не маршрутизатор.' };
      case 'rp-filter': return x.rpFilter === 1
        ? { short: `Фильтр обратного пути (rp_filter=1, строгий режим): маршрут обратно к ${x.src ?? '?'} идёт не через ${m.iface ?? '?'}, поэтому ${m.ns} отбрасывает пакет.`, why: 'Linux считает его пакетом с подделанным адресом отправителя (spoofing).' }
        : { short: `Фильтр обратного пути (rp_filter=2, нестрогий режим): у ${m.ns} нет вообще никакого маршрута обратно к ${x.src ?? '?'}, поэтому пакет отбрасывается.` };
      case 'port-unreachable': return { short: `В ${m.ns} никто не слушает UDP-порт ${x.port ?? '?'}: дейтаграмма отброшена.`, why: 'Ядро ответит сообщением ICMP об ошибке.' };
      case 'tcp-no-listener': return { short: `В ${m.ns} никто не слушает TCP-порт ${x.port ?? '?'}.` };
      case 'icmp-rate-limited': return { short: `${m.ns} отправил бы на ${x.src ?? '?'} сообщение ICMP «${icmp(x.icmp?.type ?? 0, x.icmp?.code ?? 0)}», но его сдерживает ограничение частоты ICMP для этого адресата.`, why: 'Одно сообщение в секунду, всплеск до 6 (icmp_ratelimit, icmp_ratemask).' };
      case 'bridge-no-port': return { short: `${x.dstMac ?? 'Адресат'} находится за тем же портом, откуда пришёл кадр: без режима hairpin мост не отправляет кадр обратно в этот порт.` };
      case 'local-source': return {
        short: `${m.ns} отбрасывает ${what}: адрес отправителя ${x.src ?? '?'} — собственный адрес ${m.ns}, значит, он подделан.`,
        why: 'fib_validate_source() не принимает извне пакет с локальным адресом отправителя (IP_LOCAL_SOURCE; accept_local выключен).',
      };
      case 'arp-rp-filter': return {
        short: x.rpFilter === 1
          ? `${m.ns} не отвечает на запрос: rp_filter=1 (строгий режим), а маршрут обратно к ${x.spa ?? '?'} идёт не через ${m.iface ?? '?'}.`
          : `${m.ns} не отвечает на запрос: rp_filter=2 (нестрогий режим), а маршрута обратно к ${x.spa ?? '?'} у него нет вообще.`,
        why: `ARP-запрос проверяется как пакет от его отправителя: arp_process() ищет маршрут к ${x.tpa ?? '?'} от ${x.spa ?? '?'} (ip_route_input_noref), и fib_validate_source() отвергает ${x.spa ?? '?'} как поддельный адрес. Ответа нет, поэтому ARP у спрашивающего не завершится и IP-пакет так и не уйдёт.`,
      };
      case 'arp-local-source': return {
        short: `${m.ns} не отвечает на запрос: отправитель ${x.spa ?? '?'} — один из собственных адресов ${m.ns}.`,
        why: `arp_process() проверяет запрос как пакет от ${x.spa ?? '?'}, а fib_validate_source() не принимает собственный адрес в роли отправителя (IP_LOCAL_SOURCE): один адрес у двух хостов.`,
      };
      case 'arp-martian': return x.martian === 'target'
        ? { short: `${m.ns} игнорирует ARP-запрос: ${x.tpa ?? '?'} — групповой адрес или адрес loopback, такие адреса ARP не разрешает.` }
        : {
          short: `${m.ns} не отвечает на запрос: адрес отправителя ${x.spa ?? '?'} — «марсианский».`,
          why: 'Отправителя из 0.0.0.0/8, 127.0.0.0/8, группового или широковещательного диапазона ip_route_input_noref() отвергает так же, как для IP-пакета.',
        };
      case 'broadcast-ignored':
        if (x.direction === 'output') return { short: `connect() в ${m.ns} отвергает широковещательный адрес ${x.dst ?? '?'}: ошибка «Network is unreachable» (ENETUNREACH), SYN не создаётся.` };
        if (m.f?.udp) return { short: `В ${m.ns} никто не слушает UDP-порт ${x.port ?? '?'}: широковещательная дейтаграмма молча отбрасывается.`, why: 'На широковещательный пакет не отвечают сообщением ICMP «порт недостижим», иначе ответили бы сразу все хосты сети.' };
        if (m.f?.tcp) return { short: `${m.ns} отбрасывает SYN: TCP не принимает соединений на широковещательный адрес и не отвечает RST.`, why: 'Отправитель ничего не получает и повторяет SYN, когда сработает его таймер.' };
        return { short: `${m.ns} игнорирует эхо-запрос: он отправлен на широковещательный адрес.`, why: 'icmp_echo_ignore_broadcasts=1 (по умолчанию): Linux не отвечает на ping на широковещательный адрес — это защита от «смурф»-атак. Ни ответа, ни ошибки: ping просто ждёт.' };
      case 'l2-loop': {
        const where = x.bridge === m.ns ? `коммутатор сети ${x.bridge}` : `мост ${x.bridge ?? '?'}`;
        return {
          short: `${cap(what)} прошёл по петле и снова попал на ${where}: здесь симулятор перестаёт его копировать (${crossings(x.copies ?? 0)}).`,
          why: 'Два порта одной сети второго уровня соединены между собой (порты одного моста связаны, или два порта моста в одном сегменте): каждая рассылка возвращается и рассылается снова. Linux без STP копировал бы кадр бесконечно — широковещательный шторм; проверка стенда об этом предупреждает («l2-loop»).',
        };
      }
      case 'emsgsize': return {
        short: `Из ${m.ns} ничего не уходит: ${x.len ?? '?'} байт больше MTU ${x.mtu ?? '?'}, а с -M do фрагментировать нельзя, поэтому sendmsg() возвращает ошибку EMSGSIZE.`,
        why: 'Текст ошибки — «Message too long». В режиме IP_PMTUDISC_DO ядро устанавливает DF во всех пакетах и отвергает пакет длиннее MTU пути ещё до того, как сформирует его; ping выводит «local error: message too long».',
      };
      case 'connect-timeout': return {
        short: `${m.ns} сдаётся: ответа нет после ${retries(x.retries ?? 0)}, connect() завершается ошибкой «Connection timed out».`,
        why: 'tcp_syn_retries=6 плюс tcp_syn_linear_timeouts=4: SYN уходил снова через 1, 2, 3, 4, 5, 7, 11, 19, 35 и 67 с, затем ETIMEDOUT через 131 с.',
      };
      case 'vxlan-no-remote': return {
        short: `${m.iface ?? '?'} отбрасывает кадр: в его FDB нет записи для ${x.dstMac ?? '?'} и нет записи по умолчанию, так что отправить его некуда.`,
        why: 'При выключенном обучении (nolearning у flannel) есть только записи, которые внёс flanneld: по одной на каждую удалённую ноду, для MAC её VTEP.',
      };
      case 'wg-no-peer': return {
        short: `Устройство ${m.iface ?? '?'} на ноде ${m.ns} отбрасывает пакет: ни у одного пира WireGuard адреса ${x.nexthop ?? '?'} нет в AllowedIPs.`,
        why: 'При отправке wg_xmit ищет адрес назначения в AllowedIPs пиров и, не найдя, освобождает пакет (-ENOKEY) и отвечает ICMP host unreachable; при приёме сообщение с конечной точки, которой нет ни у одного пира, игнорируется. Агент Cilium поддерживает список пиров в соответствии с нодами кластера (а без туннеля — и с их подами).',
      };
      case 'wg-unallowed-src': return {
        short: `Устройство ${m.iface ?? '?'} на ноде ${m.ns} отбрасывает расшифрованный пакет: адрес отправителя ${x.src ?? '?'} не входит в AllowedIPs пира с конечной точкой ${x.nexthop ?? '?'}.`,
        why: 'wg_packet_consume_data_done проверяет, что пакет пришёл от того пира, к которому ведёт адрес его отправителя («Packet has unallowed src IP»): на выходе AllowedIPs работают как таблица маршрутизации, на входе — как список доступа.',
      };
      case 'bpf-ttl': return { short: `Программа eBPF от Cilium на ${m.iface ?? '?'} отбрасывает пакет: его TTL истёк (${x.ttl ?? '?'}).`, why: 'ipv4_l3 («bpf/lib/l3.h») сама уменьшает TTL и отбрасывает пакет, когда он дошёл бы до 0, не отправляя ICMP Time Exceeded для IPv4 (в коде так и написано: «FIXME: Send ICMP TTL»), поэтому отправитель ничего не узнаёт — в отличие от маршрутизатора на Linux.' };
      case 'ip-noproto': return {
        short: `${m.ns} отбрасывает пакет IP-in-IP: туннеля IPIP, который извлёк бы вложенный пакет, здесь нет, и в ответ уходит «протокол недостижим».`,
        why: 'Протокол 4 принимает только загруженный модуль ipip, он же создаёт туннель tunl0 (в режиме IP-in-IP его загружает calico-node). Без обработчика ip_local_deliver отвечает сообщением ICMP типа 3 с кодом 2 и отбрасывает пакет: нода вне сети IP-in-IP не может его распаковать.',
      };
      case 'vxlan-vni-unknown': return { short: `${m.ns} отбрасывает датаграмму: ни у одного устройства VXLAN здесь нет VNI ${x.vni ?? '?'}.`, why: 'Сокет VXLAN принял датаграмму по номеру порта, но извлечь кадр может только устройство с этим VNI.' };
      case 'martian': return { short: `${m.ns} отбрасывает пакет: 127.0.0.0/8 принадлежит собственному интерфейсу lo каждого хоста, поэтому такой пакет, пришедший на ${m.iface ?? '?'}, — «марсианский».`, why: 'route_localnet выключен.' };
      default: return { short: `${m.ns} отбрасывает ${what} (${m.reason}).` };
    }
  },
  'consume-arp-other': (m) => ({ short: `${m.ns} игнорирует ARP-запрос: ${m.tpa} — не его адрес.`, why: `Записи о ${m.spa} у него нет, поэтому он ничего не запоминает. Это не ошибка: ядро просто освобождает кадр.` }),
  'consume-arp-unsolicited': (m) => ({ short: `${m.ns} игнорирует незапрошенный (unsolicited) ARP-ответ.`, why: 'При arp_accept=0 такой ответ записей не создаёт.' }),
};
