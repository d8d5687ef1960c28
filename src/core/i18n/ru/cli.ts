import type { CliCatalog } from '../cli';

/*
 * The trace command's messages in Russian. Option names (`--count`), values the user typed and file
 * names stay as typed; values are quoted «so».
 */

/** «a, b или c». */
function either(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} или ${items[items.length - 1] as string}`;
}

const READ_REASONS: Record<string, string> = {
  ENOENT: 'такого файла нет',
  EACCES: 'нет прав на чтение',
  EPERM: 'нет прав на чтение',
  EISDIR: 'это каталог, а не файл',
};

/** Why a file could not be read, by system error code; the system's own message is English. */
function readReason(code: string | undefined): string {
  if (code === undefined) return 'неизвестная ошибка';
  return Object.hasOwn(READ_REASONS, code) ? (READ_REASONS[code] as string) : `системная ошибка ${code}`;
}

/** The trace command's messages in Russian. */
export const cliRu: CliCatalog = {
  usage: (presets) =>
    `использование: npm run --silent trace -- [--preset ${presets.join('|')} | --topology ФАЙЛ] --from ПОД|МАШИНА --to ПОД|МАШИНА|IP ` +
    '[--proto icmp|udp|tcp] [--port N] [--count N] [--interval МС] [--ttl N] [--size N] [--pmtudisc want|do|dont] [--warm] [--format jsonl|text] [--lang en|ru] ' +
    '[--explain short|detailed|none]',
  unexpectedArgument: (arg) => `лишний аргумент «${arg}»`,
  unknownOption: (name) => `неизвестный параметр --${name}`,
  needsValue: (name) => `после --${name} нужно указать значение`,
  wholeNumber: (name, got) => `для --${name} нужно целое число (только цифры), получено «${got}»`,
  required: (name) => `не указан обязательный параметр --${name}`,
  presetAndTopology: () => 'укажите либо --preset, либо --topology, но не оба сразу',
  oneOf: (name, choices, got) => `для --${name} нужно ${either(choices)}, получено «${got}»`,
  unknownPreset: (name, presets) => `неизвестный стенд «${name}»; готовые стенды: ${presets.join(', ')}`,
  cannotRead: (file, code) => `не удалось прочитать файл топологии ${file}: ${readReason(code)}`,
  notJson: (file, at, token) =>
    `файл топологии ${file} не является корректным JSON${at ? ` (строка ${at.line}, столбец ${at.column})` : token !== null ? ` (недопустимый символ «${token}»)` : ''}`,
  notRegularFile: (file) => `${file} — не обычный файл; укажите путь к файлу топологии`,
  tooLarge: (file, size, limit) => `файл топологии ${file} занимает ${(size / 2 ** 20).toFixed(1).replace('.', ',')} МиБ; предел — ${limit / 2 ** 20} МиБ`,
  internal: () => 'команда завершилась сбоем: это ошибка в Packet Journey, а не в ваших данных (подробности покажет PJ_DEBUG=1)',
  invalidTopology: (file, list) => `топология ${file} не прошла проверку: ${list}`,
};
