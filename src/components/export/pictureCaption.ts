/*
 * The caption under an exported picture (teacher review, item 16): which event of how many, its
 * chapter, and the event's short text, in the page's language, drawn as SVG text so it is part of
 * the picture (and of the PNG drawn from it). SVG text does not wrap: the lines are cut here, by the
 * widths the browser measures for the font the file names.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What a picture's caption says: a heading line (event and chapter) and the event's text. */
export interface PictureCaption {
  head: string;
  text: string;
}

/** Sizes of the caption, in CSS pixels. */
const HEAD_PX = 14;
const TEXT_PX = 16;
const LINE = 1.35;
const PAD = 12;

/** Width of `text` in `px` of the generic sans-serif font, measured by a canvas; estimated without one (jsdom). */
function measurer(): (text: string, px: number, bold: boolean) => number {
  const ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  return (text, px, bold) => {
    if (!ctx) return text.length * px * 0.56;
    ctx.font = `${bold ? '700 ' : ''}${px}px sans-serif`;
    return ctx.measureText(text).width;
  };
}

/**
 * `text` cut into lines no wider than `width` px, at word boundaries (a word longer than a line
 * stands alone on its line). Pure given `measure`.
 */
export function wrapLines(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The caption band as an SVG group, its top-left corner at (`x`, `y`), `width` wide: a rule, the
 * heading in bold, then the text; `ink` is the text's colour. Returns the group and its height.
 */
export function captionBand(doc: Document, x: number, y: number, width: number, caption: PictureCaption, ink: string): { el: SVGGElement; h: number } {
  const measure = measurer();
  const inner = Math.max(40, width - 2 * PAD);
  const head = wrapLines(caption.head, inner, (s) => measure(s, HEAD_PX, true));
  const text = wrapLines(caption.text, inner, (s) => measure(s, TEXT_PX, false));
  const g = doc.createElementNS(SVG_NS, 'g');
  const rule = doc.createElementNS(SVG_NS, 'line');
  for (const [k, v] of [['x1', x + PAD], ['x2', x + width - PAD], ['y1', y + 0.5], ['y2', y + 0.5]] as const) rule.setAttribute(k, String(v));
  rule.setAttribute('stroke', ink);
  rule.setAttribute('stroke-opacity', '0.35');
  g.append(rule);
  let at = y + PAD;
  const put = (lines: string[], px: number, bold: boolean) => {
    for (const l of lines) {
      at += px;
      const t = doc.createElementNS(SVG_NS, 'text');
      t.setAttribute('x', String(x + PAD));
      t.setAttribute('y', String(Math.round(at)));
      t.setAttribute('font-size', String(px));
      t.setAttribute('fill', ink);
      if (bold) t.setAttribute('font-weight', '700');
      t.textContent = l;
      g.append(t);
      at += px * (LINE - 1);
    }
  };
  put(head, HEAD_PX, true);
  at += 4;
  put(text, TEXT_PX, false);
  return { el: g, h: Math.ceil(at - y + PAD) };
}
