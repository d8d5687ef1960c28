import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedApp } from './app/Embed';
import { loadFullControlsFor } from './components/embed/FullControlsSlot';
import type { EmbedPeer } from './app/embedHost';
import { parseEmbedParams } from './app/embedParams';
import { loadLanguage, loadPacksFor } from './core';
import './components/i18n/langStrings';
import { loadLabReaderFor } from './store/labReader';
import { loadScenariosFor } from './store/presets';
// The player's stylesheet only: an embed draws none of the app's chrome (app.css).
import './app/player.css';

// embed.html: the player for slides and pages (docs/embed-api.md). Its own entry, so its first load
// holds no journey form, editor or library.
const el = document.getElementById('root');
if (!el) throw new Error('embed.html has no #root element');
const parent = window.parent !== window ? window.parent : null;
const peer: EmbedPeer | null = parent ? { post: (m, origin) => parent.postMessage(m, origin) } : null;
const root = el;
const search = window.location.search;
// The scenarios' catalogue only when the address names one (store/presets.ts), read before the address.
// A catalogue that fails to load leaves the scenario unknown, said as for a wrong name, not a blank frame.
// A lab in the address (?lab=) is read through the lab file's schema, loaded for it alone (store/labReader.ts);
// the full controls (?controls=full) load beside them, so the footer is drawn with the first frame.
void Promise.all([loadScenariosFor(search).catch(() => undefined), loadLabReaderFor(search), loadFullControlsFor(search).catch(() => undefined)])
  .then(() => {
    const { embed, link } = parseEmbedParams(search);
    // The narrator and the interface's texts come one language at a time (core/i18n/languages.ts): the embed's own first;
    // the datapath packs its lab needs (core/packs.ts) beside them. A pack that fails to load is said by the store's gate.
    return Promise.all([loadLanguage(link.lang ?? 'en'), link.topology ? loadPacksFor(link.topology).catch(() => undefined) : undefined]).then(() =>
      createRoot(root).render(
        <StrictMode>
          <EmbedApp link={link} embed={embed} peer={peer} />
        </StrictMode>,
      ),
    );
  });
