import { JourneyError } from '../errors';
import { problemsText, type Problem } from '../i18n/problems';
// A refusal is told in both languages: the problems' sentences load with it (i18n/catalogs.ts).
import '../i18n/catalogs';

/**
 * An edit the topology refuses, with its problems (path, code) and their sentences in both
 * languages. The sentences leave the paths out: the user made the edit on the drawing or in the
 * inspector, not in the file, and `problems` keeps them for whoever points at the field.
 */
export class TopologyEditError extends JourneyError {
  readonly problems: readonly Problem[];

  constructor(problems: Problem[]) {
    const bare = problems.map((p) => ({ ...p, path: '' }));
    super({ en: problemsText(bare, 'en'), ru: problemsText(bare, 'ru') });
    this.name = 'TopologyEditError';
    this.problems = problems;
  }
}
