import { count } from '../plural';
import type { ProblemCatalog, ProblemListCatalog } from '../problems';
import { optionTexts } from '../options';

/*
 * Russian sentences for topology problems. Glossary: «сетевое пространство имён» (namespace),
 * «мост» (bridge), «интерфейс», «подсеть», «шлюз»; «машина» only for the form's `machines`.
 * Field names, values the user typed, MACs, prefixes and kernel names stay in Latin letters; what
 * Linux itself answers (`kernel`) follows the explanation in parentheses, word for word.
 */

/** A JSON string literal as Russian text quotes it («x»); other JSON text (2, null, {…}) as is. */
function quoted(json: string): string {
  if (!json.startsWith('"')) return json;
  try {
    return `«${String(JSON.parse(json))}»`;
  } catch {
    return json;
  }
}

/** The end of "expected X, got Y": «получено «x»», or that the field is absent or empty. */
function got(json: string): string {
  if (json === 'undefined') return 'а значение не задано';
  if (json === '""') return 'получена пустая строка';
  return `получено ${quoted(json)}`;
}

/** ` (Linux: «…»)` when the kernel's own answer is known, otherwise nothing. */
function linux(kernel: string | undefined): string {
  return kernel === undefined ? '' : ` (Linux: «${kernel}»)`;
}

