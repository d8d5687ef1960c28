import { useEffect, useState } from 'react';
import { formatProblem, loadPacks, missingPacks, runJourney, stateAt, type JourneySpec, type Topology } from '../../core';
import type { DatapathChoice, DatapathKey } from '../../core/compare/choices';
import { createAppStore, type AppStore } from '../../store/createAppStore';
import { AppStoreProvider } from '../../store/StoreContext';
import type { Lang, Theme } from '../../store/types';
import { EmbedShell } from '../embed/EmbedShell';
import { COMPARE } from '../i18n/compareStrings';

/** Props of {@link CompareColumn}. */
export interface CompareColumnProps {
  side: 'left' | 'right';
  choices: readonly DatapathChoice[];
  value: DatapathKey;
  current: DatapathKey;
  onChange: (key: DatapathKey) => void;
  spec: JourneySpec;
  lang: Lang;
  theme: Theme;
  /** Hands this side's store up (null while it has none), so the dialog can drive both and read their results. */
  onStore: (store: AppStore | null) => void;
  /** Switch the lab to this side's mode. */
  onUse: () => void;
}

/** A store of its own for one side: the lab in this mode, the same journey, following the packet. */
function sideStore(lab: Topology, spec: JourneySpec, lang: Lang, theme: Theme): AppStore {
  return createAppStore({ engine: { runJourney, stateAt, missingPacks, loadPacks }, topology: lab, spec, lang, theme, follow: true, panels: false });
}

/**
 * One side of the comparison: the mode's picker, then the journey under that mode in a player of
 * its own (its own store: the two sides never share state), or why the lab cannot take the mode.
 */
export function CompareColumn({ side, choices, value, current, onChange, spec, lang, theme, onStore, onUse }: CompareColumnProps) {
  const t = COMPARE[lang];
  const choice = choices.find((c) => c.key === value);
  const lab = choice?.lab ?? null;
  const [store, setStore] = useState<AppStore | null>(null);
  useEffect(() => {
    const s = lab ? sideStore(lab, spec, lang, theme) : null;
    setStore(s);
    onStore(s);
    return () => onStore(null);
    // A new store only when the lab or the journey changes; language and theme follow below.
  }, [lab, spec]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    store?.getState().setLang(lang);
    store?.getState().setTheme(theme);
  }, [store, lang, theme]);
  const id = `compare-${side}`;
  return (
    <section className="compare-column" aria-labelledby={`${id}-label`} data-testid={`compare-${side}`}>
      <div className="compare-pick">
        <label id={`${id}-label`} htmlFor={`${id}-mode`}>
          {t.mode}
        </label>
        <select id={`${id}-mode`} value={value} onChange={(e) => onChange(e.target.value as DatapathKey)} data-testid={`compare-${side}-mode`}>
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {t.modes[c.key]}
              {c.key === current ? ` ${t.current}` : ''}
            </option>
          ))}
        </select>
        {value === current ? (
          <span className="compare-inuse">{t.inUse}</span>
        ) : (
          <button type="button" onClick={onUse} disabled={!lab} title={t.useHelp} data-testid={`compare-${side}-use`}>
            {t.use}
          </button>
        )}
      </div>
      {choice?.refusal ? (
        <p className="compare-refused" role="note" data-testid={`compare-${side}-refused`}>
          {t.refused} {choice.refusal.map((p) => formatProblem(p, lang)).join('; ')}
        </p>
      ) : store ? (
        <div className="compare-player">
          <AppStoreProvider store={store}>
            <EmbedShell controls="minimal" caption still={false} globalKeys={false} />
          </AppStoreProvider>
        </div>
      ) : null}
    </section>
  );
}
