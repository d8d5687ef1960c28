import type { JourneySpec } from '../src/core/index';
import { cliTexts, type CliCatalog } from '../src/core/i18n/cli';
import { isLang, LANGS, type Lang, type Texts } from '../src/core/i18n/lang';
import { PRESET_NAMES } from './tracePresets';

/** How much explanation the trace prints with each event. */
export type Explain = 'short' | 'detailed' | 'none';

/** Parsed `npm run trace` arguments. */
export interface TraceArgs {
  preset?: string;
  topology?: string;
  spec: JourneySpec;
  format: 'jsonl' | 'text';
  lang: Lang;
  /** `--explain`, `detailed` when absent. Parsed and checked; the output does not use it yet. */
  explain: Explain;
}

/**
 * A problem with the command line or the files it names, in every language. `message` is the
 * English text; the trace command prints `text[lang]` for the `--lang` asked for.
 */
export class CliError extends Error {
  readonly text: Texts;

  constructor(text: Texts, options?: ErrorOptions) {
    super(text.en, options);
    this.name = 'CliError';
    this.text = text;
  }
}

/** An error followed by the usage line, in every language. */
function withUsage(say: (catalog: CliCatalog) => string): CliError {
  return new CliError(cliTexts((c) => `${say(c)}; ${c.usage(PRESET_NAMES)}`));
}

/**
 * The language of the command's output and errors, found before anything else is parsed so that
 * every later error is told in it: the last `--lang X` or `--lang=X`, `en` when there is none.
 * Throws a CliError (in every language, since none is known) for a missing or unknown value.
 */
export function langOf(argv: readonly string[]): Lang {
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--lang') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw withUsage((c) => c.needsValue('lang'));
      lang = value;
    } else if (a.startsWith('--lang=')) {
      lang = a.slice('--lang='.length);
    }
  }
  if (lang === undefined) return 'en';
  const got = lang;
  if (!isLang(got)) throw new CliError(cliTexts((c) => c.oneOf('lang', LANGS, got)));
  return got;
}

const KNOWN = ['preset', 'topology', 'from', 'to', 'proto', 'port', 'count', 'interval', 'ttl', 'size', 'pmtudisc', 'format', 'lang', 'explain'];

/**
 * Parses argv (`--name value` or `--name=value`; `--warm` and `--help` take none). Throws a
 * CliError carrying the one line to show in every language: `--help` throws the usage.
 */
export function parseTraceArgs(argv: readonly string[]): TraceArgs {
  const lang = langOf(argv);
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--warm' || a === '--help') {
      flags.add(a.slice(2));
      continue;
    }
    if (!a.startsWith('--')) throw withUsage((c) => c.unexpectedArgument(a));
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (!KNOWN.includes(name)) throw withUsage((c) => c.unknownOption(name));
    const value = eq < 0 ? argv[++i] : a.slice(eq + 1);
    if (value === undefined || value.startsWith('--')) throw withUsage((c) => c.needsValue(name));
    values.set(name, value);
  }
  if (flags.has('help')) throw new CliError(cliTexts((c) => c.usage(PRESET_NAMES)));
  const int = (name: string): number | undefined => {
    const v = values.get(name);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new CliError(cliTexts((c) => c.wholeNumber(name, v)));
    return Number(v);
  };
  const oneOf = <T extends string>(name: string, choices: readonly T[], fallback: T): T => {
    const v = values.get(name) ?? fallback;
    if (!(choices as readonly string[]).includes(v)) throw new CliError(cliTexts((c) => c.oneOf(name, choices, v)));
    return v as T;
  };
  const from = values.get('from');
  const to = values.get('to');
  if (!from) throw withUsage((c) => c.required('from'));
  if (!to) throw withUsage((c) => c.required('to'));
  if (values.has('preset') && values.has('topology')) throw new CliError(cliTexts((c) => c.presetAndTopology()));
  const proto = oneOf('proto', ['icmp', 'udp', 'tcp'], 'icmp');
  const format = oneOf('format', ['jsonl', 'text'], 'text');
  const explain = oneOf<Explain>('explain', ['short', 'detailed', 'none'], 'detailed');
  const spec: JourneySpec = { from, to, proto };
  const port = int('port');
  const count = int('count');
  const ttl = int('ttl');
  const interval = int('interval');
  const size = int('size');
  if (port !== undefined) spec.port = port;
  if (count !== undefined) spec.count = count;
  if (ttl !== undefined) spec.ttl = ttl;
  if (interval !== undefined) spec.intervalMs = interval;
  if (size !== undefined) spec.size = size;
  if (values.has('pmtudisc')) spec.pmtudisc = oneOf('pmtudisc', ['want', 'do', 'dont'], 'want');
  if (flags.has('warm')) spec.warm = true;
  const out: TraceArgs = { spec, format, lang, explain };
  const topology = values.get('topology');
  if (topology !== undefined) out.topology = topology;
  else out.preset = values.get('preset') ?? 'seed';
  return out;
}
