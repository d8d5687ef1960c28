import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedApp } from './app/Embed';
import type { EmbedPeer } from './app/embedHost';
import { parseEmbedParams } from './app/embedParams';
import './app/app.css';

// embed.html: the player for slides and pages (docs/embed-api.md). Its own entry, so its first load
// holds no journey form, editor or library.
const el = document.getElementById('root');
if (!el) throw new Error('embed.html has no #root element');
const { embed, link } = parseEmbedParams(window.location.search);
const parent = window.parent !== window ? window.parent : null;
const peer: EmbedPeer | null = parent ? { post: (m, origin) => parent.postMessage(m, origin) } : null;
createRoot(el).render(
  <StrictMode>
    <EmbedApp link={link} embed={embed} peer={peer} />
  </StrictMode>,
);
