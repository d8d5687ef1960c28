import { count } from '../plural';
import type { ProblemCatalog, ProblemListCatalog } from '../problems';

/*
 * Russian sentences for topology problems. Glossary: «сетевое пространство имён» (namespace),
 * «мост» (bridge), «интерфейс», «подсеть», «шлюз»; «машина» only for the form's `machines`.
 * Field names, values the user typed, MACs, prefixes and kernel names stay in Latin letters.
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

/** One sentence per problem code, in Russian; `formatProblem` puts the path in front. */
export const problemsRu: ProblemCatalog = {
  'topology-not-object': () => 'ожидается JSON-объект',
  'not-object': () => 'ожидается объект',
  'not-array': () => 'ожидается массив',
  'non-empty-string': () => 'ожидается непустая строка',
  version: (p) => `ожидается 1, ${got(p.got)}`,
  'duplicate-segment': ({ id }) => `сегмент «${id}» объявлен дважды`,
  'duplicate-name': ({ name, where }) => `имя «${name}» уже занято (${where}), а имена подов и машин не должны повторяться`,
  'duplicate-mac': ({ mac, ns }) => `MAC-адрес ${mac} уже используется в ${ns}`,
  'unknown-segment': ({ id }) => `сегмент «${id}» не объявлен в segments`,
  'peer-ns-missing': ({ ns }) => `нет пода или машины с именем «${ns}»`,
  'peer-iface-missing': ({ ns, iface }) => `в ${ns} нет интерфейса «${iface}»`,
  'peer-mismatch': ({ ns, iface, from, fromIface }) => `${ns}/${iface} должен быть veth-интерфейсом, другой конец которого — ${from}/${fromIface}`,
  role: (p) => `ожидается «node», «router» или «host», ${got(p.got)}`,
  'ns-name': (p) =>
    `ожидается имя от 1 до 31 символа из латинских букв, цифр и знаков «_», «.», «-», начинающееся с буквы или цифры; ${got(p.got)}`,
  'iface-name': (p) => `ожидается имя от 1 до 15 символов из латинских букв, цифр и знаков «_», «.», «-» (предел IFNAMSIZ в Linux); ${got(p.got)}`,
  'duplicate-iface': ({ name }) => `интерфейс «${name}» уже есть в этом сетевом пространстве имён`,
  'mac-syntax': (p) => `ожидается MAC-адрес вида 02:00:0a:0a:0a:01, ${got(p.got)}`,
  'mac-multicast': ({ mac }) => `${mac} — групповой (multicast) адрес, а интерфейсу нужен индивидуальный (unicast) MAC-адрес`,
  'address-syntax': (p) => `ожидается IPv4-адрес с длиной префикса, например 10.10.10.1/24; ${got(p.got)}`,
  'unknown-master': ({ master }) => `в этом сетевом пространстве имён нет моста «${master}»`,
  'port-address': ({ bridge }) => `порт моста не маршрутизирует пакеты; назначьте адрес самому мосту «${bridge}»`,
  'mtu-range': ({ min, max }) => `ожидается целое число от ${min} до ${max}`,
  'veth-peer': () => 'ожидается { ns, iface } — сетевое пространство имён и интерфейс на другом конце veth',
  'ether-segment': () => 'ожидается идентификатор сегмента (id из segments)',
  'iface-kind': (p) => `ожидается «veth», «ether» или «bridge», ${got(p.got)}`,
  'route-dst': (p) => `ожидается «default» или префикс вида 10.10.11.0/24, ${got(p.got)}`,
  'route-host-bits': ({ dst }) => `в префиксе ${dst} заданы биты номера хоста (Linux: «Invalid prefix for given prefix length»)`,
  'ip-syntax': (p) => `ожидается IPv4-адрес, ${got(p.got)}`,
  'no-such-dev': ({ dev }) => (dev === 'undefined' ? 'интерфейс не указан' : `в этом сетевом пространстве имён нет интерфейса ${quoted(dev)}`),
  'gateway-unreachable': ({ via, dev }) =>
    `шлюз ${via} недостижим напрямую через ${dev} (Linux: «Nexthop has invalid gateway»); ` +
    `добавьте на ${dev} адрес из подсети шлюза или маршрут к нему без via либо укажите onlink`,
  'neigh-ip': () => 'ожидается IPv4-адрес',
  'neigh-mac': () => 'ожидается MAC-адрес',
  listener: () => 'ожидается { proto, port } — протокол «udp» или «tcp» и номер порта от 1 до 65535',
  'ttl-range': ({ min, max }) => `ожидается целое число от ${min} до ${max}`,
  'proxy-delay-range': ({ min, max }) => `ожидается целое число миллисекунд от ${min} до ${max}`,
};

/** The Russian sentences around a list of problems. */
export const problemListRu: ProblemListCatalog = {
  more: (n) => `и ещё ${count('ru', n, { one: 'ошибка', few: 'ошибки', many: 'ошибок', other: 'ошибки' })}`,
  invalidTopology: (list) => `Топология не прошла проверку: ${list}`,
};
