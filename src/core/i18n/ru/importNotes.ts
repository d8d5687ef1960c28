import { count } from '../plural';
import type { ImportCatalog } from '../../import/tell';

/*
 * Русские фразы импорта кластера: как прочитан блок, что принято по умолчанию, что перечислено, но
 * не размещено, и что не так во входных данных (и как правильно). Команды и поля Kubernetes
 * записаны так, как их печатают сами утилиты. Перед латинским именем всегда склоняемое слово
 * («нода minikube-m02», «под default/pod-a»).
 */

const n = (k: number, one: string, few: string, many: string) => count('ru', k, { one, few, many, other: few });

const BLOCKS: Record<string, (k: number) => string> = {
  'nodes-json': (k) => `JSON из kubectl: ${n(k, 'нода', 'ноды', 'нод')}`,
  'ciliumnodes-json': (k) => `JSON из kubectl: ${n(k, 'объект', 'объекта', 'объектов')} CiliumNode`,
  'pods-json': (k) => `JSON из kubectl: ${n(k, 'под', 'пода', 'подов')}`,
  'daemonsets-json': (k) => `JSON из kubectl: ${n(k, 'DaemonSet', 'DaemonSet', 'DaemonSet')}`,
  'list-json': (k) => `список JSON из kubectl: ${n(k, 'объект', 'объекта', 'объектов')}`,
  'nodes-table': (k) => `kubectl get nodes: ${n(k, 'нода', 'ноды', 'нод')}`,
  'pods-table': (k) => `kubectl get pods: ${n(k, 'под', 'пода', 'подов')}`,
  'daemonsets-table': (k) => `kubectl get ds: ${n(k, 'DaemonSet', 'DaemonSet', 'DaemonSet')}`,
  'minikube-nodes': (k) => `minikube node list: ${n(k, 'нода', 'ноды', 'нод')}`,
  'ip-addr': (k) => `ip -j addr: ${n(k, 'интерфейс', 'интерфейса', 'интерфейсов')}`,
  'ip-route': (k) => `ip -j route: ${n(k, 'маршрут', 'маршрута', 'маршрутов')}`,
  'ip-neigh': (k) => `ip -j neigh: ${n(k, 'запись', 'записи', 'записей')} ARP-таблицы`,
  'bridge-fdb': (k) => `bridge -j fdb: ${n(k, 'запись', 'записи', 'записей')} FDB`,
};

/** Команда, чей вывод применён (`table`: addr, route, neigh или fdb). */
const command = (table: string) => (table === 'fdb' ? 'bridge -j fdb' : `ip -j ${table}`);

/** Режимы пути данных по ключам. */
export const IMPORT_MODES_RU: Record<string, string> = {
  'flannel-vxlan': 'Flannel, бэкенд VXLAN',
  'flannel-host-gw': 'Flannel, бэкенд host-gw',
  calico: 'Calico без инкапсуляции (маршруты BGP через другую ноду)',
  'calico-vxlan': 'Calico VXLAN (vxlan.calico, UDP 4789)',
  'calico-ipip': 'Calico IP-in-IP (туннель tunl0, маршруты BGP через него; значение манифеста по умолчанию)',
  'cilium-tunnel': 'Cilium, туннель (eBPF, cilium_vxlan, UDP 8472)',
  'cilium-native': 'Cilium, маршрутизация без туннеля (eBPF)',
  bridge: 'только плагин bridge, без маршрутов к подсетям подов других нод',
  weave: 'Weave Net, fastdp (путь данных Open vSwitch, VXLAN на UDP 6784)',
  'cilium-tunnel-wg': 'Cilium, туннель с шифрованием WireGuard (интерфейс cilium_wg0, UDP 51871)',
  'cilium-native-wg': 'Cilium, маршрутизация без туннеля с шифрованием WireGuard (интерфейс cilium_wg0, UDP 51871)',
};

