import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { hasAutosave, opensLastLab, RESTORE_WAIT_MS, type StartedLab } from './app/lastLab';
import { parseUrlParams } from './app/urlParams';
import './app/app.css';

const el = document.getElementById('root');
if (!el) throw new Error('index.html has no #root element');
const root = el;
const search = window.location.search;
const params = parseUrlParams(search);

function render(start?: StartedLab): void {
  const opened = start?.topology ? { topology: start.topology } : {};
  createRoot(root).render(
    <StrictMode>
      <App globalKeys syncUrl {...params} {...opened} labs={start ? { start } : {}} />
    </StrictMode>,
  );
}

// A link opens what it says; the bare address opens the lab last worked on (see app/lastLab.ts),
// read before the first paint so the seed lab never flashes first. Storage that does not answer
// in time opens the seed lab rather than nothing.
if (opensLastLab(search) && hasAutosave()) {
  const waited = new Promise<StartedLab>((resolve) => setTimeout(() => resolve({ troubles: [] }), RESTORE_WAIT_MS));
  const restored = import('./app/keeping').then((m) => m.restoreLab());
  Promise.race([restored, waited]).then(render, () => render());
} else {
  render();
}
