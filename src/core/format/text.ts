import type { Frame, FrameEvent, HopEvent } from '../events';
import type { JourneyResult } from '../journey';
import type { Lang } from '../i18n/lang';
import { narratorLabels, tellChapters, tellEvent, tellOutcome, type Level } from '../narrate/index';

export type { Lang } from '../i18n/lang';

/** How much the trace explains: the narrator's levels, or `none` for frames and decisions only. */
export type Explain = Level | 'none';

/** Seconds with microseconds, as tcpdump prints relative times. */
function time(ns: number): string {
  return (ns / 1e9).toFixed(6).padStart(10, ' ');
}

/** A frame in tcpdump's `-e -n` style. */
export function tcpdumpLine(f: Frame): string {
  // A device without a link-layer header (WireGuard's, tunl0: LINKTYPE_RAW) shows the IP packet alone.
  const l2 = f.raw ? 'raw' : `${f.eth.src} > ${f.eth.dst}`;
  if (f.arp) {
    const a = f.arp;
    return a.op === 'request'
      ? `${l2}, ARP, Request who-has ${a.tpa} tell ${a.spa}`
      : `${l2}, ARP, Reply ${a.spa} is-at ${a.sha}`;
  }
  const ip = f.ipv4;
  if (!ip) return l2;
  const frag = ip.fragOffset === undefined ? '' : ` (frag @${ip.fragOffset}${ip.mf === true ? '+' : ''})`;
  const head = `${l2}, IPv4, ttl ${ip.ttl}${frag}`;
  if (f.icmp) {
    const i = f.icmp;
    const what =
      i.type === 8 ? `ICMP echo request, seq ${i.seq ?? 0}` :
      i.type === 0 ? `ICMP echo reply, seq ${i.seq ?? 0}` :
      i.type === 11 ? 'ICMP time exceeded in-transit' :
      i.type === 5 ? `ICMP redirect ${i.quote?.ipv4.dst ?? '?'} to host ${i.gateway ?? '?'}` :
      i.type === 3 ? `ICMP ${unreach(i.code, i.quote)}` : `ICMP type ${i.type} code ${i.code}`;
    return `${head}: ${ip.src} > ${ip.dst}: ${what}`;
  }
  // tcpdump -e -n decodes port 4789 as VXLAN by itself (8472 with -T vxlan), then the inner frame.
  if (f.udp && f.vxlan && f.inner) return `${head}: ${ip.src}.${f.udp.sport} > ${ip.dst}.${f.udp.dport}: VXLAN, flags [I] (0x08), vni ${f.vxlan.vni}: ${tcpdumpLine(f.inner)}`;
  // WireGuard: only the message's header is readable; after it, ciphertext (Wireshark's wg dissector reads as much).
  if (f.udp && f.wireguard) return `${head}: ${ip.src}.${f.udp.sport} > ${ip.dst}.${f.udp.dport}: UDP, length ${f.wireguard.len}: ${wgLine(f.wireguard)}`;
  // IP-in-IP: tcpdump decodes protocol 4 as the IPv4 packet it holds.
  if (f.ipip && f.inner) return `${head}: ${ip.src} > ${ip.dst}: IPIP (proto 4): ${tcpdumpLine(f.inner)}`;
  if (f.udp) return `${head}: ${ip.src}.${f.udp.sport} > ${ip.dst}.${f.udp.dport}: UDP`;
  if (f.tcp) return `${head}: ${ip.src}.${f.tcp.sport} > ${ip.dst}.${f.tcp.dport}: Flags [${f.tcp.flags}]`;
  return `${head}: ${ip.src} > ${ip.dst}`;
}

/** A WireGuard message's cleartext header, as Wireshark's dissector names its fields. */
function wgLine(w: NonNullable<Frame['wireguard']>): string {
  const hex = (n: number | undefined): string => `0x${(n ?? 0).toString(16).padStart(8, '0')}`;
  if (w.type === 'initiation') return `WireGuard Handshake Initiation, sender ${hex(w.sender)}`;
  if (w.type === 'response') return `WireGuard Handshake Response, sender ${hex(w.sender)}, receiver ${hex(w.receiver)}`;
  return `WireGuard Transport Data, receiver ${hex(w.receiver)}, counter ${w.counter ?? 0}, ${w.opaque} bytes of ciphertext`;
}

function unreach(code: number, q: NonNullable<Frame['icmp']>['quote']): string {
  const dst = q?.ipv4.dst ?? '?';
  if (code === 0) return `net ${dst} unreachable`;
  if (code === 1) return `host ${dst} unreachable`;
  if (code === 3) return `${dst} ${q?.ipv4.proto ?? ''} port ${q?.dport ?? '?'} unreachable`;
  return `${dst} unreachable, code ${code}`;
}