const CNIS: Record<string, string> = { flannel: 'Flannel', calico: 'Calico', cilium: 'Cilium', weave: 'Weave Net', kindnet: 'kindnet', bridge: 'CNI bridge из minikube' };

const ROUTE_WHY: Record<string, string> = {
  dev: 'его интерфейса нет в стенде',
  type: 'в стенде бывают только маршруты типа unicast',
  refused: 'в собранном стенде Linux не принял бы такой маршрут',
};

/** Символ без кавычек JSON (`found` приходит как строка JSON: `","`), чтобы в тексте стояли русские кавычки. */
function unquote(found: string): string {
  try {
    const s: unknown = JSON.parse(found);
    return typeof s === 'string' ? s : found;
  } catch {
    return found;
  }
}

/** Что ожидалось в поле (`expected` приходит из кода по-английски). */
const EXPECTED: Record<string, string> = { IPv4: 'адрес IPv4', 'IPv4 prefix': 'префикс IPv4 (адрес/длина)', 'IPv4 CIDR': 'подсеть IPv4 в записи CIDR', MAC: 'MAC-адрес' };

/** Какой JSON прочитан (`what`: его вид верхнего уровня, как его называет JavaScript, или «kind …»). */
const JSON_SHAPES: Record<string, string> = { array: 'массив', object: 'объект', string: 'строка', number: 'число', boolean: 'логическое значение' };

