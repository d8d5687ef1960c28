import { formatProblem, type Problem } from '../../core';
import type { Lang } from '../../store/types';
import { useLibraryStrings } from '../i18n/libraryStrings';

/** Most problems listed: a file with hundreds of mistakes names the first ones and counts the rest. */
export const SHOWN_PROBLEMS = 5;

/** Why a lab does not read, one problem a line (the field, then what is wrong), in the app's language. */
export function ProblemList({ problems, lang }: { problems: readonly Problem[]; lang: Lang }) {
  const t = useLibraryStrings();
  if (problems.length === 0) return null;
  const rest = problems.length - SHOWN_PROBLEMS;
  return (
    <ul className="problem-list">
      {problems.slice(0, SHOWN_PROBLEMS).map((p, k) => (
        <li key={k}>{formatProblem(p, lang)}</li>
      ))}
      {rest > 0 && <li>{t.more(rest)}</li>}
    </ul>
  );
}
