import { describe, expect, it } from 'vitest';
import { seedTopology } from '../core';
import { draftFromSpec, isIpv4, parseDraft } from './specDraft';

const t = seedTopology();

describe('isIpv4', () => {
  it('accepts dotted quads 0–255 and refuses the rest', () => {
    for (const ok of ['10.10.11.1', '0.0.0.0', '255.255.255.255', ' 10.10.12.1 ']) expect(isIpv4(ok), ok).toBe(true);
    for (const bad of ['10.10.300.1', '10.10.11', '10.10.11.1.1', 'pod3', '10.010.11.1', '', '1e1.1.1.1']) expect(isIpv4(bad), bad).toBe(false);
  });
});

describe('draft ↔ spec', () => {
  it('round-trips the seed journey and an IP destination', () => {
    for (const spec of [
      { from: 'pod1', to: 'pod3', proto: 'icmp' as const, count: 1, ttl: 64, warm: false },
      { from: 'node1', to: '10.10.12.1', proto: 'tcp' as const, port: 8080, count: 3, ttl: 2, warm: true },
    ]) {
      const parsed = parseDraft(t, draftFromSpec(t, spec));
      expect(parsed.errors).toEqual([]);
      expect(parsed.spec).toEqual(spec);
    }
  });

  it('names an unknown source', () => {
    const d = { ...draftFromSpec(t, { from: 'pod1', to: 'pod3' }), from: 'pod9' };
    const r = parseDraft(t, d);
    expect(r.spec).toBeNull();
    expect(r.errors.map((e) => [e.field, e.message.en])).toEqual([['from', 'From: “pod9” is not a pod or machine of this lab.']]);
  });

  it('asks for an address when the IP field is empty', () => {
    const d = { ...draftFromSpec(t, { from: 'pod1', to: 'pod3' }), toKind: 'ip' as const, toIp: '' };
    expect(parseDraft(t, d).errors[0]?.message.ru).toContain('Куда: IP-адрес не введён');
  });
});

describe('payload size', () => {
  it('is the protocol’s default when empty, a number 0–65507 otherwise, and never checked for TCP', () => {
    const d = draftFromSpec(t, { from: 'pod1', to: 'pod3' });
    expect(d.size).toBe('');
    expect(parseDraft(t, d).spec?.size).toBeUndefined();
    expect(parseDraft(t, { ...d, size: '1400' }).spec).toMatchObject({ size: 1400 });
    expect(parseDraft(t, { ...d, size: '65508' }).errors.map((e) => [e.field, e.message.en])).toEqual([['size', 'Size “65508” must be a whole number from 0 to 65507 (bytes of data), or empty for the default.']]);
    expect(parseDraft(t, { ...d, proto: 'tcp', size: 'x' }).errors).toEqual([]);
    expect(parseDraft(t, { ...d, proto: 'tcp', size: '1400' }).spec?.size).toBeUndefined();
  });
});
