import { useLayoutEffect, useRef, useState } from 'react';
import { onScreen, overlapArea, placeNote, type View } from '../../geometry/camera';
import type { Box, Point } from '../../geometry/layoutTypes';
import { usePlayerStrings } from '../i18n/usePlayerStrings';

/** Props of {@link StartHint}. */
export interface StartHintProps {
  view: View;
  /** The canvas's size in pixels. */
  canvas: { w: number; h: number };
  /** Box of the journey's source (drawing units): the hint never covers it. */
  source: Box | null;
  /** Machine boxes (drawing units): the hint covers as little of them as it can. */
  machines: Box[];
  /** Height of the strip over the drawing (px): a hint moved out of it goes below. */
  top: number;
}

/**
 * How the hint is shown: in the canvas's top strip (with or without its line of keys, the whole
 * sentence or its short form), elsewhere, or not at all.
 */
type Fit = { where: 'strip'; keys: boolean; short: boolean } | { where: 'at'; at: Point } | { where: 'none' };

const FIRST: Fit = { where: 'strip', keys: true, short: false };

/**
 * "Press Play…", before the journey starts. It lies over the legend's place in the top strip (the
 * legend keeps the strip's height, hidden, so the drawing does not move when play starts), which the
 * drawing is fitted under; its line of keys shows only when it fits there without covering a
 * machine (otherwise it stays for screen readers). A sentence that wraps over the drawing gives way
 * to its short form ("Press Play or →"; the whole one stays for screen readers), so the hint never
 * covers the top of the machines (teacher review, item 14). Should it still reach a machine or the
 * journey's start (a tiny canvas), it moves to wherever keeps the start clear, or is not shown.
 */
export function StartHint({ view, canvas, source, machines, top }: StartHintProps) {
  const t = usePlayerStrings();
  const ref = useRef<HTMLParagraphElement>(null);
  // Try again from the most generous form whenever the canvas, the view or the language changes.
  const key = `${canvas.w}x${canvas.h}|${view.x.toFixed(0)},${view.y.toFixed(0)},${view.k.toFixed(3)}|${t.hint}`;
  const [state, setState] = useState<{ key: string; fit: Fit }>({ key, fit: FIRST });
  const fit = state.key === key ? state.fit : FIRST;
  useLayoutEffect(() => {
    const el = ref.current;
    const area = el?.closest('.canvas');
    if (!el || !area || fit.where !== 'strip') return;
    const ar = area.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const box = { x: r.left - ar.left, y: r.top - ar.top, w: r.width, h: r.height };
    const src = source && onScreen(source, view);
    const hitsStart = src !== null && overlapArea(box, { x: src.x - 6, y: src.y - 6, w: src.w + 12, h: src.h + 12 }) > 0;
    const hitsLab = machines.some((m) => overlapArea(box, onScreen(m, view)) > 0);
    // Wrapped, it reaches down over the drawing fitted under the strip (one line is a few pixels taller than the legend it covers, and that is all).
    const strip = el.parentElement?.getBoundingClientRect();
    const spills = strip !== undefined && r.bottom > strip.bottom + 8;
    let next: Fit | null = null;
    if (fit.keys && (hitsStart || hitsLab)) next = { where: 'strip', keys: false, short: false };
    else if (!fit.short && (hitsStart || hitsLab || spills)) next = { where: 'strip', keys: false, short: true };
    else if (hitsStart) {
      const at = placeNote({ w: box.w, h: box.h }, canvas, src, machines.map((m) => onScreen(m, view)), top);
      // Positioned inside the strip, which sits `strip` pixels into the canvas.
      next = at ? { where: 'at', at: { x: at.x - (strip ? strip.left - ar.left : 0), y: at.y - (strip ? strip.top - ar.top : 0) } } : { where: 'none' };
    }
    if (next) setState({ key, fit: next });
  }, [key, fit, canvas, source, machines, view, top]);
  const floating = fit.where === 'at' ? { position: 'absolute' as const, left: fit.at.x, top: fit.at.y } : {};
  return (
    <p ref={ref} className={`hint${fit.where === 'at' ? ' is-floating' : ''}`} data-testid="hint" style={{ ...floating, ...(fit.where === 'none' ? { visibility: 'hidden' as const } : {}) }}>
      {fit.where === 'strip' && fit.short ? (
        <>
          <span aria-hidden="true">{t.hintShort}</span>
          <span className="sr-only">{t.hint}</span>
        </>
      ) : (
        t.hint
      )}
      <span className={`hint-keys${fit.where === 'strip' && fit.keys ? '' : ' sr-only'}`} data-testid="hint-keys">
        {t.controls.keys}
      </span>
    </p>
  );
}