/** Фразы импорта по-русски. */
export const importNotesRu: ImportCatalog = {
  notes: {
    empty: () => 'Импортировать нечего: вставьте вывод kubectl, minikube или ip -j либо выберите файлы.',
    binary: ({ bytes }) => `Это не текст (${n(bytes, 'байт, какого', 'байта, каких', 'байтов, каких')} в тексте не бывает): выберите сохранённый вывод команды, а не двоичный файл.`,
    'json-truncated': ({ startLine }) => `JSON, который начинается в строке ${startLine}, не закрыт: его обрезали при копировании. Скопируйте вывод целиком ещё раз.`,
    'json-invalid': ({ column, found }) => `Это некорректный JSON: ${found === 'end' ? 'текст обрывается' : `неожиданный символ «${unquote(found)}»`} в столбце ${column}.`,
    'json-unknown': ({ what }) => `Этот JSON (${JSON_SHAPES[what] ?? what}) не похож на вывод kubectl get nodes, pods или ds -o json, ip -j или bridge -j.`,
    'ip-not-json': ({ command }) => `Это текстовый вывод ${command}; импорт читает его JSON: запустите с -j (${command.replace(/^(ip|bridge) /, '$1 -j ')}).`,
    unrecognised: ({ text }) => `«${text}» — начало вывода, которого импорт не знает (kubectl get nodes/pods/ds, minikube node list, ip -j addr/route/neigh, bridge -j fdb).`,
    'row-short': ({ missing }) => `В строке меньше ячеек, чем в заголовке: не хватает ${missing}. Скопируйте таблицу ещё раз, строками целиком.`,
    'table-columns': ({ table, columns, flag }) => `В таблице ${table} нет ${columns.includes(',') ? 'столбцов' : 'столбца'} ${columns}: выведите её с ${flag} (kubectl get ${table} -A ${flag}).`,
    'field-missing': () => 'Обязательное поле отсутствует.',
    'field-invalid': ({ got, expected }) => `Ожидается ${EXPECTED[expected] ?? expected}, а здесь «${got}».`,
    'no-nodes': () => 'Не найдено ни одной ноды: вставьте kubectl get nodes (или minikube node list) либо поды со столбцом NODE.',
    'ip-node-unknown': ({ command }) => `С какой ноды этот вывод ${command}? Вставьте его под командой, которая его напечатала (minikube ssh -n NODE -- ${command}), или под строкой «# node: NAME».`,
    'ip-node-missing': ({ node, nodes }) => `«${node}» — не нода этого кластера (его ноды: ${nodes}).`,
    'node-no-ip': ({ node }) => `Нет адреса у ноды ${node}: вставьте kubectl get nodes -o wide (столбец INTERNAL-IP) или JSON ноды.`,
    'node-ip-twice': ({ ip, a, b }) => `У нод ${a} и ${b} один и тот же адрес ${ip}.`,
    'pick-datapath': ({ detected }) =>
      detected === ''
        ? 'Ни среди DaemonSet, ни среди подов CNI не найден: выберите режим пути данных для стенда.'
        : `Найден ${CNIS[detected] ?? detected}, но режима пути данных для него в этой версии пока нет: выберите один из имеющихся.`,
    'datapath-refused': ({ mode, node, other }) =>
      `Режиму «${IMPORT_MODES_RU[mode] ?? mode}» нужны ноды в одной сети второго уровня, а нода ${node} не в сети ноды ${other}: выберите режим с туннелем (VXLAN).`,
    'lab-invalid': ({ problems }) => `Стенд, собранный из этих данных, некорректен (${problems}). Это ошибка импорта; сообщите о ней, приложив входные данные.`,
    block: ({ kind, count: k, node }) => `${(BLOCKS[kind] ?? ((c: number) => `${kind}: ${c}`))(k)}${node !== '' ? ` (нода ${node})` : ''}.`,
    'cni-detected': ({ cni, from }) => `CNI: ${CNIS[cni] ?? cni} (опознан по ${from}).`,
    datapath: ({ mode, chosen }) => `Режим пути данных: ${IMPORT_MODES_RU[mode] ?? mode}${chosen ? ' (ваш выбор)' : ''}.`,
    'ip-applied': ({ node, table, confirmed, added }) => `Нода ${node}, ${command(table)}: уже как в стенде — ${confirmed}, добавлено — ${added}.`,
    'ip-mac': ({ node, iface, mac }) => `Нода ${node}: у интерфейса ${iface} MAC ${mac}, как показывает ip -j addr.`,
    'minikube-start': ({ cni, nodes }) =>
      `Команда minikube start${nodes > 0 ? `: ${n(nodes, 'нода', 'ноды', 'нод')}` : ''}${cni !== '' ? `${nodes > 0 ? ',' : ':'} --cni ${cni} — по этому флагу определяется CNI, если его не называет ни один DaemonSet` : ''}.`,
    'calico-blocks': ({ node, blocks }) => `Нода ${node}: ${blocks.includes(',') ? 'блоки' : 'блок'} Calico ${blocks} с привязкой к ней (подсети /26 пула, в которых лежат адреса её подов; calico-ipam занял их, когда выдавал эти адреса).`,
    'cilium-wireguard': ({ from }) =>
      `Прозрачное шифрование WireGuard включено (enable-wireguard), как показывает ${from === 'ciliumnode' ? 'аннотация network.cilium.io/wg-pub-key объектов CiliumNode (открытый ключ каждой ноды)' : `интерфейс ${from} в ip -j addr`}: трафик между подами на разных нодах покидает ноду зашифрованным, в датаграммах UDP 51871 между адресами нод.`,
    'node-ip-minikube': ({ node, ip }) => `Нода ${node}: адрес ${ip} по правилу minikube для драйвера docker: сеть кластера — 192.168.49.0/24, если она свободна (иначе 192.168.58.0/24, 192.168.67.0/24, …), а адрес ноды — адрес шлюза плюс её номер. Проверьте командой minikube node list.`,
    'node-ip-kind': ({ node, ip }) => `Нода ${node}: адрес ${ip} в сети Docker кластера kind, по порядку нод (их выбирает Docker; проверьте kubectl get nodes -o wide).`,
    'node-ip-from-pod': ({ node, ip, pod }) => `Нода ${node}: адрес ${ip}, как у пода ${pod}, который работает в сети своей ноды (hostNetwork).`,
    segment: ({ cidr, tool }) =>
      tool === 'minikube' || tool === 'kind'
        ? `Ноды находятся в одной сети второго уровня ${cidr}: сеть Docker, в которой их запускает ${tool}, — это один мост.`
        : `Считается, что ноды с адресами из ${cidr} находятся в одной сети второго уровня (в облачной VPC подсеть маршрутизируется, а не коммутируется, и host-gw там обычно не работает).`,
    'pod-cidr-from-pods': ({ node, cidr }) => `Нода ${node}: подсеть подов ${cidr} по адресам её подов (podCIDR не был дан).`,
    'pod-cidr-from-ip': ({ node, cidr }) => `Нода ${node}: подсеть подов ${cidr} по её cni0 из ip -j addr.`,
    'pod-cidr-assumed': ({ node, cidr }) => `Нода ${node}: подсеть подов ${cidr} — следующая подсеть /24 из сети подов в порядке присоединения нод (node IPAM в kube-controller-manager).`,
    'cluster-network': ({ cidr, from }) => `Сеть подов ${cidr}${from === 'default' ? ' — обычное значение по умолчанию (у minikube, kind и в Network из net-conf.json kube-flannel): ни адресов подов, ни podCIDR не было' : ' — сеть /16, в которой лежат адреса подов'}.`,
    'control-plane-assumed': ({ node }) => `Управляющей нодой (control plane) принята нода ${node}: ни столбец ROLES, ни метки на это не указывают.`,
    'flannel-backend': ({ backend, from }) =>
      `Бэкенд Flannel — ${backend}${from === 'default' ? ' по умолчанию в kube-flannel (проверьте по ip -j addr любой ноды: наличие flannel.1 означает бэкенд vxlan)' : from === 'flannel.1' ? ', как показывает flannel.1 в ip -j addr' : ', как показывают маршруты нод'}.`,
    'name-shortened': ({ pod, ns }) => `Под ${pod} в стенде называется ${ns}: имена сетевых пространств имён там не длиннее 31 символа и не повторяются.`,
    'minikube-nodes-differ': ({ flag, found }) => `Команда minikube start просила ${n(flag, 'ноду', 'ноды', 'нод')}, а в выводе их ${found}: в стенде столько нод, сколько в выводе (ноды добавили или удалили позже либо вставили не весь вывод).`,
    'cni-conflict': ({ flag, detected }) => `В minikube start указано --cni ${flag}, но по DaemonSet работает ${CNIS[detected] ?? detected}: стенд следует тому, что работает.`,
    'calico-encapsulation': ({ encap, from, modelled }) => {
      const how = from === 'default' ? 'как по умолчанию в манифесте (CALICO_IPV4POOL_IPIP Always в calico.yaml и его копии в minikube; проверьте по ip -j addr любой ноды: tunl0 с адресом означает IP-in-IP, vxlan.calico — VXLAN)' : from === 'routes' ? 'как показывают маршруты BIRD в ip -j route' : `как показывает ${from} в ip -j addr`;
      const what = encap === 'ipip' ? 'IP-in-IP (tunl0)' : encap === 'vxlan' ? 'VXLAN (vxlan.calico)' : 'нет';
      return `Инкапсуляция Calico: ${what}, ${how}.${modelled ? '' : ' Устройства IP-in-IP в этой версии нет: стенд работает с Calico без инкапсуляции, и маршруты BIRD так же ведут к блокам в одной сети (у пакетов нет внешнего заголовка tunl0 в 20 байт).'}`;
    },
    'calico-gateway': ({ ip, from }) =>
      `Шлюз по умолчанию для нод — ${ip}${from === 'routes' ? ', из ip -j route' : from === 'docker' ? ', шлюз сети Docker' : ', первый адрес подсети нод (допущение)'}: он нужен Calico, потому что на ARP-запрос пода о 169.254.1.1 нода отвечает (proxy ARP) только за адрес, к которому у неё есть маршрут.`,
    'cilium-routing': ({ routing, from }) =>
      `Режим маршрутизации Cilium: ${routing}${from === 'default' ? ', по умолчанию в Cilium (routing-mode: tunnel в манифесте minikube; проверьте по ip -j addr любой ноды: cilium_vxlan означает tunnel)' : from === 'routes' ? ', как показывают маршруты к подсетям подов других нод' : `, как показывает ${from} в ip -j addr`}.`,
    'cilium-pod-cidr': ({ node, cidr, from }) =>
      `Нода ${node}: подсеть cluster-pool в Cilium — ${cidr}${from === 'ciliumnode' ? ', из её объекта CiliumNode (spec.ipam.podCIDRs)' : from === 'pods' ? ' — подсеть /24, в которой лежат её поды (cluster-pool-ipv4-mask-size 24; подсети от оператора Cilium не обязаны совпадать с podCIDR ноды)' : ' — её podCIDR (проверьте по kubectl get ciliumnodes -o json)'}.`,
    'cilium-router': ({ node, ip, from }) =>
      `Нода ${node}: адрес маршрутизатора ${ip} на cilium_host${from === 'ciliumnode' ? ' (CiliumInternalIP из объекта CiliumNode)' : from === 'cilium_host' ? ', как показывает ip -j addr' : ' — наименьший адрес её подсети, не занятый подами (допущение; агент выбирает его из подсети)'}.`,
    'weave-fastdp': ({ fastdp, from }) =>
      fastdp
        ? `Путь данных Weave Net — fastdp (путь данных Open vSwitch в ядре, устройство datapath, и VXLAN на UDP 6784)${from === 'datapath' ? ', как показывает устройство datapath в ip -j addr' : ' — так Weave Net работает по умолчанию, если в ядре есть Open vSwitch (проверьте по ip -j addr любой ноды: устройство datapath означает fastdp)'}.`
        : 'ip -j addr показывает мост weave без устройства datapath: там Weave Net работает в режиме sleeve (процесс weaver сам упаковывает пакеты в UDP 6783). Режима sleeve в этой версии нет: стенд работает в режиме fastdp, его пакеты проходят тот же мост, а выходят через устройство vxlan-6784.',
    'weave-peer': ({ node, peer, share, from }) =>
      `Нода ${node}: пир Weave ${peer}, его доля диапазона адресов 10.32.0.0/12 — ${share}${from === 'ip-addr' ? ' (имя пира — это MAC моста weave в ip -j addr, а кольцо делит диапазон между пирами в порядке их имён)' : from === 'pods' ? ' (доля, в которой лежат её поды: имя пира подобрано так, чтобы деление между именами по порядку дало ей эту долю)' : ' (допущение: ни ip -j addr, ни поды не показывают, какая; проверьте по ip -j addr этой ноды)'}.`,
    'weave-bridge': ({ node, ip, from }) =>
      `Нода ${node}: у моста weave адрес ${ip}, это шлюз подов${from === 'ip-addr' ? ', как показывает ip -j addr' : ' (допущение: первый адрес её доли, не занятый подами, — его берёт weave --local expose при запуске)'}.`,
    'ages-adjusted': ({ node, pod }) => `Во вставленном выводе нода ${node} моложе своего пода ${pod}: выводы сняты в разное время, поэтому считается, что нода присоединилась, когда создавался этот под.`,
    'times-assumed': () => 'Не указаны ни возраст, ни время создания: ноды присоединились с разницей 20 с, поды — с разницей в секунду.',
    'macs-assumed': ({ rule }) =>
      rule === 'docker' ? 'MAC-адреса нод построены так, как Docker до версии 27 включительно выводил их из IP-адреса (02:42 и четыре байта адреса; Docker 28 и новее выбирает их случайно), — там, где ip -j addr их не дал.' : 'MAC нод составлены из их адресов, где ip -j addr их не дал.',
    'host-network': ({ pods, count: k }) =>
      `${n(k, 'под работает', 'пода работают', 'подов работают')} в сети своей ноды (hostNetwork): ${k === 1 ? 'он показан' : 'они показаны'} в терминале, но собственного сетевого пространства имён у ${k === 1 ? 'него' : 'них'} нет: ${pods}.`,
    'pod-not-placed': ({ pod, status }) => `Под ${pod} (${status}) перечислен, но не размещён: своей сети на ноде у него нет.`,
    'pod-outside-subnet': ({ pod, ip, cidr }) => `Под ${pod} (${ip}) не размещён: его адрес вне подсети подов его ноды ${cidr}.`,
    'pod-renumbered': ({ pod, ip, got, range }) => `У пода ${pod} в кластере адрес ${ip}, вне ${range} — диапазона адресов Weave Net в стенде: процесс weaver выдал ему адрес ${got}.`,
    'pod-ip-refused': ({ pod, ip, got }) => `Под ${pod} не размещён: операция ADD плагина CNI не смогла выдать ему адрес ${ip}${got !== '' ? ` (${got})` : ''}.`,
    'block-skipped': ({ command }) => `Вывод «${command}» пропущен: импорт его не читает.`,
    'ip-iface-absent': ({ node, ifaces, count: k }) => (k === 1 ? `Нода ${node}: интерфейса ${ifaces} нет в стенде.` : `Нода ${node}: этих интерфейсов нет в стенде: ${ifaces}.`),
    'ip-veth-unmatched': ({ node, count: k }) =>
      `Нода ${node}: ${n(k, 'конец veth на стороне ноды не сопоставлен с подом', 'конца veth на стороне ноды не сопоставлены с подами', 'концов veth на стороне ноды не сопоставлены с подами')} (по данным ноды не видно, к какому поду ${k === 1 ? 'он ведёт' : 'они ведут'}; это покажет kubectl exec POD -- cat /sys/class/net/eth0/iflink).`,
    'ip-addr-differs': ({ node, iface, lab, real }) => `Нода ${node}: у интерфейса ${iface} на ноде ${real}, а в стенде ${lab} (оставлено как в kubectl).`,
    'ip-route-skipped': ({ node, route, why }) => `Нода ${node}: маршрут ${route} не добавлен: ${ROUTE_WHY[why] ?? why}.`,
    'ip-route-lab-only': ({ node, route }) => `Нода ${node}: в стенде есть маршрут ${route}, а в таблице ноды его нет.`,
    'ip-neigh-dynamic': ({ node, count: k }) =>
      `Нода ${node}: ${n(k, 'запись ARP-таблицы, которую ядро узнало само, не перенесена', 'записи ARP-таблицы, которые ядро узнало само, не перенесены', 'записей ARP-таблицы, которые ядро узнало само, не перенесены')} в стенд: путь пакета начинается с пустыми или заполненными кэшами.`,
    'ip-fdb-skipped': ({ node, count: k }) =>
      `Нода ${node}: ${n(k, 'запись FDB не перенесена', 'записи FDB не перенесены', 'записей FDB не перенесены')} в стенд (собственные MAC портов, групповые и изученные мостом; стенд хранит только записи удалённых VTEP устройства VXLAN).`,
  },
  where: ({ source, line, field }) => [source === 'paste' ? 'вставленный текст' : source, line > 0 ? `строка ${line}` : '', field].filter((x) => x !== '').join(', '),
  kinds: { error: 'Сначала исправьте', recognised: 'Распознано', assumed: 'Допущения', skipped: 'Перечислено, но не размещено' },
  description: ({ nodes, pods, mode }) => `Импортированный кластер: ${n(nodes, 'нода', 'ноды', 'нод')}, ${n(pods, 'под', 'пода', 'подов')} со своей сетью, ${IMPORT_MODES_RU[mode] ?? mode}.`,
  modes: IMPORT_MODES_RU,
};
