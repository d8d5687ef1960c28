// Drives two <packet-journey> elements by their methods and shows their pj-step events.
for (const button of document.querySelectorAll('button[data-cmd]')) {
  button.addEventListener('click', () => document.getElementById(button.dataset.for)[button.dataset.cmd]());
}
for (const el of document.querySelectorAll('packet-journey')) {
  const status = document.querySelector(`[data-testid="status-${el.id}"]`);
  el.addEventListener('pj-step', (e) => {
    status.textContent = `step ${e.detail.index + 1} of ${e.detail.total} · event ${e.detail.event}`;
  });
}
