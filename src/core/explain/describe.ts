import type { Bilingual, Frame } from '../events';

/** Builds a bilingual text. */
export function bi(en: string, ru: string): Bilingual {
  return { en, ru };
}

/** A short one-line summary of a frame, like tcpdump's, used inside explanations. */
export function frameSummary(f: Frame): Bilingual {
  if (f.arp) {
    const a = f.arp;
    return a.op === 'request'
      ? bi(`ARP request who-has ${a.tpa} tell ${a.spa}`, `ARP-запрос (кто ${a.tpa}? ответить ${a.spa})`)
      : bi(`ARP reply ${a.spa} is-at ${a.sha}`, `ARP-ответ (${a.spa} — это ${a.sha})`);
  }
  return packetSummary(f);
}

/** One line for an IPv4 packet: addresses, TTL and the transport layer. */
export function packetSummary(f: Pick<Frame, 'ipv4' | 'icmp' | 'udp' | 'tcp'>): Bilingual {
  const ip = f.ipv4;
  if (!ip) return bi('frame', 'кадр');
  const base = `${ip.src} → ${ip.dst} TTL ${ip.ttl}`;
  if (f.icmp) {
    const n = icmpName(f.icmp.type, f.icmp.code);
    const seq = f.icmp.seq !== undefined ? ` seq ${f.icmp.seq}` : '';
    return bi(`ICMP ${n.en}${seq}, ${base}`, `ICMP «${n.ru}»${seq}, ${base}`);
  }
  if (f.udp) return bi(`UDP ${ip.src}:${f.udp.sport} → ${ip.dst}:${f.udp.dport} TTL ${ip.ttl}`, `UDP ${ip.src}:${f.udp.sport} → ${ip.dst}:${f.udp.dport} TTL ${ip.ttl}`);
  if (f.tcp) return bi(`TCP [${f.tcp.flags}] ${ip.src}:${f.tcp.sport} → ${ip.dst}:${f.tcp.dport} TTL ${ip.ttl}`, `TCP [${f.tcp.flags}] ${ip.src}:${f.tcp.sport} → ${ip.dst}:${f.tcp.dport} TTL ${ip.ttl}`);
  return bi(base, base);
}

/** Names of ICMP type/code pairs (include/uapi/linux/icmp.h). */
export function icmpName(type: number, code: number): Bilingual {
  switch (type) {
    case 0:
      return bi('echo reply', 'эхо-ответ');
    case 8:
      return bi('echo request', 'эхо-запрос');
    case 11:
      return bi('time exceeded in transit', 'время жизни истекло');
    case 5:
      return bi('redirect (host)', 'перенаправление (redirect) на узел');
    case 3:
      switch (code) {
        case 0:
          return bi('net unreachable', 'сеть недостижима');
        case 1:
          return bi('host unreachable', 'узел недостижим');
        case 3:
          return bi('port unreachable', 'порт недостижим');
        case 4:
          return bi('fragmentation needed', 'нужна фрагментация');
        case 13:
          return bi('administratively prohibited', 'запрещено администратором');
        default:
          return bi(`destination unreachable (code ${code})`, `адресат недостижим (код ${code})`);
      }
    default:
      return bi(`type ${type} code ${code}`, `тип ${type} код ${code}`);
  }
}
