// Drives two embedded players through the postMessage API (docs/embed-api.md) and shows the
// events each one sends. An event is matched to its frame by the window it came from.
const frames = { a: document.getElementById('frame-a'), b: document.getElementById('frame-b') };
const origin = window.location.origin;

function send(id, type, fields) {
  frames[id].contentWindow.postMessage({ source: 'packet-journey', version: 1, type, ...fields }, origin);
}

for (const section of document.querySelectorAll('section[data-frame]')) {
  const id = section.dataset.frame;
  for (const button of section.querySelectorAll('button[data-cmd]')) button.addEventListener('click', () => send(id, button.dataset.cmd));
}

window.addEventListener('message', (e) => {
  const d = e.data;
  if (e.origin !== origin || !d || d.source !== 'packet-journey') return;
  const id = Object.keys(frames).find((k) => frames[k].contentWindow === e.source);
  if (!id) return;
  const status = document.querySelector(`[data-testid="status-${id}"]`);
  const step = d.type === 'ready' ? d.step : d;
  if ((d.type === 'step' || d.type === 'ready') && step) status.textContent = `${d.type}: step ${step.index + 1} of ${step.total} · chapter ${step.chapter}: ${step.title}`;
  else if (d.type === 'finished') status.textContent += ' · finished';
  else if (d.type === 'error') status.textContent = `error (${d.code}): ${d.message}`;
});
