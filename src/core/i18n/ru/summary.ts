import type { Headers } from '../../narrate/messages';

/** Названия ICMP (include/uapi/linux/icmp.h) с английскими словами, которые печатает ping. */
export function icmpNameRu(type: number, code: number): string {
  switch (type) {
    case 0: return 'эхо-ответ (echo reply)';
    case 8: return 'эхо-запрос (echo request)';
    case 11: return 'время жизни истекло (Time to live exceeded)';
    case 5: return code === 0 ? 'Redirect для сети' : 'Redirect для хоста';
    case 3:
      switch (code) {
        case 0: return 'сеть недостижима (Destination Net Unreachable)';
        case 1: return 'хост недостижим (Destination Host Unreachable)';
        case 3: return 'порт недостижим (Destination Port Unreachable)';
        case 4: return 'нужна фрагментация (Fragmentation Needed)';
        case 13: return 'запрещено администратором';
        default: return `адресат недостижим (код ${code})`;
      }
    default: return `тип ${type}, код ${code}`;
  }
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
  const base = `${ip.src} → ${ip.dst}, TTL ${ip.ttl}`;
  if (f.icmp) {
    const seq = f.icmp.seq !== undefined ? ` №${f.icmp.seq}` : '';
    if (f.icmp.type === 8 || f.icmp.type === 0) return `ICMP ${f.icmp.type === 8 ? 'эхо-запрос' : 'эхо-ответ'}${seq} (${base})`;
    return `пакет ICMP «${icmpNameRu(f.icmp.type, f.icmp.code)}» (${base})`;
  }
  if (f.udp) return `пакет UDP ${ip.src}:${f.udp.sport} → ${ip.dst}:${f.udp.dport} (TTL ${ip.ttl})`;
  if (f.tcp) return `TCP-сегмент [${f.tcp.flags}] ${ip.src}:${f.tcp.sport} → ${ip.dst}:${f.tcp.dport} (TTL ${ip.ttl})`;
  return `пакет ${base}`;
}
