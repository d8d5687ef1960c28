/**
 * The CNI command's arguments and its own messages (`npm run --silent cni -- --state FILE ...`), in
 * English and Russian (`--lang`). What a plugin prints is protocol data and stays as the plugin
 * says it; only the command's usage and its complaints about the command line or the state file
 * are ours.
 */
import type { Lang } from '../src/core/i18n/lang';

/** What the command was asked to do. */
export type CniCommandArgs =
  | { kind: 'plugin'; state: string; plugin?: string; lang: Lang }
  | { kind: 'netns'; state: string; op: 'add' | 'del'; name: string; lang: Lang }
  | { kind: 'write'; state: string; path: string; lang: Lang }
  | { kind: 'show'; state: string; lang: Lang }
  | { kind: 'help'; lang: Lang };

/** A complaint about the command line or the state file, in both languages. */
export class CniCliError extends Error {
  constructor(readonly text: Record<Lang, string>) {
    super(text.en);
    this.name = 'CniCliError';
  }
}

export const CNI_USAGE: Record<Lang, string> = {
  en: [
    'usage: CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/pod1 CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin \\',
    '         npm run --silent cni -- --state node1.json [--plugin bridge|host-local|flannel] < conf.json',
    '       npm run --silent cni -- --state node1.json --netns add|del NAME     (the runtime: ip netns add/del)',
    '       npm run --silent cni -- --state node1.json --write PATH < content   (a file on the node, e.g. /run/flannel/subnet.env)',
    '       npm run --silent cni -- --state node1.json --show                   (links, addresses, routes, files)',
    'The state file is one node; it is created on first use. The plugin is the configuration\'s "type" unless --plugin says.',
  ].join('\n'),
  ru: [
    'использование: CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/pod1 CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin \\',
    '         npm run --silent cni -- --state node1.json [--plugin bridge|host-local|flannel] < conf.json',
    '       npm run --silent cni -- --state node1.json --netns add|del ИМЯ      (как среда выполнения: ip netns add/del)',
    '       npm run --silent cni -- --state node1.json --write ПУТЬ < текст     (файл на ноде, например /run/flannel/subnet.env)',
    '       npm run --silent cni -- --state node1.json --show                   (интерфейсы, адреса, маршруты, файлы)',
    'Файл состояния — это одна нода; он создаётся при первом вызове. Плагин берётся из поля "type" конфигурации, если не указан --plugin.',
  ].join('\n'),
};

/** The line after a complaint. */
export const CNI_HELP_HINT: Record<Lang, string> = { en: 'see: npm run --silent cni -- --help', ru: 'справка: npm run --silent cni -- --help --lang ru' };

const both = (en: string, ru: string): Record<Lang, string> => ({ en, ru });

/** The command's complaints. */
export const CNI_CLI_TEXT = {
  unknownOption: (a: string) => both(`unknown option ${a}`, `неизвестный параметр ${a}`),
  needsValue: (a: string) => both(`${a} needs a value`, `параметру ${a} нужно значение`),
  needsState: both('--state FILE is required: the file that keeps the node', 'нужен --state ФАЙЛ: файл, в котором хранится нода'),
  netnsOp: (got: string) => both(`--netns expects add or del, got "${got}"`, `--netns ожидает add или del, получено "${got}"`),
  lang: (got: string) => both(`--lang expects en or ru, got "${got}"`, `--lang ожидает en или ru, получено "${got}"`),
  unknownPlugin: (name: string, known: readonly string[]) => both(`no plugin "${name}" here; plugins: ${known.join(', ')}`, `плагина "${name}" здесь нет; есть: ${known.join(', ')}`),
  cannotRead: (file: string, detail: string) => both(`cannot read the state file ${file}: ${detail}`, `не удаётся прочитать файл состояния ${file}: ${detail}`),
  notState: (file: string) => both(`${file} is not a node state written by this command; give a new file name or one it wrote`, `${file} не файл состояния ноды, записанный этой командой; укажите новый файл или файл, который она записала`),
  cannotWrite: (file: string, detail: string) => both(`cannot write the state file ${file}: ${detail}`, `не удаётся записать файл состояния ${file}: ${detail}`),
} as const;

/** Reads the arguments. @throws CniCliError. */
export function parseCniArgs(argv: readonly string[]): CniCommandArgs {
  let lang: Lang = 'en';
  const li = argv.indexOf('--lang');
  if (li >= 0) {
    const v = argv[li + 1];
    if (v !== 'en' && v !== 'ru') throw new CniCliError(CNI_CLI_TEXT.lang(v ?? ''));
    lang = v;
  }
  let state: string | undefined;
  let plugin: string | undefined;
  let netns: { op: 'add' | 'del'; name: string } | undefined;
  let write: string | undefined;
  let show = false;
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new CniCliError(CNI_CLI_TEXT.needsValue(name));
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--help' || a === '-h') return { kind: 'help', lang };
    if (a === '--lang') i++;
    else if (a === '--state') state = value(i++, a);
    else if (a === '--plugin') plugin = value(i++, a);
    else if (a === '--write') write = value(i++, a);
    else if (a === '--show') show = true;
    else if (a === '--netns') {
      const op = value(i, a);
      if (op !== 'add' && op !== 'del') throw new CniCliError(CNI_CLI_TEXT.netnsOp(op));
      netns = { op, name: value(i + 1, a) };
      i += 2;
    } else throw new CniCliError(CNI_CLI_TEXT.unknownOption(a));
  }
  if (state === undefined) throw new CniCliError(CNI_CLI_TEXT.needsState);
  if (netns) return { kind: 'netns', state, ...netns, lang };
  if (write !== undefined) return { kind: 'write', state, path: write, lang };
  if (show) return { kind: 'show', state, lang };
  return { kind: 'plugin', state, ...(plugin !== undefined ? { plugin } : {}), lang };
}
