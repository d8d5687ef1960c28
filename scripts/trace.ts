/**
 * `npm run --silent trace -- --preset seed --from pod1 --to 10.10.11.1 --format jsonl [--explain short|detailed|none]`
 * Runs one journey and prints its events. Bad arguments or an invalid topology: one line on
 * stderr, `trace: ` and the problem in the `--lang` asked for, exit code 2.
 */
import '../src/core/i18n/allNarrators';
// Every datapath pack, registered at once (a Node program waits for nothing).
import '../src/core/allPacks';
// A topology file is untrusted input: validation checks its shapes with the schema loaded.
import '../src/core/model/schema';
import { readFileSync, statSync } from 'node:fs';
import { JourneyError, formatJsonl, formatProblem, formatText, problemSeverity, runJourney, type Topology } from '../src/core/index';
import { validateTopology, validateTopologyWarnings } from '../src/core/model/validate';
import { cliTexts, type TextPosition } from '../src/core/i18n/cli';
import { jsonFault } from '../src/core/model/labFile';
import { LANGS, type Lang } from '../src/core/i18n/lang';
import { problemsText } from '../src/core/i18n/problems';
import { CliError, langOf, parseTraceArgs } from './traceArgs';
import { PRESET_NAMES, PRESETS } from './tracePresets';

/** The largest topology file read, in bytes: a 2,000-pod cluster is about 2 MiB. */
const MAX_TOPOLOGY_BYTES = 32 * 2 ** 20;

function loadTopology(file: string): Topology {
  let text: string;
  try {
    // Only regular files of a sane size: /dev/zero would never end, a FIFO would block.
    const st = statSync(file);
    if (!st.isFile()) throw new CliError(cliTexts((c) => c.notRegularFile(file)));
    if (st.size > MAX_TOPOLOGY_BYTES) throw new CliError(cliTexts((c) => c.tooLarge(file, st.size, MAX_TOPOLOGY_BYTES)));
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    const { code, message } = e as NodeJS.ErrnoException;
    throw new CliError(cliTexts((c) => c.cannotRead(file, code, message)), { cause: e });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const f = jsonFault(text, (e as Error).message);
    const at: TextPosition | null = f.line > 0 ? { line: f.line, column: f.column } : null;
    throw new CliError(cliTexts((c) => c.notJson(file, at, f.token === '' ? null : f.token)), { cause: e });
  }
  const problems = validateTopology(data);
  if (problems.length > 0) throw new CliError(cliTexts((c, lang) => c.invalidTopology(file, problemsText(problems, lang))));
  return data as Topology;
}

function presetTopology(name: string): Topology {
  const make = PRESETS.get(name);
  if (!make) throw new CliError(cliTexts((c) => c.unknownPreset(name, PRESET_NAMES)));
  return make();
}

function main(argv: string[]): void {
  const args = parseTraceArgs(argv);
  const topology = args.topology !== undefined ? loadTopology(args.topology) : presetTopology(args.preset ?? 'seed');
  // Legal but unwise (an address on a bridge port, a MAC shared by veths): Linux accepts it, so the
  // journey runs; the user is told on stderr, which keeps stdout a clean trace.
  // One MAC on two hosts of a segment is accepted too, but cannot work: it is said to be an error.
  for (const w of validateTopologyWarnings(topology).slice(0, 10)) process.stderr.write(`trace: ${SEVERITY[problemSeverity(w.code)][args.lang]}: ${formatProblem(w, args.lang)}\n`);
  const result = runJourney(topology, args.spec);
  // jsonl: events as data, then chapter and outcome records; each event gets its story only when
  // --explain asks for it, so the default stays the engine's exact output.
  const jsonlExplain = process.argv.some((a) => a === '--explain' || a.startsWith('--explain=')) ? args.explain : 'none';
  process.stdout.write((args.format === 'jsonl' ? formatJsonl(result, args.lang, jsonlExplain) : formatText(result, args.lang, args.explain)) + '\n');
}

// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const SEVERITY: Record<'error' | 'warning', Record<Lang, string>> = { error: { en: 'error', ru: 'ошибка' }, warning: { en: 'warning', ru: 'предупреждение' } };

/** The language errors are told in; unknown only when `--lang` itself is wrong. */
let lang: Lang | undefined;
try {
  const argv = process.argv.slice(2);
  lang = langOf(argv);
  main(argv);
} catch (e) {
  let message: string;
  if (e instanceof CliError || e instanceof JourneyError) {
    const { text } = e;
    message = lang !== undefined ? text[lang] : LANGS.map((l) => text[l]).join(' / ');
  } else {
    // A bug: its message is for developers only.
    const text = cliTexts((c) => c.internal());
    message = lang !== undefined ? text[lang] : text.en;
    if (process.env.PJ_DEBUG) console.error(e);
  }
  process.stderr.write(`trace: ${message.split('\n')[0]}\n`);
  // exitCode, not exit(): stderr may be a pipe that still has to drain.
  process.exitCode = 2;
}
