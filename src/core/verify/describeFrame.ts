import type { TraceFrame } from './kernelFixture';

const ICMP_NAMES: Record<number, string> = {
  0: 'echo reply',
  3: 'unreachable',
  5: 'redirect',
  8: 'echo request',
  11: 'time exceeded',
};

/**
 * One line per frame, close to what `tcpdump -e -v` prints, so a failing comparison or a fixture
 * review reads like a capture: `out 02:00:0a:0a:0a:01 > ff:ff:ff:ff:ff:ff ARP request who-has ...`.
 */
export function describeFrame(f: TraceFrame): string {
  const head = `${f.dir} ${f.eth.src} > ${f.eth.dst}`;
  if (f.arp) {
    const a = f.arp;
    return a.op === 'request'
      ? `${head} ARP request who-has ${a.tpa} tell ${a.spa}`
      : `${head} ARP reply ${a.spa} is-at ${a.sha} (to ${a.tpa})`;
  }
  if (!f.ipv4) return `${head} ${f.eth.type}`;
  const ip = `${head} ${f.ipv4.src} > ${f.ipv4.dst} ttl ${f.ipv4.ttl}`;
  if (f.icmp) {
    const c = f.icmp;
    const name = ICMP_NAMES[c.type] ?? `type ${c.type}`;
    const parts = [`${ip} ICMP ${name}`];
    if (c.code !== 0 || c.type === 3) parts.push(`code ${c.code}`);
    if (c.seq !== undefined) parts.push(`seq ${c.seq}`);
    if (c.gateway !== undefined) parts.push(`to ${c.gateway}`);
    if (c.quote) {
      const q = c.quote;
      const ports = q.sport !== undefined ? ` ${q.sport} > ${q.dport ?? '?'}` : '';
      parts.push(`[quote ${q.ipv4.src} > ${q.ipv4.dst} ttl ${q.ipv4.ttl} ${q.ipv4.proto}${ports}]`);
    }
    return parts.join(' ');
  }
  if (f.udp) return `${ip} UDP ${f.udp.sport} > ${f.udp.dport}`;
  if (f.tcp) return `${ip} TCP ${f.tcp.sport} > ${f.tcp.dport} [${f.tcp.flags}]`;
  return `${ip} ${f.ipv4.proto}`;
}
