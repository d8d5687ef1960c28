import type { LanguageCatalog } from '../catalog';
import { problemListEn, problemsEn } from './problems';
import { specErrorsEn } from './specErrors';

/** What the core says in this language besides the narrator (narrators.ts loads that per language). */
export const catalogEn: LanguageCatalog = {
  specErrors: specErrorsEn,
  problems: problemsEn,
  problemList: problemListEn,
};
