import { count, type PluralForms } from '../../../core/i18n/plural';
import type { WG_PANEL_EN } from '../wgPanelStrings';

/** «байт» agrees with its number (1 байт, 2 байта, 5 байт). */
const BYTES_RU: PluralForms = { one: 'байт', few: 'байта', many: 'байт', other: 'байта' };

/** The inspector's texts for a WireGuard message, in Russian: the shape of `WG_PANEL_EN`. */
export const WG_PANEL_RU: typeof WG_PANEL_EN = {
  wgType: 'Тип сообщения',
  wgTypes: { initiation: '1, начало рукопожатия', response: '2, ответ на рукопожатие', data: '4, данные' },
  wgSender: 'Индекс отправителя',
  wgReceiver: 'Индекс получателя',
  wgCounter: 'Счётчик (nonce)',
  wgOpaque: (ip: number, opaque: number, data: boolean) =>
    data
      ? `Внешний IP-пакет — ${count('ru', ip, BYTES_RU)}: IPv4 20 + UDP 8 + заголовок WireGuard 16 + шифртекст ${opaque - 16} (пакет, дополненный до кратного 16 размера) + метка 16. ` +
        'Пакет внутри не показан: на проводе без ключей он непрозрачен. Cilium задаёт устройству cilium_wg0 MTU на 80 меньше, чем у сетевого интерфейса (1500 − 80 = 1420).'
      : `Внешний IP-пакет — ${count('ru', ip, BYTES_RU)}: IPv4 20 + UDP 8 + сообщение рукопожатия ${ip - 28}, из них ${opaque} — ключи и коды проверки, которые не прочесть никаким инструментом.`,
  rawDevice: (tunnel) =>
    `Заголовка Ethernet нет: это устройство третьего уровня (${tunnel ? 'туннель IP-in-IP' : 'WireGuard'}), tcpdump захватывает один IP-пакет (link-type RAW).`,
};
