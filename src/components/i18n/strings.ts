import type { PacketKind } from '../../core';
import { count, type PluralForms } from '../../core/i18n/plural';
import type { LogFilterKey } from '../../store/appState';
import type { Lang } from '../../store/types';
import { anySizeEn, anySizeRu } from './anySizeStrings';
import { CANVAS_EDIT_EN, CANVAS_EDIT_RU } from './canvasEditStrings';
import { CNI_EN, CNI_RU } from './cniStrings';
import { EMBED_EN, EMBED_RU } from './embedStrings';
import { ON_DEMAND_EN, ON_DEMAND_RU } from './onDemandStrings';

/** «байт» agrees with its number (1 байт, 2 байта, 5 байт). */
const BYTES_RU: PluralForms = { one: 'байт', few: 'байта', many: 'байт', other: 'байта' };
import { logEn, logRu } from './logStrings';

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

export type { EventTypeKey } from './logStrings';

const ROUTES_EN: PluralForms = { one: 'route', other: 'routes' };
const ROUTES_RU: PluralForms = { one: 'маршрут', few: 'маршрута', many: 'маршрутов', other: 'маршрута' };
const EVENTS_EN: PluralForms = { one: 'event', other: 'events' };
const EVENTS_RU: PluralForms = { one: 'событие', few: 'события', many: 'событий', other: 'события' };

const en = {
  appTitle: 'Packet Journey',
  ...ON_DEMAND_EN,
  canvasEdit: CANVAS_EDIT_EN,
  cni: CNI_EN,
  hint: 'Press Play or → to go through the packet’s journey event by event',
  /** The hint where the whole sentence would wrap over the drawing (the whole one stays for screen readers). */
  hintShort: 'Press Play or →',
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
    pod: 'pod',
    pinHelp: 'Pin its tables in the Tables tab',
    unpinHelp: 'Unpin its tables',
    pinActions: (ns: string) => `Actions for ${ns}`,
    sendFrom: 'Send from here',
    sendTo: 'Send to here',
    unpin: 'Unpin the tables',
    /** The journey form folded into one button on a small screen: what it opens. */
    journey: 'Journey',
    /** The folded form's summary: `from → to`, then the protocol. */
    journeySummary: (route: string, proto: string) => `${route} · ${proto}`,
    drawer: 'Panels: this event, packet, tables and log',
    drawerClose: 'Close the panels',
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
    scenario: 'Scenario',
    scenarioHelp: 'A scenario checked against the Linux kernel: choosing one opens its lab and its journey',
    scenarioNone: 'Your own journey',
    size: 'Size',
    sizeHelp: (max: number) => `Bytes of data in each packet, as ping -s: 0 to ${max}. Empty: 56 for ping, 2 for UDP`,
    /** Groups of the scenario picker (see `form/scenarioGroups.ts`). */
    groups: {
      seed: 'Journeys in the seed lab',
      listen: 'Listening ports and the TCP handshake',
      proxyArp: 'Proxy ARP and Calico-style /32 pods',
      redirects: 'ICMP redirects',
      arp: 'ARP failures and duplicate addresses',
      ttl: 'TTL',
      rpFilter: 'rp_filter',
      loopback: 'Loopback (lo)',
      routing: 'Routing table order',
      mtu: 'MTU: too big for the next link',
      tcpRetries: 'TCP SYN retransmissions',
      broadcast: 'Broadcasts',
      flannel: 'Flannel: VXLAN and host-gw',
      calico: 'Calico: no bridge, proxy ARP, BGP routes, VXLAN or IP-in-IP',
      cilium: 'Cilium: eBPF, tunnel and native routing (not kernel-recorded)',
      weave: 'Weave Net, historical: OVS datapath and VXLAN (not kernel-recorded)',
      cases: 'Cases from bug reports',
      other: 'Other scenarios',
    },
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
    /** Title of the tables of a namespace pinned from the drawing. */
    pinned: (ns: string) => `Tables of ${ns} (pinned)`,
    unpin: 'Unpin',
    unpinHelp: 'Show the tables of each event’s namespace again',
    routes: 'Routing table',
    neigh: 'ARP table (neighbour cache)',
    fdb: (name: string) => `Bridge ${name}: FDB`,
    segFdb: (name: string) => `Switch ${name}: FDB`,
    empty: 'empty',
    isNew: 'new',
    consulted: 'used now',
    /** The ports a program listens on in this namespace, as `tcp/80, udp/53`. */
    listens: (list: string) => `Listens on ${list}`,
    changed: 'changed here',
    noFrame: 'No frame on the wire yet: the packet is still inside the network namespace.',
    fromEvent: (n: number) => `Frame of event ${n}`,
    /** An encapsulated frame: its VXLAN header, the frame it carries, and the bytes it adds. */
    vxlanVni: 'VNI (network identifier)',
    inner: 'Inside: the frame it carries',
    encapBytes: (ip: number, inner: number) =>
      `${ip} bytes of outer IP = IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14 + inner packet ${inner}: 50 bytes more than the packet itself, ` +
      `which is why the VXLAN device's MTU is its underlay's minus 50 (1500 − 50 = 1450)`,
    /** An IP-in-IP packet: the IPv4 packet it carries (no Ethernet inside), and the 20 bytes it adds. */
    innerPacket: 'Inside: the IPv4 packet it carries (protocol 4)',
    ipipBytes: (ip: number, inner: number) => `${ip} bytes of outer IP = outer IPv4 header 20 + inner packet ${inner}: 20 bytes more, which is why tunl0's MTU is eth0's minus 20 (1500 − 20 = 1480)`,
    outcome: 'Outcome',
    correction: 'Course notes vs. Linux',
    correctionAt: (n: number) => `Course notes vs. Linux, chapter ${n}`,
    /** The button that opens a chapter's correction in a window of its own where the caption is too small for it. */
    correctionRead: 'Read it all',
    correctionClose: 'Close',
    filter: 'Show',
    noEvents: 'No event matches the filter.',
    local: 'local',
    localRoutes: (n: number) => `Local table: ${count('en', n, ROUTES_EN)} to this namespace’s own and broadcast addresses`,
    cols: { dst: 'Destination', via: 'Gateway', dev: 'Device', proto: 'Added by (proto)', ip: 'IP', mac: 'MAC', state: 'State', iface: 'Interface', port: 'Port' },
  },
  ...logEn,
  /** Links to this event and embed code for a slide (issue 8). */
  share: {
    label: 'Link to this event',
    copyLink: 'Copy link to this event',
    copyEmbed: 'Copy embed code (iframe for a slide)',
    copiedLink: 'Link copied',
    copiedEmbed: 'Embed code copied',
    manualLink: 'Copy this link',
    manualEmbed: 'Copy this embed code',
    manualHelp: 'The browser did not let the page copy. The text is selected: press Ctrl+C (or ⌘C).',
    close: 'Close',
    /** The embedded frame's title, for screen readers on the slide; `journey` is "pod1 → pod3". */
    embedTitle: (n: number, journey: string) => `Packet Journey: ${journey}, event ${n}`,
    capture: 'Download the journey’s frames for Wireshark (.pcapng), each with its explanation as a comment',
    /** The export menu's button (its items load with the export chunk, `exportStrings.ts`). */
    exportMenu: 'Save or print: pictures of this event, handout, offline page',
  },
  /** Journeys of any size: folded floods, chapters, hidden future, about the lab (issue 8, item 8). */
  anySize: anySizeEn,
  /** The embedded player (issue 11). */
  embed: EMBED_EN,
};

