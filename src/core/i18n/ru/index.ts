import type { LanguageCatalog } from '../catalog';
import { problemListRu, problemsRu } from './problems';
import { specErrorsRu } from './specErrors';

/** What the core says in this language besides the narrator (narrators.ts loads that per language). */
export const catalogRu: LanguageCatalog = {
  specErrors: specErrorsRu,
  problems: problemsRu,
  problemList: problemListRu,
};
