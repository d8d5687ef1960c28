import type { Bilingual } from '../events';

/**
 * An explanation rendered on first read. Building both languages' sentences for every event
 * dominated the engine's time and garbage, while a reader looks at one event at a time; so events
 * carry this object, which renders once when `en` or `ru` is read and serialises as `{en, ru}`.
 *
 * The thunk must only read values that never change afterwards (event fields, names, frames):
 * copy anything mutable (a neighbour entry's state or MAC) into a constant before creating it.
 */
export class LazyText implements Bilingual {
  #thunk: (() => Bilingual) | null;
  #value: Bilingual | null = null;

  constructor(thunk: () => Bilingual) {
    this.#thunk = thunk;
  }

  #resolve(): Bilingual {
    if (this.#value === null) {
      this.#value = (this.#thunk as () => Bilingual)();
      this.#thunk = null;
    }
    return this.#value;
  }

  get en(): string {
    return this.#resolve().en;
  }

  get ru(): string {
    return this.#resolve().ru;
  }

  toJSON(): Bilingual {
    return { en: this.en, ru: this.ru };
  }
}

/** Wraps an explanation so it is built only when read. */
export function lazy(thunk: () => Bilingual): Bilingual {
  return new LazyText(thunk);
}
