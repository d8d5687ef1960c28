import type { SpecErrorCatalog } from '../specErrors';

const FIELD: Record<'port' | 'count' | 'intervalMs' | 'ttl' | 'size', string> = {
  port: 'port (порт)',
  count: 'count (число пакетов)',
  intervalMs: 'intervalMs (интервал, мс)',
  ttl: 'ttl',
  size: 'size (байт данных)',
};

/** Russian texts of journey request problems. */
export const specErrorsRu: SpecErrorCatalog = {
  pmtudisc: (p) => `pmtudisc: ожидается want, do или dont (как у ping -M), получено «${p.got}»`,
  proto: (p) => `proto: ожидается icmp, udp или tcp, получено «${p.got}»`,
  range: (p) => `${FIELD[p.field]}: нужно целое число от ${p.lo} до ${p.hi}, получено ${p.got}`,
  'from-missing': () => 'from: укажите под или машину, откуда отправлять',
  'to-missing': () => 'to: укажите под, машину или IPv4-адрес назначения',
  'from-unknown': (p) => `from: на стенде нет пода или машины «${p.name}»`,
  'to-no-address': (p) => `to: у «${p.name}» нет IPv4-адреса, на который можно отправить пакет`,
  'to-unknown': (p) => `to: «${p.name}» — не под, не машина и не IPv4-адрес`,
  'to-zero': (p) => `to: ${p.name} означает «этот хост» (Linux отправляет такой пакет на 127.0.0.1 через lo); укажите 127.0.0.1.`,
  'to-multicast': (p) => `to: ${p.name} — групповой (multicast) адрес; multicast пока не моделируется.`,
  internal: () => 'симулятор не справился с этим путём. Это ошибка в Packet Journey, а не в вашем стенде; стенд и настройки сохранены.',
};
