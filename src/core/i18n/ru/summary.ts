import { pingLine } from '../pingLine';
import type { Headers } from '../../narrate/messages';

/** Краткие русские названия ICMP (include/uapi/linux/icmp.h) — для текста событий. */
export function icmpShortRu(type: number, code: number): string {
  switch (type) {
    case 0: return 'эхо-ответ';
    case 8: return 'эхо-запрос';
    case 11: return 'время жизни истекло';
    case 5: return code === 0 ? 'Redirect для сети' : 'Redirect для хоста';
    case 3:
      switch (code) {
        case 0: return 'сеть недостижима';
        case 1: return 'хост недостижим';
        case 3: return 'порт недостижим';
        case 4: return 'нужна фрагментация';
        case 13: return 'запрещено администратором';
        default: return `адресат недостижим (код ${code})`;
      }
    default: return `тип ${type}, код ${code}`;
  }
}

/** Полное название: русское и английские слова ping в скобках — для заголовков и итога. */
export function icmpNameRu(type: number, code: number): string {
  const en = pingLine(type, code);
  return en ? `${icmpShortRu(type, code)} (${en})` : icmpShortRu(type, code);
}

/**
 * Одна строка о кадре или пакете, понятная без tcpdump. Всегда мужского рода и неодушевлённая
 * (запрос, ответ, пакет, сегмент, кадр): именительный и винительный падежи совпадают, и фраза
 * годится и как подлежащее, и как дополнение.
 */
export function summaryRu(f: Headers): string {
  if (f.arp) {
    const a = f.arp;
    return a.op === 'request' ? `ARP-запрос «у кого ${a.tpa}? Сообщите ${a.spa}»` : `ARP-ответ «у ${a.spa} MAC ${a.sha}»`;
  }
  const ip = f.ipv4;
  if (!ip) return 'кадр';
  // Первый фрагмент так и назван; в следующих нет транспортного заголовка: какая это часть какого пакета.
  const first = ip.fragOffset === 0 ? '; первый фрагмент' : '';
  const base = `${ip.src} → ${ip.dst}, TTL ${ip.ttl}`;
  if (ip.fragOffset !== undefined && ip.fragOffset > 0) return `${ip.mf === true ? 'фрагмент' : 'последний фрагмент'} пакета ${ip.src} → ${ip.dst} (смещение ${ip.fragOffset}, TTL ${ip.ttl})`;
  if (f.icmp) {
    const seq = f.icmp.seq !== undefined ? ` №${f.icmp.seq}` : '';
    if (f.icmp.type === 8 || f.icmp.type === 0) return `ICMP ${f.icmp.type === 8 ? 'эхо-запрос' : 'эхо-ответ'}${seq} (${base}${first})`;
    return `пакет ICMP «${icmpShortRu(f.icmp.type, f.icmp.code)}» (${base}${first})`;
  }
  if (f.udp && f.wireguard) {
    const w = f.wireguard;
    const what = w.type === 'initiation' ? 'с началом рукопожатия' : w.type === 'response' ? 'с ответом на рукопожатие' : 'с зашифрованными данными';
    return `пакет WireGuard ${what} ${ip.src}:${f.udp.sport} → ${ip.dst}:${f.udp.dport} (TTL ${ip.ttl}${first})`;
  }
  if (f.udp) return `пакет UDP ${ip.src}:${f.udp.sport} → ${ip.dst}:${f.udp.dport} (TTL ${ip.ttl}${first})`;
  if (f.tcp) return `TCP-сегмент ${tcpFlagsRu(f.tcp.flags)} ${ip.src}:${f.tcp.sport} → ${ip.dst}:${f.tcp.dport} (TTL ${ip.ttl}${first})`;
  if (ip.proto === 'ipip') return `пакет IP-in-IP ${base}`;
  return `пакет ${base}`;
}

/** Флаги TCP словами и в записи tcpdump: «RST-ACK [R.]». */
function tcpFlagsRu(flags: string): string {
  const name: Record<string, string> = { S: 'SYN', 'S.': 'SYN-ACK', 'R.': 'RST-ACK', R: 'RST', '.': 'ACK' };
  return Object.hasOwn(name, flags) ? `${name[flags] as string} [${flags}]` : `[${flags}]`;
}
