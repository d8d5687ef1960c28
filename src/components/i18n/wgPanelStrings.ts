import { count, type PluralForms } from '../../core/i18n/plural';

const BYTES_RU: PluralForms = { one: 'байт', few: 'байта', many: 'байт', other: 'байта' };

/*
 * The packet inspector's texts for a WireGuard message (PacketInspector.tsx): its readable header,
 * the opaque rest and how its length adds up, and the note on a device without Ethernet. Spread
 * into `panels` of STRINGS.
 */

/** English. */
export const WG_PANEL_EN = {
  wgType: 'Message type',
  wgTypes: { initiation: '1, handshake initiation', response: '2, handshake response', data: '4, transport data' },
  wgSender: 'Sender index',
  wgReceiver: 'Receiver index',
  wgCounter: 'Counter (nonce)',
  wgOpaque: (ip: number, opaque: number, data: boolean) =>
    data
      ? `${ip} bytes of outer IP = IPv4 20 + UDP 8 + WireGuard header 16 + ${opaque - 16} bytes of ciphertext (the packet padded to a multiple of 16) + tag 16. ` +
        'The packet inside is not shown: on the wire it is opaque without the keys. Cilium sets cilium_wg0\'s MTU to the NIC\'s minus 80 (1500 − 80 = 1420).'
      : `${ip} bytes of outer IP = IPv4 20 + UDP 8 + ${ip - 28} bytes of handshake message, ${opaque} of them keys and MACs no tool can read.`,
  rawDevice: 'No Ethernet header: this device is layer 3 (WireGuard), tcpdump captures the IP packet alone (link-type RAW).',};

/** Russian: the same shape. */
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
  rawDevice: 'Заголовка Ethernet нет: это устройство третьего уровня (WireGuard), tcpdump захватывает один IP-пакет (link-type RAW).',};
