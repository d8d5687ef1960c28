import { PLUGIN_TEXT as T } from './pluginText';

/*
 * CNI_ARGS, `K=V;K2=V2` (SPEC.md §2; CONVENTIONS.md "CNI_ARGS"), read as cni pkg/types LoadArgs
 * reads it into a plugin's args struct: each key must name a field of that struct (the bridge
 * knows MAC, host-local knows IP, both know IgnoreUnknown); any other key is an error unless
 * IgnoreUnknown is true, which is why Kubernetes runtimes always start with `IgnoreUnknown=1`.
 */

/**
 * The values of the `known` keys found in `args`.
 * @throws Error with LoadArgs's text: a pair without exactly one `=`, an IgnoreUnknown that is not
 *   1/0/true/false, unknown keys without IgnoreUnknown.
 */
export function loadArgs(args: string, known: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (args === '') return out;
  const unknown: string[] = [];
  let ignoreUnknown = false;
  for (const pair of args.split(';')) {
    const kv = pair.split('=');
    if (kv.length !== 2) throw new Error(T.argsPair(pair));
    const [key, value] = kv as [string, string];
    if (key === 'IgnoreUnknown') {
      const v = value.toLowerCase();
      if (v !== '1' && v !== '0' && v !== 'true' && v !== 'false') throw new Error(T.argsValue(pair, T.argsBool(v)));
      ignoreUnknown = v === '1' || v === 'true';
      continue;
    }
    if (!known.includes(key)) {
      unknown.push(pair);
      continue;
    }
    out[key] = value;
  }
  if (unknown.length > 0 && !ignoreUnknown) throw new Error(T.argsUnknown(unknown));
  return out;
}
