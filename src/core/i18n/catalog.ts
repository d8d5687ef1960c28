import type { NarratorCatalog } from '../narrate/catalog';
import type { CliCatalog } from './cli';
import type { ProblemCatalog, ProblemListCatalog } from './problems';
import type { SpecErrorCatalog } from './specErrors';

/**
 * One language's catalogue: every text the core can produce (the narrator, journey request errors,
 * topology problems, the trace command's messages). TypeScript checks that a language has them all.
 */
export interface LanguageCatalog {
  narrator: NarratorCatalog;
  specErrors: SpecErrorCatalog;
  problems: ProblemCatalog;
  problemList: ProblemListCatalog;
  cli: CliCatalog;
}
