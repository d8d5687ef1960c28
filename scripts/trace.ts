/**
 * `npm run --silent trace -- --preset seed --from pod1 --to 10.10.11.1 --format jsonl`
 * Runs one journey and prints its events. Bad arguments or an invalid topology: one line on
 * stderr, exit code 2.
 */
import { readFileSync } from 'node:fs';
import { JourneyError, formatJsonl, formatText, runJourney, seedCalicoStylePod1, seedTopology, seedWithListeners, seedWithRedirects, validateTopology, type Topology } from '../src/core/index';
import { problemsText } from '../src/core/i18n/problems';
import { parseTraceArgs } from './traceArgs';

const PRESETS: Record<string, () => Topology> = {
  seed: seedTopology,
  'seed-redirects': seedWithRedirects,
  'seed-listeners': seedWithListeners,
  'seed-calico-pod1': seedCalicoStylePod1,
};

function loadTopology(file: string): Topology {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read topology file ${file}: ${(e as Error).message}`, { cause: e });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`topology file ${file} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  const errors = validateTopology(data);
  if (errors.length > 0) throw new Error(`invalid topology ${file}: ${problemsText(errors, lang)}`);
  return data as Topology;
}

/** The language asked for, if the arguments got that far; errors are then written in it. */
let lang: 'en' | 'ru' = 'en';

function main(): void {
  const args = parseTraceArgs(process.argv.slice(2));
  lang = args.lang;
  let topology: Topology;
  if (args.topology !== undefined) topology = loadTopology(args.topology);
  else {
    const make = PRESETS[args.preset ?? 'seed'];
    if (!make) throw new Error(`unknown preset "${args.preset}"; presets: ${Object.keys(PRESETS).join(', ')}`);
    topology = make();
  }
  const result = runJourney(topology, args.spec);
  process.stdout.write((args.format === 'jsonl' ? formatJsonl(result) : formatText(result, args.lang)) + '\n');
}

try {
  main();
} catch (e) {
  const message = e instanceof JourneyError ? e.text[lang] : (e as Error).message;
  process.stderr.write(`trace: ${message.split('\n')[0]}\n`);
  process.exit(2);
}
