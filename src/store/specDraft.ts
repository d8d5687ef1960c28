import type { Bilingual, JourneySpec, Topology } from '../core';

/** The journey form as the user typed it: strings, so a bad value stays visible while it is fixed. */
export interface SpecDraft {
  /** Source namespace: a pod or machine name. */
  from: string;
  /** Whether the destination is a namespace from the list or a typed IPv4 address. */
  toKind: 'ns' | 'ip';
  /** Destination namespace, when `toKind` is `ns`. */
  to: string;
  /** Destination address, when `toKind` is `ip`. */
  toIp: string;
  proto: 'icmp' | 'udp' | 'tcp';
  /** UDP/TCP destination port. */
  port: string;
  /** Packets to send. */
  count: string;
  /** IP TTL of the packets sent. */
  ttl: string;
  /** Payload bytes (`ping -s`, a UDP datagram's data); empty: the protocol's default. TCP has none. */
  size: string;
  /** Start with empty ARP and FDB caches (spec.warm = false). */
  clearCaches: boolean;
  /**
   * Milliseconds between packets, kept from the spec the draft came from (a scenario's three pings
   * 2 s apart) so that editing another field keeps it; the form has no field for it. Null: 1000.
   */
  intervalMs: number | null;
  /**
   * `ping -M` (the socket's path MTU discovery), kept from the spec the draft came from like the
   * interval: the scenarios "ping -M dont" and "ping -M do" lost it on the way through the draft
   * and showed the default's journey under their titles (teacher review 2). Null: the default, want.
   */
  pmtudisc: NonNullable<JourneySpec['pmtudisc']> | null;
}

/** A form field a message is about. */
export type DraftField = 'from' | 'to' | 'port' | 'count' | 'ttl' | 'size';

/** A problem with one field, said in both languages. */
export interface FieldError {
  field: DraftField;
  message: Bilingual;
}

/** Most packets one journey may send: more makes the log too long to step through in class. */
export const MAX_COUNT = 10;

/** Largest payload: a 65,535-byte IP packet less its 20-byte header and the 8-byte ICMP or UDP header. */
export const MAX_SIZE = 65507;

/** The payload a protocol sends when no size is given, as the core does: `ping`'s 56 bytes, `echo x`'s 2. */
export function defaultSize(proto: 'icmp' | 'udp' | 'tcp'): number {
  return proto === 'udp' ? 2 : proto === 'icmp' ? 56 : 0;
}

