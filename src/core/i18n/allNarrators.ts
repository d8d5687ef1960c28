import { narratorEn } from './en/narrator';
import { registerNarrator } from './narrators';
import { narratorRu } from './ru/narrator';

/*
 * Every language's narrator, registered on import: for Node programs (the trace command, the
 * benchmarks) and the tests, which tell journeys in both languages without waiting. The player's
 * pages load one language at a time instead (narrators.ts).
 */
registerNarrator('en', narratorEn);
registerNarrator('ru', narratorRu);
