import type { JourneySpec, Lang } from '../src/core/index';

/** Parsed `npm run trace` arguments. */
export interface TraceArgs {
  preset?: string;
  topology?: string;
  spec: JourneySpec;
  format: 'jsonl' | 'text';
  lang: Lang;
}

const USAGE =
  'usage: npm run --silent trace -- [--preset seed|seed-redirects|seed-listeners|seed-calico-pod1 | --topology FILE] --from POD|MACHINE --to POD|MACHINE|IP ' +
  '[--proto icmp|udp|tcp] [--port N] [--count N] [--interval MS] [--ttl N] [--warm] [--format jsonl|text] [--lang en|ru]';

/** Parses argv; throws an Error whose message is the one line to show the user. */
export function parseTraceArgs(argv: string[]): TraceArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const known = ['preset', 'topology', 'from', 'to', 'proto', 'port', 'count', 'interval', 'ttl', 'format', 'lang'];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--warm' || a === '--help') {
      flags.add(a.slice(2));
      continue;
    }
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"; ${USAGE}`);
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (!known.includes(name)) throw new Error(`unknown option --${name}; ${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value; ${USAGE}`);
    values.set(name, value);
  }
  if (flags.has('help')) throw new Error(USAGE);
  const int = (name: string): number | undefined => {
    const v = values.get(name);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new Error(`--${name} expects a whole number, got "${v}"`);
    return Number(v);
  };
  const from = values.get('from');
  const to = values.get('to');
  if (!from) throw new Error(`--from is required; ${USAGE}`);
  if (!to) throw new Error(`--to is required; ${USAGE}`);
  if (values.has('preset') && values.has('topology')) throw new Error('give either --preset or --topology, not both');
  const proto = values.get('proto') ?? 'icmp';
  if (proto !== 'icmp' && proto !== 'udp' && proto !== 'tcp') throw new Error(`--proto expects icmp, udp or tcp, got "${proto}"`);
  const format = values.get('format') ?? 'text';
  if (format !== 'jsonl' && format !== 'text') throw new Error(`--format expects jsonl or text, got "${format}"`);
  const lang = values.get('lang') ?? 'en';
  if (lang !== 'en' && lang !== 'ru') throw new Error(`--lang expects en or ru, got "${lang}"`);
  const spec: JourneySpec = { from, to, proto };
  const port = int('port');
  const count = int('count');
  const ttl = int('ttl');
  const interval = int('interval');
  if (port !== undefined) spec.port = port;
  if (count !== undefined) spec.count = count;
  if (ttl !== undefined) spec.ttl = ttl;
  if (interval !== undefined) spec.intervalMs = interval;
  if (flags.has('warm')) spec.warm = true;
  const out: TraceArgs = { spec, format, lang };
  const topology = values.get('topology');
  if (topology !== undefined) out.topology = topology;
  else out.preset = values.get('preset') ?? 'seed';
  return out;
}
