import { encodeLabLink } from '../../core/model/labLink';
import { PICTURE_KEYWORD, svgMetadata } from '../../core/export/picture';
import { withPngText } from '../../core/export/png';
import { linkParams, type LinkState } from '../../store/link';
import { captionBand, type PictureCaption } from './pictureCaption';

/*
 * The drawing of a step as a file that stands alone: the canvas's SVG cloned with every style it
 * computes inlined (the page's stylesheet and CSS variables do not travel with a file), generic font
 * families, the camera as it stands, and the lab in `<metadata>` (see core/export/picture.ts).
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Properties a drawing's look depends on, with the value that needs no writing (the initial one). */
const PAINT: readonly (readonly [string, string | null])[] = [
  ['fill', null],
  ['fill-opacity', '1'],
  ['stroke', 'none'],
  ['stroke-width', null],
  ['stroke-opacity', '1'],
  ['stroke-dasharray', 'none'],
  ['stroke-linecap', 'butt'],
  ['stroke-linejoin', 'miter'],
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['paint-order', 'normal'],
];
/** Written on text only: the rest inherits from the root (font-family is made generic). */
const TEXT: readonly (readonly [string, string | null])[] = [
  ['font-size', null],
  ['font-weight', '400'],
  ['font-style', 'normal'],
  ['text-anchor', 'start'],
  ['dominant-baseline', 'auto'],
  ['letter-spacing', 'normal'],
];

/** A computed font family as one a file can count on anywhere: monospace or sans-serif. */
function genericFont(family: string): string {
  return /mono|courier|consol|menlo/i.test(family) ? 'monospace' : 'sans-serif';
}

/** A computed `transform-origin` ("12px 8px") as numbers. */
function originOf(cs: CSSStyleDeclaration): [number, number] {
  const [ox = 0, oy = 0] = cs.transformOrigin.split(' ').map((v) => parseFloat(v) || 0);
  return [ox, oy];
}

/**
 * Copies `from`'s computed look onto `to` as SVG presentation attributes (`fill="…"`), never as a
 * `style` attribute: the page's Content-Security-Policy (`style-src 'self'`) refuses inline styles,
 * and setting one, even on a detached clone, logs a violation per element (teacher review, item 17).
 * A picture has no stylesheet, so the attributes are what it is drawn with. False when `from` is
 * not drawn at all.
 */
function inlineStyle(from: Element, to: Element): boolean {
  const cs = getComputedStyle(from);
  if (cs.display === 'none') return false;
  const add = (list: readonly (readonly [string, string | null])[]) => {
    for (const [name, initial] of list) {
      const v = cs.getPropertyValue(name);
      if (v && v !== initial) to.setAttribute(name, v);
    }
  };
  add(PAINT);
  // A transform set by the animation (motion writes it into the element's style) becomes the
  // transform attribute, its origin folded in; one that is already an attribute travels with the clone.
  if ((from as SVGElement).style?.transform && cs.transform !== 'none') {
    let [ox, oy] = originOf(cs);
    if (cs.getPropertyValue('transform-box') === 'fill-box' && from instanceof SVGGraphicsElement) {
      const b = from.getBBox();
      ox += b.x;
      oy += b.y;
    }
    to.setAttribute('transform', `translate(${ox} ${oy}) ${cs.transform} translate(${-ox} ${-oy})`);
  }
  if (from.localName === 'text' || from.localName === 'tspan') {
    add(TEXT);
    to.setAttribute('font-family', genericFont(cs.fontFamily));
  }
  for (const a of [...to.attributes]) {
    // Interaction and screen-reader attributes mean nothing in a picture; classes would need the
    // stylesheet; a style attribute is written out above.
    if (a.name === 'tabindex' || a.name === 'role' || a.name === 'class' || a.name === 'style' || a.name.startsWith('aria-') || a.name.startsWith('data-')) to.removeAttribute(a.name);
  }
  return true;
}

/** What a picture says about itself: its title and description (a screen reader's words), its link. */
export interface PictureInfo {
  title: string;
  desc: string;
  /** Link parameters (without `?`) that open this lab, journey and step: see {@link pictureLink}. */
  link: string;
  /** Cut the picture to what is drawn (plus a margin) instead of the canvas as it stands. @default false */
  crop?: boolean;
  /** Written under the drawing, part of the picture: the event, its chapter and its text. @default none */
  caption?: PictureCaption;
}

