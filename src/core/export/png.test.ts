import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, iTxtData, isPng, pngChunk, readPngChunks, readPngText, utf8Text, withPngText } from './png';
import { utf8Bytes } from '../net/utf8';

/** A 1×1 transparent PNG as libpng writes it (IHDR, IDAT, IEND), with its own CRCs. */
const KNOWN_PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));

const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('crc32', () => {
  it('gives the check value of the CRC-32 catalogue and the CRCs libpng wrote', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    // IEND's CRC is the same in every PNG file; IHDR's is the one stored in the known file.
    expect(crc32(ascii('IEND'))).toBe(0xae426082);
    const view = new DataView(KNOWN_PNG.buffer, KNOWN_PNG.byteOffset);
    expect(crc32(KNOWN_PNG.subarray(12, 12 + 4 + 13))).toBe(view.getUint32(8 + 8 + 13));
  });

  // Expected values from Python's zlib.crc32.
  it('gives the CRCs zlib gives', () => {
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(Uint8Array.from([0]))).toBe(0xd202ef8d);
    expect(crc32(Uint8Array.from([0xff, 0xff, 0xff, 0xff]))).toBe(0xffffffff);
  });
});

describe('PNG chunks', () => {
  it('reads the chunks of a known PNG', () => {
    expect(isPng(KNOWN_PNG)).toBe(true);
    const chunks = readPngChunks(KNOWN_PNG);
    expect(chunks?.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks?.[0]?.data.length).toBe(13);
  });

  it('refuses what is not a whole PNG: another format, a cut file, a wrong CRC', () => {
    expect(readPngChunks(ascii('<svg/>'))).toBeNull();
    expect(readPngChunks(KNOWN_PNG.subarray(0, KNOWN_PNG.length - 5))).toBeNull();
    const bad = KNOWN_PNG.slice();
    bad[20] = (bad[20] ?? 0) ^ 1;
    expect(readPngChunks(bad)).toBeNull();
    expect(readPngText(bad, 'packet-journey')).toBeNull();
  });

  it('writes a chunk exactly as libpng did', () => {
    const iend = pngChunk('IEND', new Uint8Array(0));
    expect([...iend]).toEqual([...KNOWN_PNG.subarray(KNOWN_PNG.length - 12)]);
    expect(() => pngChunk('bad', new Uint8Array(0))).toThrow(RangeError);
  });

  it('adds an iTXt chunk before IEND, keeps the image chunks, and reads the text back', () => {
    const text = 'lab=N4Ig&from=pod1&to=pod3&step=12 — путь пакета';
    const out = withPngText(KNOWN_PNG, 'packet-journey', text);
    const chunks = readPngChunks(out);
    expect(chunks?.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
    expect([...(chunks?.[1]?.data ?? [])]).toEqual([...(readPngChunks(KNOWN_PNG)?.[1]?.data ?? [])]);
    expect(readPngText(out, 'packet-journey')).toBe(text);
    expect(readPngText(out, 'Comment')).toBeNull();
    expect(readPngText(KNOWN_PNG, 'packet-journey')).toBeNull();
    // Written again, ours is replaced, not doubled.
    const again = withPngText(out, 'packet-journey', 'step=2');
    expect(readPngChunks(again)?.filter((c) => c.type === 'iTXt')).toHaveLength(1);
    expect(readPngText(again, 'packet-journey')).toBe('step=2');
  });

  it('lays out iTXt as the PNG specification says', () => {
    const d = iTxtData('kw', 'é');
    // keyword, NUL, compression flag and method, empty language tag and translated keyword, UTF-8 text.
    expect([...d]).toEqual([0x6b, 0x77, 0, 0, 0, 0, 0, 0xc3, 0xa9]);
    expect(() => iTxtData('', 'x')).toThrow(RangeError);
    expect(() => iTxtData(' lead', 'x')).toThrow(RangeError);
    expect(() => iTxtData('x'.repeat(80), 'x')).toThrow(RangeError);
    expect(() => withPngText(ascii('not a png'), 'kw', 'x')).toThrow(RangeError);
  });
});

describe('utf8Text', () => {
  it('decodes what utf8Bytes encodes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => utf8Text(Uint8Array.from(utf8Bytes(s))) === s));
  });

  it('turns bytes that start no sequence into U+FFFD', () => {
    expect(utf8Text(Uint8Array.from([0x41, 0xff, 0x42, 0xc3]))).toBe('A\ufffdB\ufffd');
  });
});
