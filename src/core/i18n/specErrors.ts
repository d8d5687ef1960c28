import { specErrorsEn } from './en/specErrors';
import { specErrorsRu } from './ru/specErrors';
import { JourneyError } from '../errors';
import { LANGS, type Lang, type Texts } from './lang';

/**
 * What can be wrong with a journey's request (JourneySpec) or its endpoints, as plain data. The
 * engine throws these; each language's catalogue tells them.
 */
export type SpecProblem =
  | { code: 'proto'; got: string }
  | { code: 'pmtudisc'; got: string }
  | { code: 'range'; field: 'port' | 'count' | 'intervalMs' | 'ttl' | 'size'; lo: number; hi: number; got: number }
  | { code: 'from-missing' }
  | { code: 'to-missing' }
  | { code: 'from-unknown'; name: string }
  | { code: 'to-no-address'; name: string }
  | { code: 'to-unknown'; name: string }
  | { code: 'to-zero'; name: string }
  | { code: 'to-multicast'; name: string }
  /** Not the user's fault: the simulator itself failed (a bug). The internal message is never shown. */
  | { code: 'internal' };

/** One language's texts for every SpecProblem. */
export type SpecErrorCatalog = { [C in SpecProblem['code']]: (p: Extract<SpecProblem, { code: C }>) => string };

/** The problem told in every language. */
/** Request errors are told in both languages at once (a bad form value, a link's), so both load with every page. */
const SPEC_ERRORS: Record<Lang, SpecErrorCatalog> = { en: specErrorsEn, ru: specErrorsRu };

export function specProblemTexts(p: SpecProblem): Texts {
  const out = {} as Texts;
  for (const lang of LANGS) out[lang] = (SPEC_ERRORS[lang][p.code] as (x: SpecProblem) => string)(p);
  return out;
}

/** A JourneyError for `p`, carrying its texts in every language (thrown by runJourney). */
export function specError(p: SpecProblem): JourneyError {
  return new JourneyError(specProblemTexts(p));
}
