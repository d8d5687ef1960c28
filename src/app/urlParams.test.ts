import { describe, expect, it } from 'vitest';
import { parseUrlParams } from './urlParams';

describe('parseUrlParams', () => {
  it('reads a journey, language, theme and step', () => {
    expect(parseUrlParams('?from=pod1&to=10.10.12.1&proto=udp&port=53&count=2&ttl=5&warm=1&lang=ru&theme=dark&step=12')).toEqual({
      spec: { from: 'pod1', to: '10.10.12.1', proto: 'udp', port: 53, count: 2, ttl: 5, warm: true },
      lang: 'ru',
      theme: 'dark',
      step: 12,
    });
  });

  it('ignores what it cannot use', () => {
    expect(parseUrlParams('?from=pod1&ttl=999&lang=de&theme=pink&step=-3&nodes=99')).toEqual({});
  });

  it('builds a generated cluster of the asked size', () => {
    const p = parseUrlParams('?nodes=6&pods=3');
    expect(p.topology?.machines.filter((m) => m.role === 'node')).toHaveLength(6);
    expect(p.topology?.machines[0]?.pods).toHaveLength(3);
  });
});
