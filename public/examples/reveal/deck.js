// A reveal.js deck driving an embedded Packet Journey (docs/embed-api.md): every fragment of the
// journey slide is one hop. Keys the player hands back (PageUp/PageDown, arrows) turn the deck;
// printed to PDF (?print-pdf), the player shows a still picture of its step.
/* global Reveal */
const API = { source: 'packet-journey', version: 1 };
const origin = window.location.origin;
const frame = document.querySelector('iframe[data-journey]');

if (/print-pdf/.test(window.location.search)) frame.src += '&still=1';

function send(type, fields) {
  frame.contentWindow.postMessage({ ...API, type, ...fields }, origin);
}

/** The fragments shown on the journey slide: the step the player should be at. */
function shownHops() {
  return document.querySelectorAll('section[data-journey-slide] .fragment.hop.visible').length;
}

Reveal.initialize({ hash: true, width: 1280, height: 760, transition: 'none' });

Reveal.on('fragmentshown', (e) => {
  if (e.fragment.hasAttribute('data-hop')) send('next');
});
Reveal.on('fragmenthidden', (e) => {
  if (e.fragment.hasAttribute('data-hop')) send('prev');
});
// Arriving on the slide (from either side, or by a link) puts the player on the step the fragments say.
Reveal.on('slidechanged', (e) => {
  if (e.currentSlide.hasAttribute('data-journey-slide')) send('goto', { index: shownHops() });
});

// Key events stay inside a focused iframe: the player posts the deck's keys instead.
const KEYS = { PageDown: 'next', ArrowRight: 'next', ArrowDown: 'next', ' ': 'next', PageUp: 'prev', ArrowLeft: 'prev', ArrowUp: 'prev' };
window.addEventListener('message', (e) => {
  const d = e.data;
  if (e.origin !== origin || e.source !== frame.contentWindow || !d || d.source !== 'packet-journey') return;
  if (d.type === 'key' && KEYS[d.key]) Reveal[KEYS[d.key]]();
  if (d.type === 'ready' && Reveal.getCurrentSlide()?.hasAttribute('data-journey-slide')) send('goto', { index: shownHops() });
  if (d.type === 'step') document.body.dataset.journeyStep = String(d.index);
});
