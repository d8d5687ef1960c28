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
  /** Start with empty ARP and FDB caches (spec.warm = false). */
  clearCaches: boolean;
}

/** A form field a message is about. */
export type DraftField = 'from' | 'to' | 'port' | 'count' | 'ttl';

/** A problem with one field, said in both languages. */
export interface FieldError {
  field: DraftField;
  message: Bilingual;
}

/** Most packets one journey may send: more makes the log too long to step through in class. */
export const MAX_COUNT = 10;

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
    clearCaches: !(spec.warm ?? false),
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
  if (errors.length > 0 || count === null || ttl === null) return { spec: null, errors };
  const spec: JourneySpec = {
    from: d.from,
    to: d.toKind === 'ip' ? ip : d.to,
    proto: d.proto,
    count,
    ttl,
    warm: !d.clearCaches,
    ...(d.proto !== 'icmp' && port !== null ? { port } : {}),
  };
  return { spec, errors: [] };
}

/** The form fields a patch of the draft edits (switching "To" to a typed address edits none yet). */
export function fieldsOf(patch: Partial<SpecDraft>): DraftField[] {
  const out = new Set<DraftField>();
  for (const k of Object.keys(patch) as (keyof SpecDraft)[]) {
    if (k === 'from' || k === 'port' || k === 'count' || k === 'ttl') out.add(k);
    else if (k === 'to' || k === 'toIp') out.add('to');
  }
  return [...out];
}

/** Do two specs ask for the same journey (defaults filled in, the port only where it matters)? */
export function sameJourney(a: JourneySpec, b: JourneySpec): boolean {
  const norm = (s: JourneySpec) => {
    const proto = s.proto ?? 'icmp';
    return [s.from, s.to.trim(), proto, proto === 'icmp' ? 0 : (s.port ?? (proto === 'udp' ? 53 : 80)), s.count ?? 1, s.ttl ?? 64, s.warm ?? false, s.intervalMs ?? 1000].join('|');
  };
  return norm(a) === norm(b);
}
