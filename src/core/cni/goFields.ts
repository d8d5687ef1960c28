import { goKind } from './goDecode';
import { isObject, type Json } from './goJson';
import { PLUGIN_TEXT as T } from './pluginText';

/*
 * Reading a configuration into a plugin's Go struct: a field of the wrong JSON type makes
 * json.Unmarshal fail with "json: cannot unmarshal <kind> into Go struct field <Struct>.<path> of
 * type <type>" (Go 1.19, the toolchain of Debian's plugins), and the plugin reports that text. A
 * missing field or a JSON null keeps the struct's default, as in Go.
 */

/** The Go types our structs use, as Go names them in its errors. */
export type GoType = 'string' | 'bool' | 'int' | 'uint' | 'map[string]interface {}' | 'types.IPAM' | '[]string' | 'types.DNS';

function fits(v: Json, type: GoType): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'int':
      return typeof v === 'number' && Number.isInteger(v);
    case 'uint':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0;
    case '[]string':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' || x === null);
    default:
      return isObject(v);
  }
}

/** Go's kind word, with the number itself for a number (`number 1450.5`). */
function kindOf(v: Json): string {
  return typeof v === 'number' ? `number ${String(v)}` : goKind(v);
}

/**
 * Checks `obj`'s fields against `fields` (JSON key → Go type); `struct` is the Go type name and
 * `path` the keys leading to `obj`. @throws Error with json.Unmarshal's text for the first misfit,
 *   in key order of `fields` (Go reports the first error it meets; ours follow the struct).
 */
export function checkFields(obj: { [key: string]: Json }, struct: string, fields: Readonly<Record<string, GoType>>, path: readonly string[] = []): void {
  for (const [key, type] of Object.entries(fields)) {
    const v = obj[key];
    if (v === undefined || v === null || fits(v, type)) continue;
    const kind = typeof v === 'number' && (type === 'int' || type === 'uint') ? kindOf(v) : goKind(v);
    throw new Error(T.goType(kind, `${struct}.${[...path, key].join('.')}`, type));
  }
}

/** A field's value when it is of `type`, else `fallback` (after checkFields passed). */
export function get<T extends Json>(obj: { [key: string]: Json }, key: string, fallback: T): T {
  const v = obj[key];
  return v === undefined || v === null ? fallback : (v as T);
}