/** A JSON array of allowed values as a list: «node», «router» или «host». */
function alternatives(options: string): string {
  const texts = optionTexts(options).map(quoted);
  return texts.length <= 1 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} или ${texts[texts.length - 1] ?? ''}`;
}

/** One sentence per problem code, in Russian; `formatProblem` puts the path in front. */
export const problemsRu: ProblemCatalog = {
  'topology-not-object': () => 'ожидается JSON-объект',
  'topology-unreadable': () => 'не удалось прочитать данные как JSON (чтение одного из полей завершилось ошибкой)',
  'not-object': () => 'ожидается объект',
  'not-array': () => 'ожидается массив',
  missing: () => 'обязательное поле не задано',
  'unknown-key': ({ key }) => `неизвестное поле ${quoted(key)}`,
  'not-string': (p) => `ожидается строка, ${got(p.got)}`,
  'not-boolean': (p) => `ожидается true или false, ${got(p.got)}`,
  'not-number': (p) => `ожидается число, ${got(p.got)}`,
  'one-of': (p) => `ожидается ${alternatives(p.options)}, ${got(p.got)}`,
  'int-range': (p) => `ожидается целое число от ${p.min} до ${p.max}, ${got(p.got)}${linux(p.kernel)}`,
  invalid: (p) => `недопустимое значение ${quoted(p.got)}`,
  'non-empty-string': () => 'ожидается непустая строка',
  'duplicate-segment': ({ id }) => `сегмент «${id}» объявлен дважды`,
  'file-not-json': ({ line, column, token }) =>
    `файл не является корректным JSON${line > 0 ? ` (строка ${line}, столбец ${column})` : token ? ` (неожиданный символ «${token}»)` : ''}; ничего не изменено`,
  'file-version': ({ got, supported }) => `версия формата файла не поддерживается этим приложением (version: ${got}; поддерживаются версии с 1 по ${supported}); ничего не изменено`,
  'file-version-future': ({ version, supported }) =>
    `файл в формате версии ${version}: он создан более новой версией «Пути пакета», а эта версия читает форматы до ${supported}. Откройте его в более новой версии; ничего не изменено`,
  'link-corrupt': ({ chars }) => `стенд из этой ссылки не читается (${chars} символов): скорее всего, ссылку обрезали при копировании; попросите её ещё раз`,
  'unknown-machine': ({ name }) => `машины «${name}» нет`,
  'pod-no-bridge': ({ machine, bridge }) => bridge
    ? `на ${machine} нет моста «${bridge}» с IPv4-адресом, а шлюзом пода служит адрес моста его ноды (isGateway у плагина bridge)`
    : `на ${machine} нет моста с IPv4-адресом, а шлюзом пода служит адрес моста его ноды (isGateway у плагина bridge); добавьте мост, например cni0 с адресом 10.10.12.254/24`,
  'pod-subnet-full': ({ bridge, range }) => `для пода на ${bridge} не осталось свободного адреса: плагин IPAM host-local сообщает «no IP addresses available in range set: ${range}»; возьмите подсеть побольше или удалите под`,
  'cni-add-failed': ({ code, msg }) => `плагины CNI не смогли подключить под к сети: ошибка ${code}, «${msg}»`,
  'link-veth': ({ iface, peer }) =>
    `${iface} — один конец пары veth: его единственная связь — другой конец, ${peer}, и в сегмент его включить нельзя; под выходит в другие сети через свою ноду`,
  'link-bridge': ({ iface }) =>
    `${iface} — мост, коммутатор внутри своей машины: в него включают порты (ip link set … master ${iface}), а сам он в сегмент не включается; подключите к сегменту сетевой интерфейс машины (eth0, eth1, …)`,
  'link-vxlan': ({ iface, dev }) =>
    `${iface} — устройство VXLAN: до других VTEP оно доходит в датаграммах UDP через своё нижележащее устройство ${dev}, поэтому кабель к нему не подключают; подключите ${dev}`,
  'link-ovs': ({ iface }) =>
    `${iface} — путь данных Open vSwitch (datapath), таблица потоков в ядре своей машины: его порты (vport) — устройства той же машины, а сам он в сегмент не включается; подключите к сегменту сетевой интерфейс машины (eth0, eth1, …)`,
  'link-wireguard': ({ iface }) =>
    `${iface} — устройство WireGuard: канального уровня у него нет, его зашифрованные датаграммы UDP уходят по маршруту к конечной точке каждого пира (обычно через интерфейс eth0), поэтому кабель к нему не подключают; подключите к сегменту сетевой интерфейс машины (eth0, eth1, …)`,
  'link-ipip': ({ iface }) =>
    `туннель ${iface} — устройство IP-in-IP: всё, что он отправляет, уходит внутри нового заголовка IPv4 (протокол 4), а этот пакет таблица маршрутизации отправляет через сетевой интерфейс машины, поэтому кабель к туннелю не подключают; подключите к сегменту сетевой интерфейс (eth0, eth1, …)`,
  'hostgw-no-l2': ({ node, other }) =>
    `бэкенду host-gw у flannel нужна прямая связность на канальном уровне между нодами: маршрут к подсети подов другой ноды идёт через собственный адрес этой ноды, а нода ${node} не в сегменте ноды ${other}; выберите бэкенд vxlan или включите ноды в один сегмент`,
  'calico-bgp-no-l2': ({ node, other }) =>
    `Для Calico без инкапсуляции нужна прямая связность на канальном уровне между нодами: BIRD направляет блоки адресов каждой ноды через собственный адрес этой ноды, а нода ${node} не в сегменте ноды ${other}; выберите VXLAN или включите ноды в один сегмент`,
  'cilium-native-no-l2': ({ node, other }) =>
    `маршрутизация Cilium без туннеля направляет подсеть подов каждой ноды через собственный адрес этой ноды (auto-direct-node-routes), а для этого ноды должны быть в одном сегменте канального уровня; нода ${node} не в сегменте ноды ${other}; выберите туннельный режим или включите ноды в один сегмент`,
  'link-self': ({ iface }) => `интерфейс ${iface} нельзя соединить с самим собой; отпустите кабель на линии сегмента или на сетевом интерфейсе другой машины`,
  'segment-full': ({ segment, subnet }) => `в сегменте ${segment} не осталось свободных адресов подсети ${subnet}; ничего не изменено`,
  'duplicate-name': ({ name, where }) => `имя «${name}» уже занято (${where}), а имена подов и машин не должны повторяться`,
  'unknown-segment': ({ id }) => `сегмент «${id}» не объявлен в segments`,
  'peer-ns-missing': ({ ns }) => `нет пода или машины с именем «${ns}»`,
  'peer-iface-missing': ({ ns, iface }) => `в ${ns} нет интерфейса «${iface}»`,
  'peer-mismatch': ({ ns, iface, from, fromIface }) => `${ns}/${iface} должен быть veth-интерфейсом, другой конец которого — ${from}/${fromIface}`,
  'veth-self-peer': ({ kernel }) => `veth-интерфейс не может быть другим концом самого себя: в паре оказались бы два интерфейса с одним именем${linux(kernel)}`,
  'ns-name': (p) =>
    `ожидается имя от 1 до 31 символа из латинских букв, цифр и знаков «_», «.», «-», начинающееся с буквы или цифры; ${got(p.got)}`,
  'iface-name': (p) => `ожидается имя от 1 до 15 символов из латинских букв, цифр и знаков «_», «.», «-» (предел IFNAMSIZ в Linux); ${got(p.got)}${linux(p.kernel)}`,
  'iface-lo': ({ kernel }) => `в каждом сетевом пространстве имён уже есть интерфейс обратной петли «lo»${linux(kernel)}`,
  'duplicate-iface': ({ name, kernel }) => `интерфейс «${name}» уже есть в этом сетевом пространстве имён${linux(kernel)}`,
  'mac-syntax': (p) => `ожидается MAC-адрес вида 02:00:0a:0a:0a:01, ${got(p.got)}`,
  'mac-multicast': ({ mac, kernel }) => `${mac} — групповой (multicast) адрес, а интерфейсу нужен индивидуальный (unicast) MAC-адрес${linux(kernel)}`,
  'mac-zero': ({ kernel }) => `нулевой MAC-адрес нельзя назначить интерфейсу, нужен индивидуальный (unicast) адрес${linux(kernel)}`,
  'address-syntax': (p) => `ожидается IPv4-адрес с длиной префикса, например 10.10.10.1/24; ${got(p.got)}`,
  'duplicate-address': ({ address, kernel }) => `адрес ${address} уже назначен этому интерфейсу${linux(kernel)}`,
  'unknown-master': ({ master, kernel }) => `в этом сетевом пространстве имён нет моста «${master}»${linux(kernel)}`,
  'master-not-bridge': ({ master, kernel }) => `«${master}» — не мост, а порты бывают только у моста${linux(kernel)}`,
  'bridge-port-bridge': ({ master, kernel }) => `мост не может быть портом моста, поэтому его нельзя подключить к «${master}»${linux(kernel)}`,
  'route-dst': (p) => `ожидается «default» или префикс вида 10.10.11.0/24, ${got(p.got)}`,
  'route-host-bits': ({ dst, kernel }) => `в префиксе ${dst} заданы биты номера хоста${linux(kernel)}`,
  'ip-syntax': (p) => `ожидается IPv4-адрес, ${got(p.got)}`,
  'no-such-dev': ({ dev, kernel }) => `в этом сетевом пространстве имён нет интерфейса «${dev}»${linux(kernel)}`,
  'gateway-unreachable': ({ via, dev, kernel }) =>
    `шлюз ${via} недостижим напрямую через ${dev}${linux(kernel)}; ` +
    `добавьте на ${dev} адрес из подсети шлюза или поставьте перед этим маршрутом маршрут к шлюзу без via либо укажите onlink`,
  'onlink-local-gateway': ({ via, kernel }) =>
    `${via} — адрес этого сетевого пространства имён, а шлюзом с onlink может быть только адрес другого хоста${linux(kernel)}; ` +
    'уберите onlink (тогда собственный адрес устройства в роли шлюза сделает маршрут маршрутом канала) или укажите другой шлюз',
  'prefsrc-not-local': ({ src, kernel }) => `${src} не принадлежит этому сетевому пространству имён, поэтому не может быть адресом источника маршрута${linux(kernel)}`,
  'route-exists': ({ dst, metric, other, kernel }) =>
    `в таблице уже есть маршрут к ${dst} с метрикой ${metric}: ${other}${linux(kernel)}; задайте этому маршруту другую метрику или оставьте только один из них`,
  'address-holds-gateway': ({ route, via, dev, kernel }) =>
    `маршрут «${route}» достигает шлюза ${via} через адрес ${dev} в подсети шлюза; без этого адреса Linux такой маршрут не примет${linux(kernel)}. Сначала измените или удалите маршрут`,
  'address-holds-src': ({ route, src, kernel }) =>
    `в маршруте «${route}» адрес ${src} указан как адрес источника, и без этого адреса Linux маршрут не примет${linux(kernel)}. Сначала измените или удалите маршрут`,
  'route-holds-gateway': ({ route, via, kernel }) =>
    `маршрут «${route}» достигает шлюза ${via} через этот маршрут; без него Linux тот маршрут не примет${linux(kernel)}. Сначала измените или удалите тот маршрут`,
  'duplicate-neighbour': ({ ip, dev, kernel }) => `запись о соседе ${ip} на ${dev} уже есть${linux(kernel)}`,
  'fdb-mac-group': ({ mac }) =>
    `${mac} — групповой адрес; запись FDB устройства VXLAN здесь называет один удалённый MAC (или 00:00:00:00:00:00 для записи по умолчанию), как записи flanneld`,
  'fdb-not-vxlan': ({ dev }) => `«${dev}» — не устройство VXLAN; отправлять кадры удалённому VTEP по записям FDB умеет только устройство VXLAN`,
  'port-address': ({ bridge }) =>
    `Linux разрешает адрес на порту моста, но порт передаёт каждый принятый кадр мосту «${bridge}»: ` +
    'ответы на этот адрес приходят на мост, а не сюда, и ARP через этот интерфейс не срабатывает; назначьте адрес самому мосту',
  'shared-mac': ({ mac, other }) =>
    `MAC-адрес ${mac} есть и у ${other}; Linux это разрешает (Calico делает так намеренно: каждая пара veth — отдельный канал), ` +
    'но тогда в таблицах и трассировке один MAC-адрес обозначает несколько интерфейсов',
  'duplicate-mac': ({ mac, other }) =>
    `MAC-адрес ${mac} есть и у ${other} в том же сегменте второго уровня; Linux это разрешает, но мосты и коммутаторы будут доставлять кадры одного из них другому ` +
    '(а мост кадры для MAC-адреса своего порта принимает как свои); дайте одному из них другой MAC-адрес',
  'duplicate-mac-unused': ({ mac, other }) =>
    `MAC-адрес ${mac} есть и у ${other} в том же сегменте второго уровня; ни у одного из них нет IPv4-адреса, поэтому кадров на этот MAC-адрес никто не шлёт и Linux это разрешает ` +
    '(мост считает MAC-адреса своих портов своими), но тогда в таблицах и трассировке один MAC-адрес обозначает два интерфейса',
  'l2-loop': () => 'это соединение замыкает петлю на втором уровне; Linux его разрешает, но без STP каждый широковещательный кадр будет ходить по петле бесконечно',
};

/** The Russian sentences around a list of problems. */
export const problemListRu: ProblemListCatalog = {
  more: (n) => `и ещё ${count('ru', n, { one: 'ошибка', few: 'ошибки', many: 'ошибок', other: 'ошибки' })}`,
  invalidTopology: (list) => `Топология не прошла проверку: ${list}`,
};
