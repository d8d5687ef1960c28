import { useAppStore } from '../store/StoreContext';
import type { Lang } from '../store/types';
import { useStrings } from './i18n/useStrings';

/** Each language names itself, after its visible code, so voice control's "click RU" finds it. */
const LANGS: { id: Lang; label: string; name: string }[] = [
  { id: 'en', label: 'EN', name: 'EN — English' },
  { id: 'ru', label: 'RU', name: 'RU — Русский' },
];

/** Panels, language and theme switches. */
export function ViewSwitches() {
  const t = useStrings();
  const lang = useAppStore((s) => s.lang);
  const theme = useAppStore((s) => s.theme);
  const setLang = useAppStore((s) => s.setLang);
  const setTheme = useAppStore((s) => s.setTheme);
  const panels = useAppStore((s) => s.panels);
  const setPanels = useAppStore((s) => s.setPanels);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <div className="switches">
      <button type="button" className="panels-btn" aria-pressed={panels} onClick={() => setPanels(!panels)} title={t.view.panelsHelp} data-testid="panels">
        {t.view.panels}
      </button>
      <div className="seg-buttons" role="group" aria-label={t.view.language}>
        {LANGS.map((l) => (
          <button key={l.id} type="button" lang={l.id} aria-pressed={lang === l.id} onClick={() => setLang(l.id)} title={l.name} aria-label={l.name} data-testid={`lang-${l.id}`}>
            {l.label}
          </button>
        ))}
      </div>
      <button type="button" className="theme-btn" onClick={() => setTheme(next)} aria-label={t.view[next]} title={t.view[next]} data-testid="theme">
        <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
      </button>
    </div>
  );
}
