import type { Json } from './goJson';
import { PLUGIN_TEXT as T } from './pluginText';

const C = T.goContext;

/*
 * Reading JSON as Go's encoding/json does, for its error texts: a plugin that gets bad JSON on
 * stdin answers with Go's own words ("unexpected end of JSON input", "invalid character 'x'
 * looking for beginning of value"), and those words are part of the error JSON the runtime sees.
 * The scanner follows encoding/json's scanner.go states closely enough to name the first bad byte
 * and the state it broke; JSON.parse does the actual decoding once the text is known to be valid.
 */

/** Go's quoteChar: `'x'`, `'\''`, `'"'`, `'\n'`. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

class SyntaxFault {
  constructor(readonly text: string) {}
}

/** A cursor over the text that throws Go's syntax messages. */
class Scanner {
  private i = 0;
  constructor(private readonly s: string) {}

  private fail(context: string): never {
    if (this.i >= this.s.length) throw new SyntaxFault(T.goEof);
    throw new SyntaxFault(T.goBadChar(quoteChar(this.s[this.i] as string), context));
  }

  private space(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i] as string)) this.i++;
  }

  private peek(): string | undefined {
    return this.s[this.i];
  }

  value(): void {
    this.space();
    const c = this.peek();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (c === word[0]) {
        this.i++;
        for (const ch of word.slice(1)) {
          if (this.peek() !== ch) this.fail(C.literal(word, quoteChar(ch)));
          this.i++;
        }
        return;
      }
    }
    this.fail(C.value);
  }

  private object(): void {
    this.i++;
    this.space();
    if (this.peek() === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      if (this.peek() !== '"') this.fail(C.key);
      this.string();
      this.space();
      if (this.peek() !== ':') this.fail(C.afterKey);
      this.i++;
      this.value();
      this.space();
      if (this.peek() === ',') {
        this.i++;
        continue;
      }
      if (this.peek() === '}') {
        this.i++;
        return;
      }
      this.fail(C.afterPair);
    }
  }

  private array(): void {
    this.i++;
    this.space();
    if (this.peek() === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.space();
      if (this.peek() === ',') {
        this.i++;
        continue;
      }
      if (this.peek() === ']') {
        this.i++;
        return;
      }
      this.fail(C.afterElement);
    }
  }

  private string(): void {
    this.i++;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail(C.inString);
      if (c === '"') {
        this.i++;
        return;
      }
      if (c < ' ') this.fail(C.inString);
      if (c === '\\') {
        this.i++;
        const e = this.peek();
        if (e === 'u') {
          this.i++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(this.peek() ?? '')) this.fail(C.inHex);
            this.i++;
          }
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail(C.inEscape);
      }
      this.i++;
    }
  }

  private digits(context: string): void {
    if (!/[0-9]/.test(this.peek() ?? '')) this.fail(context);
    while (/[0-9]/.test(this.peek() ?? '')) this.i++;
  }

  private number(): void {
    if (this.peek() === '-') {
      this.i++;
      if (!/[0-9]/.test(this.peek() ?? '')) this.fail(C.inNumber);
    }
    if (this.peek() === '0') this.i++;
    else this.digits(C.inNumber);
    if (this.peek() === '.') {
      this.i++;
      this.digits(C.afterDot);
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.i++;
      if (this.peek() === '+' || this.peek() === '-') this.i++;
      this.digits(C.inExponent);
    }
  }

  end(): void {
    this.space();
    if (this.i < this.s.length) this.fail(C.afterTop);
  }
}

/** The text decoded, or Go's syntax error text for it (`json.Unmarshal`'s SyntaxError). */
export function goParse(text: string): { ok: true; value: Json } | { ok: false; error: string } {
  try {
    const sc = new Scanner(text);
    sc.value();
    sc.end();
  } catch (e) {
    if (e instanceof SyntaxFault) return { ok: false, error: e.text };
    throw e;
  }
  return { ok: true, value: JSON.parse(text) as Json };
}

/** The JSON kind Go names in "cannot unmarshal X into …": string, number, bool, array, object. */
export function goKind(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}
