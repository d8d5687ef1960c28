import type { Msg } from '../../narrate/messages';
import type { PackNarration } from '../../narrate/packMessages';
import { summaryRu as sum } from './summary';

/*
 * Русские фразы о быстром пути Weave Net (sim/ovs.ts: datapath Open vSwitch в ядре и процесс
 * weaver; weaveworks/weave router/fastdp.go); входят в набор своего датапаса и загружаются вместе с ним (i18n/packNarration.ts).
 */

type OvsMsg = Extract<Msg, { k: 'ovs' }>;

/** Куда действия потока отправляют кадр. */
function where(m: OvsMsg): string {
  if (m.outs.length === 0) return 'никуда: пакет теряется';
  return m.outs.map((o) => (o.peer !== '' ? `${o.port} с set(tunnel) к машине ${o.peer} (${o.dst}), VNI ${o.vni}` : o.port)).join(', ');
}

/** The same, short: a tunnel as `port → node`. */
function whereShort(m: OvsMsg): string {
  if (m.outs.length === 0) return 'никуда: пакет теряется';
  return m.outs.map((o) => (o.peer !== '' ? `${o.port} → ${o.peer}, VNI ${o.vni}` : o.port)).join(', ');
}

/** Арифметика VNI: два коротких идентификатора в одном числе. */
function vniText(o: OvsMsg['outs'][number]): string {
  return `VNI ${o.vni} = ${o.srcPeer} + ${o.dstPeer} × 4096: в младших 12 битах короткий идентификатор (short ID) отправляющего участника сети, в следующих 12 — принимающего`;
}

/** Фразы для сообщений `ovs` и `in-vport`. */
export const ovsEventsRu: PackNarration<'ovs'> = {
  'in-vport': (m) => ({
    short: `Путь данных Open vSwitch ${m.datapath} забирает ${sum(m.f)} со своего порта ${m.iface}.`,
    why: `${m.iface} — порт (vport) пути данных Open vSwitch ${m.datapath} в ядре машины ${m.ns}, а не порт моста и не интерфейс её IP-стека: кадр сверяется с таблицей потоков. Маршрутизации нет, поэтому TTL остаётся таким, каким его отправил под.`,
  }),
  ovs: (m) => {
    const tunnel = m.tunnel ? ` (туннель, VNI ${m.tunnel.vni}, от ${m.tunnel.src})` : '';
    const first = m.outs.find((o) => o.peer !== '');
    if (m.action === 'miss') {
      return {
        short: `В пути данных ${m.datapath} на машине ${m.node} нет потока для этого кадра${tunnel}: ядро передаёт его процессу weaver.`,
        why: `Путь данных Open vSwitch (datapath) — таблица потоков в ядре, которую заполняют из пространства пользователя. Потоки Weave сверяют входной порт ${m.iface}${m.tunnel ? ', идентификатор и источник туннеля' : ''}, MAC-адрес отправителя ${m.src} и получателя ${m.dst}. Подходящего потока ещё нет, поэтому ядро ставит пакет в очередь к процессу weaver (upcall, ovs_dp_upcall). Первый пакет идёт медленным путём через пространство пользователя; следующие с теми же адресами — нет. (Так работал fastdp в Weave Net; проект не развивается с ноября 2022 года.)`,
      };
    }
    if (m.action === 'hit') {
      return {
        short: `Путь данных ${m.datapath} на машине ${m.node} находит поток${tunnel}: ${whereShort(m)}, без обращения к weaver.`,
        why: `weaver установил этот поток, когда первый кадр с этими адресами не нашёл подходящего. Теперь ядро выполняет действия потока само (ovs_execute_actions) — в этом и состоит скорость fastdp: копии в пространство пользователя нет.${first ? ` Ключ туннеля задаёт внешний адрес назначения ${first.dst} и ${vniText(first)} (router/fastdp.go, tunnelIDFor).` : ''}`,
      };
    }
    const learned = m.learnedMac !== '' ? ` Он запоминает, что ${m.learnedMac} находится за ${m.tunnel ? 'машиной' : 'портом'} ${m.learnedAt}.` : '';
    const peers = m.tunnel ? ` VNI называет отправляющего участника (short ID ${m.tunnel.srcPeer}) и этого (${m.tunnel.dstPeer}) (extractPeers).` : '';
    const verdict = m.outs.length === 0
      ? 'VNI называет участника, которого weaver не знает, поэтому поток не устанавливается, а пакет теряется.'
      : m.flood
        ? `${m.broadcast ? 'Это широковещательный кадр' : `Адрес ${m.dst} ему ещё неизвестен`}, поэтому кадр уходит во все порты, кроме входного: ${where(m)}.${m.install ? ' Для этого широковещательного кадра он устанавливает поток.' : ' Для неизвестного получателя поток не устанавливается («Not a real broadcast, so don\'t create a flow rule»), и следующий такой кадр снова уйдёт к weaver.'}`
        : `Адрес ${m.dst} ему известен: ${where(m)}. Он устанавливает поток, и следующий кадр с этими адресами останется в ядре.`;
    return {
      short: `weaver отвечает на upcall: ${m.flood ? 'рассылка' : 'пересылка'} — ${whereShort(m)}${m.install ? '; поток установлен' : ''}.`,
      why: `weaver, процесс-маршрутизатор Weave Net, выполняет обработчик промахов порта ${m.iface} (router/fastdp.go).${peers}${learned} ${verdict}${first ? ` Для туннеля он задаёт внешний адрес назначения ${first.dst}, TTL 64 и ${vniText(first)}.` : ''}`,
    };
  },
};
