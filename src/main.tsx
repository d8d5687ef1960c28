import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { hasAutosave, opensLastLab, RESTORE_WAIT_MS, type StartedLab } from './app/lastLab';
import { parseUrlParams } from './app/urlParams';
import { initialLang } from './app/preferences';
import { addLanguagePart, loadLanguage, loadPacksFor } from './core';
import './components/i18n/langStrings';
import { PANEL_STRINGS_PART } from './components/i18n/panelLangStrings';
import { loadLabReaderFor } from './store/labReader';
import { loadScenariosFor } from './store/presets';
import './app/player.css';
import './app/app.css';

// The app's page shows its panels, form and log: their texts are a part of every language here
// (the embed and the element never load them, components/i18n/panelLangStrings.ts).
addLanguagePart(PANEL_STRINGS_PART);
const el = document.getElementById('root');
if (!el) throw new Error('index.html has no #root element');
const root = el;
const search = window.location.search;

function render(start?: StartedLab): void {
  // The scenarios' catalogue is here when the address names one (read below, before the address).
  const params = parseUrlParams(search);
  const opened = start?.topology ? { topology: start.topology } : {};
  // The datapath packs of the first lab (core/packs.ts) before the first paint; one that fails to load is said by the store's gate.
  const first = start?.topology ?? params.topology;
  if (first) void loadPacksFor(first).then(() => paint(params, opened, start), () => paint(params, opened, start));
  else paint(params, opened, start);
}

function paint(params: ReturnType<typeof parseUrlParams>, opened: { topology?: NonNullable<StartedLab['topology']> }, start?: StartedLab): void {
  createRoot(root).render(
    <StrictMode>
      <App globalKeys syncUrl {...params} {...opened} labs={start ? { start } : {}} />
    </StrictMode>,
  );
}

// The Scenario list shows the scenarios' index (core/presets/scenarioIndex.ts); their labs load when
// one is chosen, or here before the first paint when the address names one (?preset=). A catalogue
// that fails to load leaves the scenario unknown, said as for a wrong name. A lab in the address
// (?lab=) is read through the lab file's schema, loaded for it alone (store/labReader.ts).
const catalogue = Promise.all([loadScenariosFor(search).catch(() => undefined), loadLabReaderFor(search)]);
// A link opens what it says; the bare address opens the lab last worked on (see app/lastLab.ts),
// read before the first paint so the seed lab never flashes first. Storage that does not answer
// in time opens the seed lab rather than nothing.
// The narrator and the interface's texts come one language at a time (core/i18n/languages.ts): the page's own first.
const asked = new URLSearchParams(search).get('lang');
const narrator = Promise.all([loadLanguage(asked === 'en' || asked === 'ru' ? asked : initialLang()), catalogue]);
if (opensLastLab(search) && hasAutosave()) {
  const waited = new Promise<StartedLab>((resolve) => setTimeout(() => resolve({ troubles: [] }), RESTORE_WAIT_MS));
  const restored = import('./app/keeping').then((m) => m.restoreLab());
  Promise.all([Promise.race([restored, waited]), narrator]).then(([start]) => render(start), () => render());
} else {
  narrator.then(() => render(), () => render());
}