function decision(e: Exclude<HopEvent, FrameEvent>): string {
  switch (e.type) {
    case 'route':
      return `route ${e.direction} ${e.dst}: ${e.route ?? (e.match === 'broadcast' ? 'limited broadcast' : 'no match')} → ${e.result}`;
    case 'neigh':
      return `neigh ${e.iface} ${e.ip}: ${e.from ?? 'none'} → ${e.to}${e.mac ? ` (${e.mac})` : ''}${e.queued ? `, ${e.queued} queued` : ''}`;
    case 'fdb':
      return e.scope === 'vxlan' ? `fdb ${e.bridge} ${e.action} ${e.mac} dst ${e.remote ?? '?'}${e.defaultEntry ? ' (default entry)' : ''}` : `fdb ${e.bridge} ${e.action} ${e.mac} [${e.ports.join(', ')}]`;
    case 'ttl':
      return `ttl ${e.from} → ${e.to}`;
    case 'send':
      return `send ${e.ipv4.src} > ${e.ipv4.dst} ttl ${e.ipv4.ttl} ${e.ipv4.proto}`;
    case 'deliver':
      return `deliver ${e.ipv4.src} > ${e.ipv4.dst} ${e.ipv4.proto}`;
    case 'drop':
      return `DROP ${e.reason}${e.iface ? ` on ${e.iface}` : ''}`;
    case 'consume':
      return `consume ${e.reason} on ${e.iface}`;
    case 'fragment':
      return `fragment ${e.len} bytes for ${e.dev} mtu ${e.mtu}: ${e.count} fragments${e.pmtu ? ' (learned path MTU)' : ''}`;
    case 'defrag':
      return e.done ? `defrag ${e.held} fragments → ${e.len ?? 0} bytes` : `defrag hold fragment @${e.ipv4.fragOffset ?? 0} (${e.held} held)`;
    case 'pmtu':
      return `pmtu ${e.dst} via ${e.via ?? 'direct'} dev ${e.dev}: mtu ${e.from} → ${e.mtu}, expires ${e.expiresS}s`;
    case 'vxlan':
      // The datagram as tcpdump prints it: from the sending VTEP to the receiving one; sizes in the direction of the work.
      return e.action === 'encap'
        ? `vxlan encap ${e.iface} vni ${e.vni}: ${e.local}.${e.sport} > ${e.remote}.${e.port} via ${e.dev}, ${e.innerLen} → ${e.outerLen} bytes`
        : `vxlan decap ${e.iface} vni ${e.vni}: ${e.remote}.${e.sport} > ${e.local}.${e.port} via ${e.dev}, ${e.outerLen} → ${e.innerLen} bytes`;
    case 'ipip':
      // The outer header as the tunnel builds or strips it: protocol 4, the outer TTL and DF, sizes in the direction of the work.
      return e.action === 'encap'
        ? `ipip encap ${e.iface}: ${e.local} > ${e.remote} proto 4 ttl ${e.ttl}${e.df ? ' DF' : ''} via ${e.dev}, ${e.innerLen} → ${e.outerLen} bytes`
        : `ipip decap ${e.iface}: ${e.remote} > ${e.local} proto 4 ttl ${e.ttl}${e.df ? ' DF' : ''} via ${e.dev}, ${e.outerLen} → ${e.innerLen} bytes`;
    case 'bpf':
      // Cilium's program as `cilium monitor` would name its verdict, with the facts that decided it.
      switch (e.action) {
        case 'arp-reply': return `bpf ${e.prog} ${e.iface}: arp reply ${e.tpa ?? '?'} is-at ${e.mac ?? '?'}`;
        case 'local-delivery': return `bpf ${e.prog} ${e.iface}: deliver to ${e.pod ?? '?'} (${e.endpoint ?? '?'}), ttl ${e.ttl?.from ?? '?'} → ${e.ttl?.to ?? '?'}`;
        case 'encap': return `bpf ${e.prog} ${e.iface}: tunnel key remote ${e.remote ?? '?'} vni ${e.identity ?? '?'}, redirect to ${e.dev ?? '?'}`;
        case 'to-wireguard': return `bpf ${e.prog} ${e.iface}: redirect to ${e.dev ?? '?'} (encrypt)`;
        default: return `bpf ${e.prog} ${e.iface}: to stack`;
      }
    case 'ovs': {
      // As `ovs-dpctl dump-flows` writes a flow's match and actions, with weaver's upcall verdict.
      const tun = e.tunnel ? `tunnel(tun_id=${e.tunnel.vni},src=${e.tunnel.src}),` : '';
      const acts = (e.out ?? []).map((o) => ('tunnel' in o ? `set(tunnel(tun_id=${o.tunnel.vni},dst=${o.tunnel.dst})),${o.port}` : o.port)).join(',') || 'drop';
      const match = `${tun}in_port(${e.iface}),eth(src=${e.src},dst=${e.dst})`;
      if (e.action === 'miss') return `ovs ${e.datapath} miss ${match}: upcall to weaver`;
      if (e.action === 'hit') return `ovs ${e.datapath} hit ${match}, actions:${acts}`;
      return `ovs ${e.datapath} upcall ${match}${e.learned ? ` learn ${e.learned.mac} at ${e.learned.at}` : ''}, ${e.install === true ? 'install' : 'no flow'} actions:${acts}`;
    }
    case 'wireguard': {
      // As `wg show` and the kernel's debug messages name them: peer, indices, counter, sizes.
      const at = `wireguard ${e.iface} peer ${e.peer} (${e.endpoint})`;
      // Indices in hex, as Wireshark and the tcpdump line above print them.
      const ix = (n: number | undefined): string => (n === undefined ? '?' : `0x${n.toString(16).padStart(8, '0')}`);
      switch (e.action) {
        case 'stage': return `${at}: no session, packet staged (${e.staged ?? 1} waiting)${e.allowed ? `, allowed-ips ${e.allowed}` : ''}`;
        case 'initiation': return `${at}: handshake initiation ${e.dir === 'send' ? 'sent' : 'received'}, sender ${ix(e.sender)}`;
        case 'response': return `${at}: handshake response ${e.dir === 'send' ? 'sent' : 'received'}, sender ${ix(e.sender)} receiver ${ix(e.receiver)}`;
        case 'session': return `${at}: keypair created, ${e.staged ?? 0} staged packets sent`;
        case 'encrypt': return `${at}: encrypt ${e.innerLen ?? 0} bytes (padded ${e.padded ?? 0}) allowed-ips ${e.allowed ?? '?'}, receiver ${ix(e.receiver)} counter ${e.counter ?? 0} → ${e.outerLen ?? 0} bytes`;
        default: return `${at}: decrypt counter ${e.counter ?? 0} → ${e.innerLen ?? 0} bytes, src allowed-ips ${e.allowed ?? 'none'}`;
      }
    }
    case 'halt':
      return `HALT ${e.reason} budget ${e.limit} reached, ${e.pending} actions left`;
    default:
      return assertNever(e);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected event ${JSON.stringify(x)}`);
}

/**
 * The whole journey as a readable log: chapters as headings (with the course notes' corrections),
 * frames like tcpdump, decisions in brackets, each told by the narrator at `explain` level, and the
 * outcome last.
 */
export function formatText(result: JourneyResult, lang: Lang, explain: Explain = 'detailed'): string {
  const lines: string[] = [];
  const labels = narratorLabels(lang);
  const chapterAt = new Map(tellChapters(result, lang).map((c) => [c.start, c]));
  result.events.forEach((e, i) => {
    const c = chapterAt.get(i);
    if (c) {
      lines.push('', `== ${c.n}. ${c.title} ==`);
      if (c.correction) lines.push(`   (${labels.notesVsLinux}: ${c.correction})`);
    }
    const where = e.type === 'frame' ? `${e.ns} ${e.iface} ${e.dir === 'in' ? 'In ' : 'Out'}` : e.ns;
    const body = e.type === 'frame' ? tcpdumpLine(e) : `[${decision(e)}]`;
    lines.push(`${time(e.t)} ${where.padEnd(20)} ${body}`);
    if (explain !== 'none') lines.push(`${' '.repeat(11)}# ${tellEvent(result, i, lang, explain)}`);
  });
  lines.push('', tellOutcome(result, lang));
  return lines.map(escapeControls).join('\n');
}

/**
 * Control characters from user-given names (a segment id with an escape sequence or a newline)
 * written as `\u001b`, so a topology can neither drive the terminal nor forge lines of the trace.
 */
export function escapeControls(line: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return line.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * One JSON object per line: each event as the engine emitted it (plus `text` when `explain` is not
 * `none`), then one `{"record":"chapter",…}` per chapter and one `{"record":"outcome",…}` last.
 * Event lines have no `record` field, so older readers keep working.
 */
export function formatJsonl(result: JourneyResult, lang: Lang = 'en', explain: Explain = 'none'): string {
  const lines = result.events.map((e, i) => JSON.stringify(explain === 'none' ? e : { ...e, text: tellEvent(result, i, lang, explain) }));
  for (const c of tellChapters(result, lang)) lines.push(JSON.stringify({ record: 'chapter', ...c }));
  lines.push(JSON.stringify({ record: 'outcome', text: tellOutcome(result, lang) }));
  return lines.join('\n');
}
