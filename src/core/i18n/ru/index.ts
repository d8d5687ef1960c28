import type { LanguageCatalog } from '../catalog';
import { cliRu } from './cli';
import { narratorRu } from './narrator';
import { problemListRu, problemsRu } from './problems';
import { specErrorsRu } from './specErrors';

/** Everything the core says in this language: one object, checked against LanguageCatalog. */
export const catalogRu: LanguageCatalog = {
  narrator: narratorRu,
  specErrors: specErrorsRu,
  problems: problemsRu,
  problemList: problemListRu,
  cli: cliRu,
};
