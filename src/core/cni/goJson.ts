/*
 * JSON as Go's encoding/json writes it, so that what our plugins print is byte for byte what the
 * reference plugins print: `json.MarshalIndent(v, "", "    ")` for results and errors
 * (cni pkg/types Result.PrintTo, Error.Print), `json.NewEncoder(w).Encode` for VERSION
 * (pkg/version PluginInfo.Encode: compact, then a newline), and `json.Marshal` of a Go map for
 * configurations a plugin or runtime builds (flannel's delegate, libcni's injected keys): a map's
 * keys come out sorted, a struct's in declaration order (our objects are built in that order).
 */

/** A JSON value as the plugins read and write it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Go escapes <, > and & (HTMLEscape) and U+2028/U+2029; \b and \f as \u0008 and \u000c. */
function goEscape(text: string): string {
  return text.replace(/[<>&\u2028\u2029\b\f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/*
 * JSON.stringify drops `undefined` members itself (Go's omitempty on an absent pointer) without
 * touching the order; only an absent value as a whole is written `null` here, as Go writes nil.
 */

/** `json.MarshalIndent(v, "", "    ")`: four spaces, no final newline. */
export function goIndent(value: unknown): string {
  return goEscape(JSON.stringify(value ?? null, null, 4));
}

/** `json.Marshal(v)`: compact, no final newline. */
export function goCompact(value: unknown): string {
  return goEscape(JSON.stringify(value ?? null));
}

/** A copy of `value` with every object's keys sorted, as Go marshals a `map[string]interface{}`. */
export function sortedKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const k of Object.keys(value).sort()) out[k] = sortedKeys(value[k] as Json);
  return out;
}

/** Whether `v` is a JSON object (not an array, not null). */
export function isObject(v: unknown): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go's `%q` of a string: double quotes, backslash escapes. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Go's `%q` of a []string: `["a" "b"]`. */
export function goQuoteList(list: readonly string[]): string {
  return `[${list.map(goQuote).join(' ')}]`;
}

/** Go's `%v`/`%s` of a []string: `[a b]`. */
export function goList(list: readonly string[]): string {
  return `[${list.join(' ')}]`;
}
