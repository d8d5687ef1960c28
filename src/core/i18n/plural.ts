/**
 * Plural forms through the platform's CLDR rules (`Intl.PluralRules`), so Russian gets «1 запрос,
 * 3 запроса, 5 запросов, 21 запрос» and a new language brings its own rules for free.
 */

/** The forms a language may need, by CLDR plural category; `other` is always required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesCache = new Map<string, Intl.PluralRules>();

/**
 * Picks the form of a word for the count `n` in `locale` (a BCP 47 tag such as `ru`).
 * Falls back to `other` when the language's category has no form given.
 * @example plural('ru', 3, { one: 'запрос', few: 'запроса', many: 'запросов', other: 'запроса' }) === 'запроса'
 */
export function plural(locale: string, n: number, forms: PluralForms): string {
  let rules = rulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesCache.set(locale, rules);
  }
  return forms[rules.select(n)] ?? forms.other;
}

/** `n` and the word in the form that agrees with it: `count('ru', 6, …)` → «6 запросов». */
export function count(locale: string, n: number, forms: PluralForms): string {
  return `${n} ${plural(locale, n, forms)}`;
}
