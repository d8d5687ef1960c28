import type { Bilingual, HopEvent } from '../events';
import { bi, icmpName } from '../explain/describe';
import type { NormalizedSpec } from './runJourney';

/** One line on how the journey ended, from the source's point of view. */
export function outcomeOf(spec: NormalizedSpec, dstIp: string, events: HopEvent[]): Bilingual {
  const atSrc = events.filter((e) => e.type === 'deliver' && e.ns === spec.from);
  const answers = atSrc.filter((e) => e.type === 'deliver' && e.kind === 'reply').length;
  const errors = atSrc.flatMap((e) => (e.type === 'deliver' && e.kind === 'icmp-error' && e.icmp ? [{ name: icmpName(e.icmp.type, e.icmp.code), from: e.ipv4.src }] : []));
  const localFail = events.some((e) => e.type === 'drop' && e.ns === spec.from && e.reason === 'no-route');
  const what = spec.proto === 'icmp' ? bi('echo replies', 'Эхо-ответов') : spec.proto === 'tcp' ? bi('TCP answers', 'TCP-ответов') : bi('answers', 'Ответов');
  if (localFail) return bi(`${spec.from} has no route to ${dstIp}: nothing was sent.`, `У ${spec.from} нет маршрута до ${dstIp}: ничего не отправлено.`);
  const parts: Bilingual[] = [];
  // "Эхо-ответов вернулось: N из M" needs no agreement with N or M, unlike "N из M ответов вернулись".
  if (spec.proto !== 'udp' || answers > 0) parts.push(bi(`${answers} of ${spec.count} ${what.en} came back to ${spec.from}`, `${what.ru} вернулось в ${spec.from}: ${answers} из ${spec.count}`));
  const first = errors[0];
  if (first) parts.push(bi(`ICMP ${first.name.en} from ${first.from}${errors.length > 1 ? ` (×${errors.length})` : ''}`, `ICMP «${first.name.ru}» от ${first.from}${errors.length > 1 ? ` (×${errors.length})` : ''}`));
  if (parts.length === 0) {
    const delivered = events.some((e) => e.type === 'deliver' && e.udp);
    return delivered ? bi(`The datagram reached a listener at ${dstIp}; UDP sends no answer.`, `Датаграмма дошла до слушающей программы на ${dstIp}; UDP не отвечает.`) : bi(`No answer came back to ${spec.from}.`, `В ${spec.from} не пришло никакого ответа.`);
  }
  return bi(parts.map((p) => p.en).join('; ') + '.', parts.map((p) => p.ru).join('; ') + '.');
}
