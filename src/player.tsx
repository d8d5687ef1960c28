import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initialLang } from './app/preferences';
import { parseUrlParams } from './app/urlParams';
import { addLanguagePart, loadLanguage, loadPacksFor } from './core';
import './components/i18n/langStrings';
import { PANEL_STRINGS_PART } from './components/i18n/panelLangStrings';
import { SCENARIOS } from './core/presets/scenarios';
import { registerScenarios } from './store/presets';
import { decodeLabLink, labLinkText } from './core/model/labLinkRead';
import { registerLabReader } from './store/labReader';
import './app/player.css';
import './app/app.css';

// player.html: the offline page (one self-contained file, built by vite.offline.ts). The app's
// "Offline page (HTML)" writes the lab, journey and event into it as a JSON string in
// <script type="application/json" id="pj-lab"> (link parameters, as `?lab=…&from=…`); without one,
// the page's own address is read. It is the whole player, as the app's page is (teacher review,
// item 7): the language switch, both levels of explanation, the notes-vs-Linux corrections, the
// tables and the packet's headers; every lazy chunk, both narrators among them, is inlined in this
// one file, so all of it works from disk. It keeps no labs and writes no address: a file has no
// origin of its own to keep them in, and its address stays the file's.
// The whole player shows its panels: their texts are a part of every language (panelLangStrings.ts).
addLanguagePart(PANEL_STRINGS_PART);
const el = document.getElementById('root');
if (!el) throw new Error('player.html has no #root element');

/** The link parameters written into the page, or null (none, or not a JSON string). */
function writtenLink(): string | null {
  const text = document.getElementById('pj-lab')?.textContent;
  if (!text) return null;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

// One file that plays from disk: the catalogue is inlined, read before the link that may name one.
registerScenarios(SCENARIOS);
// …and so is the lab reader: the written link carries the lab.
registerLabReader(decodeLabLink, labLinkText);
const written = writtenLink();
const params = parseUrlParams(written !== null ? `?${written.replace(/^\?/, '')}` : window.location.search);
const root = el;
// The datapath packs the lab needs (core/packs.ts, inlined in this file) come with the language.
void Promise.all([loadLanguage(params.lang ?? initialLang()), params.topology ? loadPacksFor(params.topology).catch(() => undefined) : undefined]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App globalKeys persist={false} {...params} />
    </StrictMode>,
  ),
);
