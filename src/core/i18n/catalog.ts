import type { ProblemCatalog, ProblemListCatalog } from './problems';
import type { SpecErrorCatalog } from './specErrors';

/**
 * One language's catalogue: the texts the core produces besides the narrator's (journey request
 * errors, topology problems), loaded for every language at once since bad-input errors are built
 * in both (the problems' sentences only with what raises a problem: `catalogs.ts`). The narrator is loaded per language (`narrators.ts`); the trace command's messages are
 * the command's own (`cli.ts`), so the browser's pages never carry them.
 * TypeScript checks that a language has them all.
 */
export interface LanguageCatalog {
  specErrors: SpecErrorCatalog;
  problems: ProblemCatalog;
  problemList: ProblemListCatalog;
}
