// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pictureFileName, readPictureLink, readSvgLink, svgMetadata, PICTURE_KEYWORD, PICTURE_XMLNS } from './picture';
import { withPngText } from './png';
import { encodeLabLink } from '../model/labLink';
import { seedTopology } from '../presets/seed';
import { utf8Bytes } from '../net/utf8';

const KNOWN_PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
const bytes = (s: string) => Uint8Array.from(utf8Bytes(s));
const link = `lab=${encodeLabLink(seedTopology())}&from=pod1&to=pod3&proto=icmp&count=1&warm=0&lang=ru&theme=light&step=7`;

describe('picture metadata', () => {
  it('round-trips a whole lab link through an SVG that an XML parser accepts', () => {
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${svgMetadata(link)}<text x="1" y="5">pod1 → pod3 &amp; back</text></svg>`;
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const el = doc.getElementsByTagNameNS(PICTURE_XMLNS, 'link')[0];
    expect(el?.textContent).toBe(link);
    expect(readSvgLink(svg)).toBe(link);
    expect(readPictureLink(bytes(svg))).toEqual({ ok: true, link });
  });

  it('reads the metadata after an editor renamed its prefix', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><metadata><ns0:link xmlns:ns0="${PICTURE_XMLNS}" version="1">a=1&amp;b=2</ns0:link></metadata></svg>`;
    expect(readSvgLink(svg)).toBe('a=1&b=2');
  });

  it('round-trips the link through a PNG', () => {
    expect(readPictureLink(withPngText(KNOWN_PNG, PICTURE_KEYWORD, link))).toEqual({ ok: true, link });
  });

  it('tells a picture without our data from a file that is no picture', () => {
    expect(readPictureLink(KNOWN_PNG)).toEqual({ ok: false, reason: 'no-lab' });
    expect(readPictureLink(bytes('<svg xmlns="http://www.w3.org/2000/svg"><metadata><link>x</link></metadata></svg>'))).toEqual({ ok: false, reason: 'no-lab' });
    expect(readPictureLink(bytes('{"version":1}'))).toEqual({ ok: false, reason: 'not-picture' });
    expect(readPictureLink(KNOWN_PNG.subarray(0, 30))).toEqual({ ok: false, reason: 'not-picture' });
    expect(readPictureLink(new Uint8Array(0))).toEqual({ ok: false, reason: 'not-picture' });
  });

  it('names files after the journey and the step', () => {
    expect(pictureFileName('pod1', 'pod3', 12, 'svg')).toBe('packet-journey-pod1-pod3-step-12.svg');
    expect(pictureFileName('pod1', '10.10.11.9', 1, 'png')).toBe('packet-journey-pod1-10.10.11.9-step-1.png');
    expect(pictureFileName('a b', 'c/d', 3, 'html')).toBe('packet-journey-a-b-c-d-step-3.html');
  });
});
