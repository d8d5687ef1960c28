import { cliEn } from './en/cli';
import { cliRu } from './ru/cli';
import { LANGS, type Lang, type Texts } from './lang';

/*
 * The trace command's messages (`npm run trace`): usage and every argument or input error. The
 * command finds `--lang` before anything else, so each error is told in the language asked for.
 */

/** Where a JSON text stops parsing, counted from 1 as editors count. */
export interface TextPosition {
  line: number;
  column: number;
}

/** The trace command's sentences in one language: what `./<lang>/cli.ts` provides. */
export interface CliCatalog {
  /** The one-line usage; `presets` are the names `--preset` accepts. */
  usage(presets: readonly string[]): string;
  /** A word that is not an option (`trace pod1`). */
  unexpectedArgument(arg: string): string;
  /** An option the command does not know; `name` is without the dashes. */
  unknownOption(name: string): string;
  /** An option given last or followed by another option. */
  needsValue(name: string): string;
  /** A number option whose value is not a whole number (digits only). */
  wholeNumber(name: string, got: string): string;
  /** A required option that is missing (`--from`, `--to`). */
  required(name: string): string;
  /** Both `--preset` and `--topology`. */
  presetAndTopology(): string;
  /** A value outside a fixed set (`--proto`, `--format`, `--lang`, `--explain`). */
  oneOf(name: string, choices: readonly string[], got: string): string;
  /** A `--preset` that does not exist, naming those that do. */
  unknownPreset(name: string, presets: readonly string[]): string;
  /**
   * A topology file that cannot be read; `code` is the system error code (`ENOENT`, `EACCES`,
   * `EISDIR`, …) if any, `detail` the system's own (English) message, shown when the code is unknown.
   */
  cannotRead(file: string, code: string | undefined, detail: string): string;
  /**
   * A topology file that is not JSON: where parsing stopped, or else the character it could not
   * take, when the parser said either.
   */
  notJson(file: string, at: TextPosition | null, token: string | null): string;
  /** A topology path that is not a regular file (a device, a FIFO, a socket): it could block or never end. */
  notRegularFile(file: string): string;
  /** A topology file larger than the command reads, in bytes. */
  tooLarge(file: string, size: number, limit: number): string;
  /** Not the user's fault: the command itself failed (a bug); the internal message is not shown. */
  internal(): string;
  /** A topology file that fails validation; `list` is `problemsText()` in the same language. */
  invalidTopology(file: string, list: string): string;
}

/**
 * The trace command's catalogue of every language, apart from the app's (`catalogs.ts`): only the
 * command reads it. TypeScript refuses a language without one.
 */
const CLI_CATALOGS: Record<Lang, CliCatalog> = { en: cliEn, ru: cliRu };

/** The catalogue of one language. */
export function cliCatalog(lang: Lang): CliCatalog {
  return CLI_CATALOGS[lang];
}

/**
 * A message in every language: `say` is called once per language with its catalogue, e.g.
 * `cliTexts((c) => c.unknownOption('colour'))` → `{ en: 'unknown option --colour', ru: '…' }`.
 */
export function cliTexts(say: (catalog: CliCatalog, lang: Lang) => string): Texts {
  const out = {} as Texts;
  for (const lang of LANGS) out[lang] = say(CLI_CATALOGS[lang], lang);
  return out;
}
