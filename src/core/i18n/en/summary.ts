import type { Headers } from '../../narrate/messages';

/** ICMP names (include/uapi/linux/icmp.h), as ping and tcpdump print them. */
export function icmpNameEn(type: number, code: number): string {
  switch (type) {
    case 0: return 'echo reply';
    case 8: return 'echo request';
    case 11: return 'Time Exceeded';
    case 5: return code === 0 ? 'Redirect (network)' : 'Redirect (host)';
    case 3:
      switch (code) {
        case 0: return 'Destination Net Unreachable';
        case 1: return 'Destination Host Unreachable';
        case 3: return 'Destination Port Unreachable';
        case 4: return 'Fragmentation Needed';
        case 13: return 'Communication Administratively Prohibited';
        default: return `Destination Unreachable (code ${code})`;
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
  // The first fragment says so; a later one carries no transport header: which piece of which packet.
  const first = ip.fragOffset === 0 ? '; first fragment' : '';
  const base = `${ip.src} → ${ip.dst}, TTL ${ip.ttl}`;
  if (ip.fragOffset !== undefined && ip.fragOffset > 0) return `${ip.mf === true ? 'a fragment' : 'the last fragment'} of the packet ${ip.src} → ${ip.dst} (offset ${ip.fragOffset}, TTL ${ip.ttl})`;
  if (f.icmp) {
    const seq = f.icmp.seq !== undefined ? ` #${f.icmp.seq}` : '';
    return `ICMP ${icmpNameEn(f.icmp.type, f.icmp.code)}${seq} (${base}${first})`;
  }
  if (f.udp && f.wireguard) {
    const w = f.wireguard;
    const what = w.type === 'initiation' ? 'handshake initiation' : w.type === 'response' ? 'handshake response' : 'encrypted data message';
    return `the WireGuard ${what} ${ip.src}:${f.udp.sport} → ${ip.dst}:${f.udp.dport} (TTL ${ip.ttl}${first})`;
  }
  if (f.udp) return `UDP ${ip.src}:${f.udp.sport} → ${ip.dst}:${f.udp.dport} (TTL ${ip.ttl}${first})`;
  if (f.tcp) return `TCP ${tcpFlagsEn(f.tcp.flags)} ${ip.src}:${f.tcp.sport} → ${ip.dst}:${f.tcp.dport} (TTL ${ip.ttl}${first})`;
  if (ip.proto === 'ipip') return `the IP-in-IP packet ${base}`;
  return `the packet ${base}`;
}

/** TCP flags in words and in tcpdump's notation: "RST-ACK [R.]". */
function tcpFlagsEn(flags: string): string {
  const name: Record<string, string> = { S: 'SYN', 'S.': 'SYN-ACK', 'R.': 'RST-ACK', R: 'RST', '.': 'ACK' };
  return Object.hasOwn(name, flags) ? `${name[flags] as string} [${flags}]` : `[${flags}]`;
}
