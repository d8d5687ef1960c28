import { useId, useMemo } from 'react';
import type { Scenario } from '../../core';
import { SCENARIOS } from '../../core/presets/scenarios';
import { useAppStore } from '../../store/StoreContext';
import { groupScenarios } from '../form/scenarioGroups';
import { useStrings } from '../i18n/useStrings';
import { useLibraryStrings } from '../i18n/libraryStrings';

/** Props of {@link PresetList}. */
export interface PresetListProps {
  /** Open a preset as it is (read-only: an edit keeps a copy in My labs). `scenario` null: the seed lab. */
  open: (scenario: Scenario | null) => void;
  /** Keep a copy of a preset in My labs and open it, to edit. */
  copy: (scenario: Scenario | null) => void;
}

/** One preset: its title and two buttons naming it. */
function PresetRow({ title, help, onOpen, onCopy }: { title: string; help?: string; onOpen: () => void; onCopy: () => void }) {
  const t = useLibraryStrings();
  return (
    <li className="lab-row preset-row" data-testid="preset-row">
      <div className="lab-row-head">
        <span className="lab-name">{title}</span>
        {help && <span className="lab-date">{help}</span>}
      </div>
      <div className="lab-actions">
        <button type="button" onClick={onOpen} aria-label={t.openLab(title)} data-testid="preset-open">
          {t.open}
        </button>
        <button type="button" onClick={onCopy} aria-label={t.copyLab(title)} data-testid="preset-copy">
          {t.copyToMine}
        </button>
      </div>
    </li>
  );
}

/**
 * The presets beside My labs, read-only: the seed lab, then every kernel-verified scenario grouped
 * as the scenario picker groups them (each group folded but the seed's). Open plays one as it is;
 * "Copy to My labs" keeps a copy to edit.
 */
export function PresetList({ open, copy }: PresetListProps) {
  const t = useStrings();
  const lib = useLibraryStrings();
  const lang = useAppStore((s) => s.lang);
  const groups = useMemo(() => groupScenarios(SCENARIOS), []);
  const helpId = useId();
  const seed = t.library.seedLab;
  return (
    <>
      <p id={helpId} className="labs-help">
        {lib.presetsHelp}
      </p>
      <ul className="lab-list" aria-describedby={helpId}>
        <PresetRow title={seed} help={lib.seedLabHelp} onOpen={() => open(null)} onCopy={() => copy(null)} />
      </ul>
      {groups.map((g) => (
        <details key={g.key} className="preset-group" open={g.key === 'seed'}>
          <summary>
            {t.form.groups[g.key]} <span className="muted">({g.scenarios.length})</span>
          </summary>
          <ul className="lab-list">
            {g.scenarios.map((s) => (
              <PresetRow key={s.id} title={s.title[lang]} onOpen={() => open(s)} onCopy={() => copy(s)} />
            ))}
          </ul>
        </details>
      ))}
    </>
  );
}
