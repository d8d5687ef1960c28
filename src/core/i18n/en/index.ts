import type { LanguageCatalog } from '../catalog';
import { cliEn } from './cli';
import { narratorEn } from './narrator';
import { problemListEn, problemsEn } from './problems';
import { specErrorsEn } from './specErrors';

/** Everything the core says in this language: one object, checked against LanguageCatalog. */
export const catalogEn: LanguageCatalog = {
  narrator: narratorEn,
  specErrors: specErrorsEn,
  problems: problemsEn,
  problemList: problemListEn,
  cli: cliEn,
};
