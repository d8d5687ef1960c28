import { describeHeaders, type HopEvent } from '../../core';
import type { Lang } from '../../store/types';
import type { Strings } from '../i18n/strings';

/** One line saying what an event is, for the event log (technical notation, words translated). */
export function eventLine(e: HopEvent, t: Strings, lang: Lang): string {
  switch (e.type) {
    case 'frame':
      return `${e.iface} ${e.dir === 'in' ? t.frame.in : t.frame.out} · ${describeHeaders(e, lang)}`;
    case 'route':
      return `${e.dst}: ${e.route ?? t.frame.unreachable}`;
    case 'neigh':
      return `${e.ip} (${e.iface}): ${e.from ?? '∅'} → ${e.to}${e.mac ? ` ${e.mac}` : ''}`;
    case 'fdb':
      return `${e.bridge} ${t.fdbActions[e.action]} ${e.mac} → ${e.remote ?? (e.ports.join(', ') || '∅')}`;
    case 'ttl':
      return `TTL ${e.from} → ${e.to}`;
    case 'send':
    case 'deliver':
      return describeHeaders(e, lang);
    case 'drop':
      return `${e.iface ? `${e.iface}: ` : ''}${t.drops[e.reason]}`;
    case 'consume':
      return `${e.iface}: ${t.consumes[e.reason]}`;
    case 'fragment':
      return `${e.dev}: ${t.fragmentLines.fragment(e.len, e.count, e.mtu)}`;
    case 'defrag':
      return e.done ? t.fragmentLines.done(e.held, e.len ?? 0) : t.fragmentLines.held(e.ipv4.fragOffset ?? 0);
    case 'pmtu':
      return t.fragmentLines.pmtu(e.dst, e.mtu);
    case 'vxlan':
      return `${e.iface} ${e.action === 'encap' ? '→' : '←'} ${e.remote}: ${t.vxlanLines[e.action](e.vni, e.innerLen, e.outerLen)}`;
    case 'ipip':
      return `${e.iface} ${e.action === 'encap' ? '→' : '←'} ${e.remote}: ${t.ipipLines[e.action](e.innerLen, e.outerLen, e.ttl)}`;
    case 'bpf': {
      const b = t.bpfLines;
      const what = e.action === 'arp-reply' ? b['arp-reply'](e.tpa ?? '', e.mac ?? '')
        : e.action === 'local-delivery' ? b['local-delivery'](e.pod ?? '', e.ttl?.from ?? 0, e.ttl?.to ?? 0)
          : e.action === 'encap' ? b.encap(e.remote ?? '', e.identity ?? 0)
            : e.action === 'to-wireguard' ? b['to-wireguard'](e.dev ?? '') : b['to-stack']();
      return `${e.iface} ${e.prog}: ${what}`;
    }
    case 'ovs': {
      const o = t.ovsLines;
      const outs = (e.out ?? []).map((x) => ('tunnel' in x ? o.tunnel(x.tunnel.peer, x.tunnel.vni) : x.port)).join(', ') || o.drop;
      const what = e.action === 'miss' ? o.miss() : e.action === 'upcall' ? o.upcall(outs, e.install === true) : o.hit(outs);
      return `${e.datapath} (${e.iface}): ${what}`;
    }
    case 'wireguard': {
      const w = t.wgLines;
      const send = e.dir === 'send';
      const what = e.action === 'stage' ? w.stage(e.peer)
        : e.action === 'initiation' ? w.initiation(send, e.peer)
          : e.action === 'response' ? w.response(send, e.peer)
            : e.action === 'session' ? w.session(e.peer, e.staged ?? 0)
              : e.action === 'encrypt' ? w.encrypt(e.peer, e.innerLen ?? 0, e.outerLen ?? 0) : w.decrypt(e.peer, e.innerLen ?? 0);
      return `${e.iface}: ${what}`;
    }
    case 'halt':
      return t.halts[e.reason](e.limit);
    default:
      return assertNever(e);
  }
}

function assertNever(x: never): never {
  throw new Error(`Unexpected event ${JSON.stringify(x)}`);
}