/** The shape every language's strings have. */
export type Strings = typeof en;

const ru: Strings = {
  appTitle: 'Путь пакета',
  ...ON_DEMAND_RU,
  canvasEdit: CANVAS_EDIT_RU,
  cni: CNI_RU,
  hint: 'Нажмите «Воспроизвести» или →, чтобы пройти путь пакета событие за событием',
  hintShort: 'Нажмите «Воспроизвести» или →',
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
    pod: 'под',
    pinHelp: 'Закрепить его таблицы на вкладке «Таблицы»',
    unpinHelp: 'Открепить его таблицы',
    pinActions: (ns) => `Действия для ${ns}`,
    sendFrom: 'Отправить отсюда',
    sendTo: 'Отправить сюда',
    unpin: 'Открепить таблицы',
    journey: 'Путь',
    journeySummary: (route, proto) => `${route} · ${proto}`,
    drawer: 'Панели: событие, пакет, таблицы и журнал',
    drawerClose: 'Закрыть панели',
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
    scenario: 'Сценарий',
    scenarioHelp: 'Сценарий, проверенный на ядре Linux: выбор открывает его стенд и его путь',
    scenarioNone: 'Свой путь',
    size: 'Размер',
    sizeHelp: (max) => `Байт данных в каждом пакете, как ping -s: от 0 до ${max}. Пусто — 56 для ping, 2 для UDP`,
    groups: {
      seed: 'Пути на учебном стенде',
      listen: 'Прослушиваемые порты и TCP-рукопожатие',
      proxyArp: 'Proxy ARP и поды /32 в стиле Calico',
      redirects: 'Перенаправления ICMP',
      arp: 'Сбои ARP и конфликты адресов',
      ttl: 'TTL',
      rpFilter: 'rp_filter',
      loopback: 'Петлевой интерфейс (lo)',
      routing: 'Порядок маршрутов в таблице',
      mtu: 'MTU: пакет не помещается в следующий канал',
      tcpRetries: 'Повторные передачи TCP SYN',
      broadcast: 'Широковещательные пакеты',
      flannel: 'Flannel: VXLAN и host-gw',
      calico: 'Calico: без моста, proxy ARP, маршруты BGP, VXLAN или IP-in-IP',
      cilium: 'Cilium: eBPF, туннель и маршрутизация без туннеля (без записи на ядре)',
      weave: 'Weave Net, история: путь данных OVS и VXLAN (без записи на ядре)',
      cases: 'Случаи из отчётов об ошибках',
      other: 'Другие сценарии',
    },
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
    pinned: (ns) => `Таблицы ${ns} (закреплены)`,
    unpin: 'Открепить',
    unpinHelp: 'Снова показывать таблицы того места, где происходит событие',
    routes: 'Таблица маршрутизации',
    neigh: 'ARP-таблица (кэш соседей)',
    fdb: (name) => `Мост ${name}: FDB`,
    segFdb: (name) => `Коммутатор ${name}: FDB`,
    empty: 'пусто',
    isNew: 'новая',
    consulted: 'используется',
    listens: (list) => `Слушает ${list}`,
    changed: 'изменилось здесь',
    noFrame: 'Кадра на проводе ещё нет: пакет пока внутри сетевого пространства имён.',
    fromEvent: (n) => `Кадр события ${n}`,
    vxlanVni: 'VNI (идентификатор сети)',
    inner: 'Внутри: кадр, который он несёт',
    encapBytes: (ip, inner) =>
      `Внешний IP-пакет — ${count('ru', ip, BYTES_RU)}: IPv4 20 + UDP 8 + VXLAN 8 + внутренний Ethernet 14 + внутренний пакет ${inner}. Это на 50 байт больше самого пакета, ` +
      `поэтому MTU VXLAN-устройства на 50 меньше, чем у нижележащего интерфейса (1500 − 50 = 1450)`,
    innerPacket: 'Внутри: пакет IPv4, который он несёт (протокол 4)',
    ipipBytes: (ip, inner) => `Внешний IP-пакет — ${count('ru', ip, BYTES_RU)}: внешний заголовок IPv4 20 + внутренний пакет ${inner}. Это на 20 байт больше, поэтому MTU туннеля tunl0 на 20 меньше, чем у интерфейса eth0 (1500 − 20 = 1480)`,
    outcome: 'Итог',
    correction: 'Конспект и реальный Linux',
    correctionAt: (n) => `Конспект и реальный Linux, глава ${n}`,
    correctionRead: 'Читать целиком',
    correctionClose: 'Закрыть',
    filter: 'Показать',
    noEvents: 'Под фильтр не подходит ни одно событие.',
    local: 'локальная',
    localRoutes: (n) => `Таблица local: ${count('ru', n, ROUTES_RU)} к собственным и широковещательным адресам`,
    // Soft hyphens (\u00ad) let long Russian headers break inside narrow table columns.
    cols: { dst: 'Назна\u00adчение', via: 'Шлюз', dev: 'Устрой\u00adство', proto: 'Кем добав\u00adлен (proto)', ip: 'IP', mac: 'MAC', state: 'Состо\u00adяние', iface: 'Интер\u00adфейс', port: 'Порт' },
  },
  ...logRu,
  share: {
    label: 'Ссылка на это событие',
    copyLink: 'Скопировать ссылку на это событие',
    copyEmbed: 'Скопировать код для встраивания (iframe для слайда)',
    copiedLink: 'Ссылка скопирована',
    copiedEmbed: 'Код для встраивания скопирован',
    manualLink: 'Скопируйте ссылку',
    manualEmbed: 'Скопируйте код для встраивания',
    manualHelp: 'Браузер не дал странице скопировать текст. Текст выделен: нажмите Ctrl+C (или ⌘C).',
    close: 'Закрыть',
    embedTitle: (n, journey) => `Путь пакета: ${journey}, событие ${n}`,
    capture: 'Скачать кадры путешествия для Wireshark (.pcapng), у каждого — объяснение в комментарии',
    exportMenu: 'Сохранить или напечатать: рисунки этого события, раздаточный материал, офлайн-страницу',
  },
  anySize: anySizeRu,
  embed: EMBED_RU,
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
