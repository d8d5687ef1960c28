import type { Headers } from '../../narrate/messages';

/** ICMP names (include/uapi/linux/icmp.h), as ping and tcpdump print them. */
export function icmpNameEn(type: number, code: number): string {
  switch (type) {
    case 0: return 'echo reply';
    case 8: return 'echo request';
    case 11: return 'time exceeded (Time to live exceeded)';
    case 5: return code === 0 ? 'redirect for the network' : 'redirect for the host';
    case 3:
      switch (code) {
        case 0: return 'net unreachable (Destination Net Unreachable)';
        case 1: return 'host unreachable (Destination Host Unreachable)';
        case 3: return 'port unreachable (Destination Port Unreachable)';
        case 4: return 'fragmentation needed';
        case 13: return 'administratively prohibited';
        default: return `destination unreachable (code ${code})`;
      }
    default: return `type ${type} code ${code}`;
  }
}

/** One readable line for a frame or packet. */
export function summaryEn(f: Headers): string {
  if (f.arp) {
    const a = f.arp;
    return a.op === 'request' ? `the ARP request "who has ${a.tpa}? tell ${a.spa}"` : `the ARP reply "${a.spa} is at ${a.sha}"`;
  }
  const ip = f.ipv4;
  if (!ip) return 'the frame';
  const base = `${ip.src} → ${ip.dst}, TTL ${ip.ttl}`;
  if (f.icmp) {
    const seq = f.icmp.seq !== undefined ? ` #${f.icmp.seq}` : '';
    return `ICMP ${icmpNameEn(f.icmp.type, f.icmp.code)}${seq} (${base})`;
  }
  if (f.udp) return `UDP ${ip.src}:${f.udp.sport} → ${ip.dst}:${f.udp.dport} (TTL ${ip.ttl})`;
  if (f.tcp) return `TCP [${f.tcp.flags}] ${ip.src}:${f.tcp.sport} → ${ip.dst}:${f.tcp.dport} (TTL ${ip.ttl})`;
  return `the packet ${base}`;
}
