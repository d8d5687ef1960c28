/*
 * How a value found in user input is quoted in a problem's sentence (problems.ts re-exports it):
 * short, JSON-like, and safe on any input.
 */

/** How many characters of a string {@link shown} keeps before it cuts with "…". */
const SHOWN_STRING = 60;
/** How many characters {@link shown} writes for an array or object before it cuts with "…". */
const SHOWN_TEXT = 80;

/**
 * How a value found in user input is shown in a problem: its JSON text (`"x"`, `2`, `null`), or
 * `undefined` when absent. A long string is cut (and stays a JSON string literal); an array or an
 * object is written two levels deep at most and cut at a few dozen characters, so a huge or
 * deeply nested value costs nothing and overflows no stack. Never throws.
 */
export function shown(value: unknown): string {
  try {
    const text = preview(value, 2);
    return text.length > SHOWN_TEXT && !text.startsWith('"') ? `${text.slice(0, SHOWN_TEXT - 1)}…` : text;
  } catch {
    return '…';
  }
}

function preview(v: unknown, depth: number): string {
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return JSON.stringify(v.length > SHOWN_STRING ? `${v.slice(0, SHOWN_STRING - 1)}…` : v);
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : String(v);
    case 'boolean':
      return String(v);
    case 'bigint':
      return `${v}n`;
    case 'symbol':
    case 'function':
      return typeof v;
    default:
  }
  if (v === null) return 'null';
  const list = Array.isArray(v);
  if (depth === 0) return list ? '[…]' : '{…}';
  const parts: string[] = [];
  let length = 0;
  const keys = list ? [] : Object.keys(v as object);
  const n = list ? (v as unknown[]).length : keys.length;
  for (let i = 0; i < n; i++) {
    if (length > SHOWN_TEXT) {
      parts.push('…');
      break;
    }
    const key = keys[i] ?? '';
    const item = list ? preview((v as unknown[])[i], depth - 1) : `${preview(key, 0)}:${preview((v as Record<string, unknown>)[key], depth - 1)}`;
    parts.push(item);
    length += item.length + 1;
  }
  return list ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}
