import type { DropReason, FdbEvent, HopEvent, HopEventType, PacketKind } from '../../core';
import { count, type PluralForms } from '../../core/i18n/plural';
import type { LogFilterKey } from '../../store/appState';
import type { Lang } from '../../store/types';

/**
 * Every text of the interface. `ru` must have the same shape as `en`, so a string missing in one
 * language is a type error.
 *
 * Glossary (both languages say the same thing):
 * - event / «событие»: one entry of the journey's log; the counter, the buttons and the timeline
 *   move by events. A chapter / «глава» groups events and matches one step of the course notes
 *   («шаг» is left to the notes).
 * - lab / «стенд» (never «лаборатория»).
 * - node / «нода»: a Kubernetes node; host / «хост»: any Linux machine; next hop / «следующий хоп»
 *   («узел» is not used). «машина» only names what the form lists.
 * - ARP table / «ARP-таблица»: the panel's title says «ARP-таблица (кэш соседей)» once.
 * - From/To / «Откуда/Куда»: the form's labels, used again by form errors and link notices.
 * - A bridge forwards / «коммутирует»; «пересылка» is IP forwarding (ip_forward).
 */

/** Event types the UI labels: every type of the core's log, and `consume` (a frame ignored without error). */
export type EventTypeKey = HopEventType | 'consume';

/** Reasons of a `consume` event (derived from the core's union, so the table follows it). */
type ConsumeReason = Extract<HopEvent, { type: 'consume' }> extends { reason: infer R extends string } ? R : never;

const ROUTES_EN: PluralForms = { one: 'route', other: 'routes' };
const ROUTES_RU: PluralForms = { one: 'маршрут', few: 'маршрута', many: 'маршрутов', other: 'маршрута' };
const EVENTS_EN: PluralForms = { one: 'event', other: 'events' };
const EVENTS_RU: PluralForms = { one: 'событие', few: 'события', many: 'событий', other: 'события' };

