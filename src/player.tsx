import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedApp } from './app/Embed';
import { parseEmbedParams } from './app/embedParams';
import { loadNarrator } from './core';
import { SCENARIOS } from './core/presets/scenarios';
import { registerScenarios } from './store/presets';
import { decodeLabLink } from './core/model/labLinkRead';
import { registerLabReader } from './store/labReader';
import './app/app.css';

// player.html: the offline page (one self-contained file, built by vite.offline.ts). The app's
// "Save an offline page" writes the lab, journey and event into it as a JSON string in
// <script type="application/json" id="pj-lab"> (link parameters, as `?lab=…&from=…`); without one,
// the page's own address is read. The embed's player with full controls, keys its own.
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
registerLabReader(decodeLabLink);
const q = new URLSearchParams(writtenLink() ?? window.location.search);
q.set('controls', 'full');
// No deck around the page: the arrow keys are the player's.
q.set('keys', 'none');
const { embed, link } = parseEmbedParams(`?${q.toString()}`);
const root = el;
// The narrator speaks one language at a time (core/i18n/narrators.ts): the page's own first (inlined
// in this file like every chunk, so it loads from disk too).
void loadNarrator(link.lang ?? 'en').then(() =>
  createRoot(root).render(
    <StrictMode>
      <EmbedApp link={link} embed={embed} peer={null} />
    </StrictMode>,
  ),
);
