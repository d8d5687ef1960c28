/*
 * A record of every namespace's tables in a 155,000-namespace lab is too big to fill before each
 * journey, or to copy at each step the UI shows, when a journey reads a dozen of them. These
 * records look like plain objects to their readers (`state.ns[name]`, `Object.entries`, JSON) but
 * make each value on first read, or fall through to another record.
 */

function descriptor<T>(v: T | undefined): PropertyDescriptor | undefined {
  return v === undefined ? undefined : { value: v, writable: false, enumerable: true, configurable: true };
}

/**
 * A read-only record whose value for `key` is `read(key)`, made on first read and then kept (the
 * same object every time), and whose keys are `keys()` in order, listed only when someone
 * enumerates them. Writes throw a TypeError, as on a frozen object.
 */
export function lazyRecord<T>(keys: () => Iterable<string>, read: (key: string) => T | undefined): Record<string, T> {
  const made = new Map<string, T | undefined>();
  let list: string[] | undefined;
  const value = (k: string): T | undefined => {
    if (made.has(k)) return made.get(k);
    const v = read(k);
    made.set(k, v);
    return v;
  };
  return proxyOf(value, () => (list ??= [...keys()]));
}

/**
 * A record that reads `own` first and `base` for every other key (never copying `base`), with
 * `base`'s keys plus any new ones. The caller changes `own`; readers cannot write.
 */
export function overlayRecord<T>(base: Readonly<Record<string, T>>, own: Map<string, T>): Record<string, T> {
  const value = (k: string): T | undefined => (own.has(k) ? own.get(k) : Object.prototype.hasOwnProperty.call(base, k) ? base[k] : undefined);
  return proxyOf(value, () => {
    const keys = Object.keys(base);
    for (const k of own.keys()) if (!Object.prototype.hasOwnProperty.call(base, k)) keys.push(k);
    return keys;
  });
}

function proxyOf<T>(value: (k: string) => T | undefined, keys: () => string[]): Record<string, T> {
  const refuse = (): boolean => {
    throw new TypeError('this record is read-only');
  };
  return new Proxy({} as Record<string, T>, {
    get: (target, k) => (typeof k === 'string' ? (value(k) ?? Reflect.get(target, k)) : Reflect.get(target, k)),
    has: (_, k) => typeof k === 'string' && value(k) !== undefined,
    ownKeys: () => keys().filter((k) => value(k) !== undefined),
    getOwnPropertyDescriptor: (_, k) => (typeof k === 'string' ? descriptor(value(k)) : undefined),
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
}