const en = {
  appTitle: 'Packet Journey',
  hint: 'Press Play or → to go through the packet’s journey event by event',
  controls: {
    label: 'Playback',
    play: 'Play',
    pause: 'Pause',
    next: 'Next event',
    prev: 'Previous event',
    first: 'First event',
    last: 'Last event',
    speed: 'Speed',
    timeline: 'Event timeline',
    chapters: 'Chapters',
    step: (n: number, total: number) => `Event ${n} of ${total}`,
    chapter: (n: number) => `Chapter ${n}`,
    keys: 'Keys: Space play/pause, ← → previous/next event, Home/End first/last, F follow the packet, P panels',
    hasCorrection: 'the course notes simplify here',
  },
  view: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Show the whole lab',
    follow: 'Follow packet',
    followHelp: 'Zoom to where the current event happens (F)',
    dark: 'Dark theme',
    light: 'Light theme',
    language: 'Language',
    panels: 'Panels',
    panelsHelp: 'Show or hide the packet, tables and log; hidden, the drawing takes the whole width (P)',
    drawing: 'Network drawing: machines, pods, bridges and links',
    router: 'router',
    node: 'node',
    host: 'host',
  },
  legend: { title: 'Packets', drop: 'Dropped here' },
  notices: {
    title: 'This link has mistakes; the rest of it was applied:',
    close: 'Close',
    /** `?step=` past the journey's end. */
    pastEnd: (step: number, total: number) => `?step=${step}: this journey has ${count('en', total, EVENTS_EN)}; opened at the last one.`,
  },
  kinds: { arp: 'ARP', request: 'Request', reply: 'Reply', 'icmp-error': 'ICMP error', decision: 'Kernel decisions' } satisfies Record<LogFilterKey, string>,
  form: {
    label: 'Journey',
    from: 'From',
    to: 'To',
    pods: 'Pods',
    machines: 'Machines',
    ipOption: 'IP address…',
    toIp: 'IP address',
    proto: 'Protocol',
    icmp: 'ICMP ping',
    udp: 'UDP',
    tcp: 'TCP SYN',
    port: 'Port',
    count: 'Packets',
    countHelp: (max: number) => `How many packets to send: 1 to ${max}`,
    ttl: 'TTL',
    ttlHelp: 'TTL of the packets sent: 1 to 255',
    clear: 'Clear caches',
    clearHelp: 'Start with empty ARP tables and FDBs',
    showing: 'Showing the last journey that worked.',
  },
  panels: {
    explain: 'This event',
    level: 'Explanation',
    levelShort: 'Short',
    levelDetailed: 'Detailed',
    packet: 'Packet',
    tables: 'Tables',
    log: 'Event log',
    device: (ns: string) => `Tables of ${ns}`,
    routes: 'Routing table',
    neigh: 'ARP table (neighbour cache)',
    fdb: (name: string) => `Bridge ${name}: FDB`,
    segFdb: (name: string) => `Switch ${name}: FDB`,
    empty: 'empty',
    isNew: 'new',
    consulted: 'used now',
    changed: 'changed here',
    noFrame: 'No frame on the wire yet: the packet is still inside the network namespace.',
    fromEvent: (n: number) => `Frame of event ${n}`,
    outcome: 'Outcome',
    correction: 'Course notes vs. Linux',
    correctionAt: (n: number) => `Course notes vs. Linux, chapter ${n}`,
    filter: 'Show',
    noEvents: 'No event matches the filter.',
    local: 'local',
    localRoutes: (n: number) => `Local table: ${count('en', n, ROUTES_EN)} to this namespace’s own addresses`,
    cols: { dst: 'Destination', via: 'Gateway', dev: 'Device', proto: 'Added by (proto)', ip: 'IP', mac: 'MAC', state: 'State', iface: 'Interface', port: 'Port' },
  },
  fields: {
    'eth.src': 'Source MAC',
    'eth.dst': 'Destination MAC',
    'eth.type': 'EtherType',
    'arp.op': 'Operation',
    'arp.sha': 'Sender MAC',
    'arp.spa': 'Sender IP',
    'arp.tha': 'Target MAC',
    'arp.tpa': 'Target IP',
    'ipv4.src': 'Source IP',
    'ipv4.dst': 'Destination IP',
    'ipv4.ttl': 'TTL',
    'ipv4.proto': 'Protocol',
    'icmp.type': 'Type',
    'icmp.code': 'Code',
    'icmp.seq': 'Sequence (seq)',
    'icmp.gateway': 'Gateway',
    'udp.sport': 'Source port',
    'udp.dport': 'Destination port',
    'tcp.sport': 'Source port',
    'tcp.dport': 'Destination port',
    'tcp.flags': 'Flags',
  } as Record<string, string>,
  /** Values of the ARP operation field. */
  arpOps: { request: 'request', reply: 'reply' } satisfies Record<'request' | 'reply', string>,
  types: {
    frame: 'frame',
    route: 'route',
    neigh: 'ARP table',
    fdb: 'FDB',
    ttl: 'TTL',
    send: 'send',
    deliver: 'deliver',
    drop: 'dropped',
    consume: 'ignored',
  } satisfies Record<EventTypeKey, string>,
  frame: { in: 'in', out: 'out', unreachable: 'no route' },
  fdbActions: { learn: 'learns', forward: 'forwards', flood: 'floods', local: 'passes up' } satisfies Record<FdbEvent['action'], string>,
  drops: {
    'no-route': 'no route to the destination',
    'ttl-exceeded': 'TTL exceeded',
    'neigh-failed': 'ARP got no answer',
    'not-for-us': 'not addressed to this host',
    'forwarding-disabled': 'forwarding is off (ip_forward=0)',
    'rp-filter': 'reverse-path filter (rp_filter)',
    'port-unreachable': 'port unreachable',
    'tcp-no-listener': 'nothing listens on that TCP port',
    'icmp-rate-limited': 'ICMP error suppressed by the rate limit',
    'bridge-no-port': 'the bridge has no port to send it to',
    martian: 'martian address (127.0.0.0/8 from outside)',
    'iface-down': 'the interface is down',
  } satisfies Record<DropReason, string>,
  /** Why a frame was ignored: Linux consumed it without error (consume_skb), so it is no drop. */
  consumes: {
    'arp-other-target': 'ARP request for another address',
    'arp-unsolicited': 'unsolicited ARP reply (arp_accept=0)',
  } satisfies Record<ConsumeReason, string>,
  dropped: (reason: string) => `Dropped: ${reason}`,
  ignored: (reason: string) => `Ignored: ${reason}`,
};

