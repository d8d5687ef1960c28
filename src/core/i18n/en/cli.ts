import type { CliCatalog } from '../cli';

/** "a, b or c". */
function either(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] as string}`;
}

const READ_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
};

/** What a system error code means for reading a file, if it is a common one. */
function readReason(code: string | undefined): string | undefined {
  return code !== undefined && Object.hasOwn(READ_REASONS, code) ? READ_REASONS[code] : undefined;
}

/** The trace command's messages in English. */
export const cliEn: CliCatalog = {
  usage: (presets) =>
    `usage: npm run --silent trace -- [--preset ${presets.join('|')} | --topology FILE] --from POD|MACHINE --to POD|MACHINE|IP ` +
    '[--proto icmp|udp|tcp] [--port N] [--count N] [--interval MS] [--ttl N] [--size N] [--pmtudisc want|do|dont] [--warm] [--format jsonl|text] [--lang en|ru] ' +
    '[--explain short|detailed|none]',
  unexpectedArgument: (arg) => `unexpected argument "${arg}"`,
  unknownOption: (name) => `unknown option --${name}`,
  needsValue: (name) => `--${name} needs a value`,
  wholeNumber: (name, got) => `--${name} expects a whole number, got "${got}"`,
  required: (name) => `--${name} is required`,
  presetAndTopology: () => 'give either --preset or --topology, not both',
  oneOf: (name, choices, got) => `--${name} expects ${either(choices)}, got "${got}"`,
  unknownPreset: (name, presets) => `unknown preset "${name}"; presets: ${presets.join(', ')}`,
  cannotRead: (file, code, detail) => `cannot read topology file ${file}: ${readReason(code) ?? detail}`,
  notJson: (file, at, token) =>
    `topology file ${file} is not valid JSON${at ? ` (line ${at.line}, column ${at.column})` : token !== null ? ` (unexpected "${token}")` : ''}`,
  notRegularFile: (file) => `${file} is not a regular file; give the path of a topology file`,
  tooLarge: (file, size, limit) => `topology file ${file} is ${(size / 2 ** 20).toFixed(1)} MiB; the limit is ${limit / 2 ** 20} MiB`,
  internal: () => 'the command failed: this is a bug in Packet Journey, not a mistake in your input (set PJ_DEBUG=1 to see the details)',
  invalidTopology: (file, list) => `invalid topology ${file}: ${list}`,
};
