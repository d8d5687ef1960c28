import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { parseUrlParams } from './app/urlParams';
import './app/app.css';

const el = document.getElementById('root');
if (!el) throw new Error('index.html has no #root element');
createRoot(el).render(
  <StrictMode>
    <App globalKeys syncUrl {...parseUrlParams(window.location.search)} />
  </StrictMode>,
);