/** The shape every language's strings have. */
export type Strings = typeof en;

const ru: Strings = {
  appTitle: 'Путь пакета',
  hint: 'Нажмите «Воспроизвести» или →, чтобы пройти путь пакета событие за событием',
  controls: {
    label: 'Воспроизведение',
    play: 'Воспроизвести',
    pause: 'Пауза',
    next: 'Следующее событие',
    prev: 'Предыдущее событие',
    first: 'Первое событие',
    last: 'Последнее событие',
    speed: 'Скорость',
    timeline: 'Шкала событий',
    chapters: 'Главы',
    step: (n, total) => `Событие ${n} из ${total}`,
    chapter: (n) => `Глава ${n}`,
    keys: 'Клавиши: Пробел — пуск/пауза, ← → — предыдущее/следующее событие, Home/End — в начало/конец, F — следить за пакетом, P — панели',
    hasCorrection: 'здесь конспект упрощает',
  },
  view: {
    zoomIn: 'Приблизить',
    zoomOut: 'Отдалить',
    fit: 'Показать весь стенд',
    follow: 'За пакетом',
    followHelp: 'Приближать ту часть схемы, где происходит текущее событие (F)',
    dark: 'Тёмная тема',
    light: 'Светлая тема',
    language: 'Язык',
    panels: 'Панели',
    panelsHelp: 'Показать или скрыть пакет, таблицы и журнал; без них схема занимает всю ширину (P)',
    drawing: 'Схема сети: машины, поды, мосты и связи',
    router: 'маршрутизатор',
    node: 'нода',
    host: 'хост',
  },
  legend: { title: 'Пакеты', drop: 'Здесь отброшен' },
  notices: {
    title: 'В ссылке есть ошибки; остальное применено:',
    close: 'Закрыть',
    pastEnd: (step, total) => `?step=${step}: в этом пути ${count('ru', total, EVENTS_RU)}; открыто последнее.`,
  },
  kinds: { arp: 'ARP', request: 'Запрос', reply: 'Ответ', 'icmp-error': 'Ошибка ICMP', decision: 'Решения ядра' },
  form: {
    label: 'Путь',
    from: 'Откуда',
    to: 'Куда',
    pods: 'Поды',
    machines: 'Машины',
    ipOption: 'IP-адрес…',
    toIp: 'IP-адрес',
    proto: 'Протокол',
    icmp: 'ICMP ping',
    udp: 'UDP',
    tcp: 'TCP SYN',
    port: 'Порт',
    count: 'Пакетов',
    countHelp: (max) => `Сколько пакетов отправить: от 1 до ${max}`,
    ttl: 'TTL',
    ttlHelp: 'TTL отправляемых пакетов: от 1 до 255',
    clear: 'Очистить кэши',
    clearHelp: 'Начать с пустых ARP-таблиц и таблиц FDB',
    showing: 'Показан последний удачный путь.',
  },
  panels: {
    explain: 'Это событие',
    level: 'Объяснение',
    levelShort: 'Кратко',
    levelDetailed: 'Подробно',
    packet: 'Пакет',
    tables: 'Таблицы',
    log: 'Журнал событий',
    device: (ns) => `Таблицы ${ns}`,
    routes: 'Таблица маршрутизации',
    neigh: 'ARP-таблица (кэш соседей)',
    fdb: (name) => `Мост ${name}: FDB`,
    segFdb: (name) => `Коммутатор ${name}: FDB`,
    empty: 'пусто',
    isNew: 'новая',
    consulted: 'используется',
    changed: 'изменилось здесь',
    noFrame: 'Кадра на проводе ещё нет: пакет пока внутри сетевого пространства имён.',
    fromEvent: (n) => `Кадр события ${n}`,
    outcome: 'Итог',
    correction: 'Конспект и реальный Linux',
    correctionAt: (n) => `Конспект и реальный Linux, глава ${n}`,
    filter: 'Показать',
    noEvents: 'Под фильтр не подходит ни одно событие.',
    local: 'локальная',
    localRoutes: (n) => `Таблица local: ${count('ru', n, ROUTES_RU)} к собственным адресам`,
    // Soft hyphens (\u00ad) let long Russian headers break inside narrow table columns.
    cols: { dst: 'Назна\u00adчение', via: 'Шлюз', dev: 'Устрой\u00adство', proto: 'Кем добав\u00adлен (proto)', ip: 'IP', mac: 'MAC', state: 'Состо\u00adяние', iface: 'Интер\u00adфейс', port: 'Порт' },
  },
  fields: {
    'eth.src': 'MAC источника',
    'eth.dst': 'MAC назначения',
    'eth.type': 'EtherType',
    'arp.op': 'Операция',
    'arp.sha': 'MAC отправителя',
    'arp.spa': 'IP отправителя',
    'arp.tha': 'Целевой MAC',
    'arp.tpa': 'Целевой IP',
    'ipv4.src': 'IP источника',
    'ipv4.dst': 'IP назначения',
    'ipv4.ttl': 'TTL',
    'ipv4.proto': 'Протокол',
    'icmp.type': 'Тип',
    'icmp.code': 'Код',
    'icmp.seq': 'Номер (seq)',
    'icmp.gateway': 'Шлюз',
    'udp.sport': 'Порт источника',
    'udp.dport': 'Порт назначения',
    'tcp.sport': 'Порт источника',
    'tcp.dport': 'Порт назначения',
    'tcp.flags': 'Флаги',
  },
  arpOps: { request: 'запрос (request)', reply: 'ответ (reply)' },
  types: {
    frame: 'кадр',
    route: 'маршрут',
    neigh: 'ARP-таблица',
    fdb: 'FDB',
    ttl: 'TTL',
    send: 'отправка',
    deliver: 'доставка',
    drop: 'отброшен',
    consume: 'проигнорирован',
  },
  frame: { in: 'вход', out: 'выход', unreachable: 'нет маршрута' },
  fdbActions: { learn: 'запоминает', forward: 'коммутирует', flood: 'рассылает', local: 'передаёт наверх' },
  drops: {
    'no-route': 'нет маршрута до назначения',
    'ttl-exceeded': 'истёк TTL',
    'neigh-failed': 'ARP-запрос остался без ответа',
    'not-for-us': 'адресован не этому хосту',
    'forwarding-disabled': 'пересылка выключена (ip_forward=0)',
    'rp-filter': 'фильтр обратного пути (rp_filter)',
    'port-unreachable': 'порт недостижим',
    'tcp-no-listener': 'этот TCP-порт никто не слушает',
    'icmp-rate-limited': 'ошибка ICMP подавлена ограничением частоты',
    'bridge-no-port': 'мосту некуда отправить кадр',
    martian: '«марсианский» адрес (127.0.0.0/8 снаружи)',
    'iface-down': 'интерфейс выключен',
  },
  consumes: {
    'arp-other-target': 'ARP-запрос о чужом адресе',
    'arp-unsolicited': 'незапрошенный ARP-ответ (arp_accept=0)',
  },
  dropped: (reason) => `Отброшен: ${reason}`,
  ignored: (reason) => `Проигнорирован: ${reason}`,
};

/** The strings of each language. */
export const STRINGS: Record<Lang, Strings> = { en, ru };

/** Colour variable of each packet kind, shared by glyphs, legend and log. */
export const KIND_VAR: Record<PacketKind, string> = {
  arp: 'var(--kind-arp)',
  request: 'var(--kind-request)',
  reply: 'var(--kind-reply)',
  'icmp-error': 'var(--kind-error)',
};