/** Names of every namespace in a topology: pods first, then machines. */
export function namespaceNames(t: Topology): { pods: string[]; machines: string[] } {
  return {
    pods: t.machines.flatMap((m) => (m.pods ?? []).map((p) => p.name)),
    machines: t.machines.map((m) => m.name),
  };
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Is `s` a dotted-quad IPv4 address? */
export function isIpv4(s: string): boolean {
  const m = IPV4.exec(s.trim());
  return m !== null && m.slice(1).every((o) => Number(o) <= 255 && (o === '0' || !o.startsWith('0')));
}

function intIn(raw: string, lo: number, hi: number): number | null {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= lo && n <= hi ? n : null;
}

/** The draft for a spec, as the form shows it. */
export function draftFromSpec(t: Topology, spec: JourneySpec): SpecDraft {
  const names = namespaceNames(t);
  const isNs = names.pods.includes(spec.to) || names.machines.includes(spec.to);
  const proto = spec.proto ?? 'icmp';
  return {
    from: spec.from,
    toKind: isNs ? 'ns' : 'ip',
    to: isNs ? spec.to : (names.pods[0] ?? ''),
    toIp: isNs ? '' : spec.to,
    proto,
    port: String(spec.port ?? (proto === 'udp' ? 53 : 80)),
    count: String(spec.count ?? 1),
    ttl: String(spec.ttl ?? 64),
    size: spec.size === undefined ? '' : String(spec.size),
    clearCaches: !(spec.warm ?? false),
    intervalMs: spec.intervalMs ?? null,
    pmtudisc: spec.pmtudisc ?? null,
  };
}

/**
 * Check a draft and turn it into a spec, or say what is wrong, field by field, in both languages.
 * The engine checks again; this catches what a user can mistype, with messages a class understands.
 */
export function parseDraft(t: Topology, d: SpecDraft): { spec: JourneySpec; errors: [] } | { spec: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const names = namespaceNames(t);
  const all = [...names.pods, ...names.machines];
  if (!all.includes(d.from)) {
    errors.push({ field: 'from', message: { en: `From: “${d.from}” is not a pod or machine of this lab.`, ru: `Откуда: на стенде нет пода или машины «${d.from}».` } });
  }
  const ip = d.toIp.trim();
  if (d.toKind === 'ip' && !isIpv4(ip)) {
    errors.push({
      field: 'to',
      message: ip === ''
        ? { en: 'To: the IP address is empty; type one, e.g. 10.10.11.1.', ru: 'Куда: IP-адрес не введён; введите, например, 10.10.11.1.' }
        : { en: `To: “${ip}” is not a valid IPv4 address: four numbers 0–255 separated by dots, e.g. 10.10.11.1.`, ru: `Куда: «${ip}» — не IPv4-адрес: нужны четыре числа от 0 до 255 через точку, например 10.10.11.1.` },
    });
  }
  if (d.toKind === 'ns' && !all.includes(d.to)) {
    errors.push({ field: 'to', message: { en: `To: “${d.to}” is not a pod or machine of this lab.`, ru: `Куда: на стенде нет пода или машины «${d.to}».` } });
  }
  const port = intIn(d.port, 1, 65535);
  if (d.proto !== 'icmp' && port === null) {
    errors.push({ field: 'port', message: { en: `Port “${d.port}” must be a whole number from 1 to 65535.`, ru: `Порт «${d.port}» должен быть целым числом от 1 до 65535.` } });
  }
  const count = intIn(d.count, 1, MAX_COUNT);
  if (count === null) {
    errors.push({ field: 'count', message: { en: `Packets “${d.count}” must be a whole number from 1 to ${MAX_COUNT}.`, ru: `Число пакетов «${d.count}» должно быть целым числом от 1 до ${MAX_COUNT}.` } });
  }
  const ttl = intIn(d.ttl, 1, 255);
  if (ttl === null) {
    errors.push({ field: 'ttl', message: { en: `TTL “${d.ttl}” must be a whole number from 1 to 255.`, ru: `TTL «${d.ttl}» должен быть целым числом от 1 до 255.` } });
  }
  // An empty size is the protocol's default; TCP sends no payload, so its size is never checked.
  const sizeRaw = d.size.trim();
  const size = d.proto === 'tcp' || sizeRaw === '' ? null : intIn(sizeRaw, 0, MAX_SIZE);
  if (d.proto !== 'tcp' && sizeRaw !== '' && size === null) {
    errors.push({ field: 'size', message: { en: `Size “${d.size}” must be a whole number from 0 to ${MAX_SIZE} (bytes of data), or empty for the default.`, ru: `Размер «${d.size}» должен быть целым числом от 0 до ${MAX_SIZE} (байт данных) или пустым — тогда берётся размер по умолчанию.` } });
  }
  if (errors.length > 0 || count === null || ttl === null) return { spec: null, errors };
  const spec: JourneySpec = {
    from: d.from,
    to: d.toKind === 'ip' ? ip : d.to,
    proto: d.proto,
    count,
    ttl,
    warm: !d.clearCaches,
    ...(d.proto !== 'icmp' && port !== null ? { port } : {}),
    ...(size !== null ? { size } : {}),
    ...(d.intervalMs !== null ? { intervalMs: d.intervalMs } : {}),
    ...(d.pmtudisc !== null ? { pmtudisc: d.pmtudisc } : {}),
  };
  return { spec, errors: [] };
}

/**
 * A spec with every field the form shows filled in (TTL 64, caches cold, the protocol's port), as
 * the form would run it: a scenario's short journey (`{ from, to }`) becomes what the form, the
 * link and the picker all read back the same way. A spec the form cannot hold is returned as it is.
 */
export function completeSpec(t: Topology, spec: JourneySpec): JourneySpec {
  return parseDraft(t, draftFromSpec(t, spec)).spec ?? spec;
}

/** The form fields a patch of the draft edits (switching "To" to a typed address edits none yet). */
export function fieldsOf(patch: Partial<SpecDraft>): DraftField[] {
  const out = new Set<DraftField>();
  for (const k of Object.keys(patch) as (keyof SpecDraft)[]) {
    if (k === 'from' || k === 'port' || k === 'count' || k === 'ttl' || k === 'size') out.add(k);
    else if (k === 'to' || k === 'toIp') out.add('to');
  }
  return [...out];
}

/** Do two specs ask for the same journey (defaults filled in, the port and size only where they matter)? */
export function sameJourney(a: JourneySpec, b: JourneySpec): boolean {
  const norm = (s: JourneySpec) => {
    const proto = s.proto ?? 'icmp';
    const size = proto === 'tcp' ? 0 : (s.size ?? defaultSize(proto));
    return [s.from, s.to.trim(), proto, proto === 'icmp' ? 0 : (s.port ?? (proto === 'udp' ? 53 : 80)), s.count ?? 1, s.ttl ?? 64, s.warm ?? false, s.intervalMs ?? 1000, size, s.pmtudisc ?? 'want'].join('|');
  };
  return norm(a) === norm(b);
}

/**
 * The draft after an edit of the lab: its endpoints stay when they still exist; a source that is
 * gone becomes the first pod (or machine), a destination that is gone the first other pod, so the
 * player always has a journey to show.
 */
export function keepEndpoints(t: Topology, d: SpecDraft): SpecDraft {
  const names = namespaceNames(t);
  const all = [...names.pods, ...names.machines];
  const from = all.includes(d.from) ? d.from : (all[0] ?? d.from);
  const others = [...names.pods, ...names.machines].filter((n) => n !== from);
  const to = d.toKind === 'ns' && !all.includes(d.to) ? (others[0] ?? d.to) : d.to;
  return from === d.from && to === d.to ? d : { ...d, from, to };
}
