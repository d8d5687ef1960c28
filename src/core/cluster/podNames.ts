/**
 * The random part of generated pod names, as Kubernetes makes it: `utilrand.String(5)` from
 * k8s.io/apimachinery/pkg/util/rand, whose alphabet leaves out vowels and look-alike characters
 * ("bcdfghjklmnpqrstvwxz2456789") so that no word is spelt by accident. Here the characters come
 * from a seed, so the same lab always shows the same names.
 */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a over the seed's UTF-16 code units, then xorshift32: a small deterministic stream. */
function stream(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let x = h || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/**
 * Five characters of Kubernetes' name alphabet drawn from `seed`, e.g. `k7tqv`.
 *
 * @param seed anything that tells this name apart (owner, node, generation)
 */
export function nameSuffix(seed: string): string {
  const next = stream(seed);
  let out = '';
  for (let i = 0; i < 5; i++) out += ALPHANUMS[next() % ALPHANUMS.length] ?? 'b';
  return out;
}