/** Margin around the drawing of a cropped picture, in CSS pixels. */
const CROP_MARGIN = 12;

/** A drawing serialized: the SVG file's text and its size in CSS pixels. */
export interface SvgPicture {
  text: string;
  width: number;
  height: number;
}

/**
 * The canvas `svg` as a stand-alone SVG file: computed styles inlined, elements not drawn left out,
 * the page's background behind it, `info`'s title, description and link (in `<metadata>`).
 */
export function drawingSvg(svg: SVGSVGElement, info: PictureInfo): SvgPicture {
  const frame = svg.getBoundingClientRect();
  let x = 0;
  let y = 0;
  let width = Math.max(1, Math.round(svg.clientWidth || frame.width));
  let height = Math.max(1, Math.round(svg.clientHeight || frame.height));
  const drawn = info.crop ? svg.querySelector('[data-testid="camera"]')?.getBoundingClientRect() : undefined;
  if (drawn && drawn.width > 0 && drawn.height > 0) {
    x = Math.floor(drawn.left - frame.left - CROP_MARGIN);
    y = Math.floor(drawn.top - frame.top - CROP_MARGIN);
    width = Math.ceil(drawn.width + 2 * CROP_MARGIN);
    height = Math.ceil(drawn.height + 2 * CROP_MARGIN);
  }
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const walk = (from: Element, to: Element) => {
    const kids = [...from.children];
    const copies = [...to.children];
    kids.forEach((k, i) => {
      const c = copies[i];
      if (!c) return;
      if (!inlineStyle(k, c)) c.remove();
      else walk(k, c);
    });
  };
  walk(svg, clone);
  for (const a of [...clone.attributes]) clone.removeAttribute(a.name);
  const doc = svg.ownerDocument;
  const page = svg.closest('.pj-app') ?? svg.parentElement;
  const drawingH = height;
  if (info.caption) {
    const band = captionBand(doc, x, y + drawingH, width, info.caption, page ? getComputedStyle(page).color : '#1b1f24');
    clone.append(band.el);
    height += band.h;
  }
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  clone.setAttribute('font-family', 'sans-serif');
  clone.setAttribute('role', 'img');
  const el = (name: string, text?: string) => {
    const e = doc.createElementNS(SVG_NS, name);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  // The canvas shows the page's background through the svg: the file paints its own.
  const bg = el('rect');
  bg.setAttribute('x', String(x));
  bg.setAttribute('y', String(y));
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', page ? getComputedStyle(page).backgroundColor : '#ffffff');
  clone.prepend(el('title', info.title), el('desc', info.desc), bg);
  const body = new XMLSerializer().serializeToString(clone);
  // The metadata is written as text: its namespace prefix must reach the file exactly as core reads it.
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace(/<title>/, `${svgMetadata(info.link)}<title>`)}`;
  return { text, width, height };
}

/**
 * The link parameters of this lab, journey and step with the whole lab always in `lab=` (a picture
 * must open the same lab even once the shipped scenarios change), or null before any journey ran.
 */
export function pictureLink(s: LinkState): string | null {
  const q = linkParams(s, null);
  if (q === null) return null;
  const rest = new URLSearchParams(q);
  for (const k of ['lab', 'preset', 'nodes', 'pods']) rest.delete(k);
  return `lab=${encodeLabLink(s.topology)}&${rest.toString()}`;
}

/** UTF-8 bytes of text (the SVG file, a page). */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * The picture as PNG, `scale` device pixels per CSS pixel, the link in an `iTXt` chunk. Drawn by the
 * browser from the SVG (a `data:` image, which the page's CSP allows; `blob:` it does not).
 * Rejects when the browser cannot draw or encode it.
 */
export async function drawingPng(pic: SvgPicture, link: string, scale = 2): Promise<Uint8Array> {
  const img = new Image();
  img.width = pic.width;
  img.height = pic.height;
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(pic.text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(pic.width * scale);
  canvas.height = Math.round(pic.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  if (!blob) throw new Error('the browser did not encode the PNG');
  return withPngText(new Uint8Array(await blob.arrayBuffer()), PICTURE_KEYWORD, link);
}
