import { describe, expect, it } from 'vitest';
import { DEFAULT_PASS_KEYS, normalOrigin, parseEmbedParams } from './embedParams';

describe('parseEmbedParams', () => {
  it('has the defaults the documentation gives', () => {
    const { embed, link } = parseEmbedParams('');
    expect(embed).toEqual({ controls: 'minimal', autoplay: false, caption: true, origins: [], channel: null, passKeys: DEFAULT_PASS_KEYS, id: null, still: false });
    expect(link.linkErrors).toEqual([]);
  });

  it('reads its own parameters and leaves the rest to the link reader', () => {
    const { embed, link } = parseEmbedParams('?controls=full&autoplay=1&caption=0&origins=https://slides.example,http://localhost:8000/&channel=lesson-1&keys=PageDown,Space,n&id=a&still=1&to=pod4&lang=ru&step=12');
    expect(embed).toEqual({ controls: 'full', autoplay: true, caption: false, origins: ['https://slides.example', 'http://localhost:8000'], channel: 'lesson-1', passKeys: ['PageDown', ' ', 'n'], id: 'a', still: true });
    expect(link).toMatchObject({ lang: 'ru', step: 12, spec: { to: 'pod4' }, linkErrors: [] });
    expect(parseEmbedParams('?keys=none').embed.passKeys).toEqual([]);
    expect(parseEmbedParams('?origins=*').embed.origins).toEqual(['*']);
  });

  it('names every bad value in both languages and falls back', () => {
    const { embed, link } = parseEmbedParams('?controls=all&autoplay=yes&origins=slides.example,https://ok.example/path&channel=a%20b&keys=PageDown,<b>&id=&colour=red');
    expect(embed).toMatchObject({ controls: 'minimal', autoplay: false, origins: [], channel: null, passKeys: ['PageDown'], id: null });
    const en = link.linkErrors.map((e) => e.en).join('\n');
    for (const p of ['?controls=all', '?autoplay=yes', '?origins=slides.example', '?origins=https://ok.example/path', '?channel=a b', '?keys=', '?id=', 'colour']) expect(en).toContain(p);
    expect(link.linkErrors.every((e) => e.ru.length > 0 && e.ru !== e.en)).toBe(true);
  });

  it('accepts only origins as browsers write them', () => {
    expect(normalOrigin('https://a.example')).toBe('https://a.example');
    expect(normalOrigin('https://a.example:8443/')).toBe('https://a.example:8443');
    expect(normalOrigin('https://a.example/deck')).toBeNull();
    expect(normalOrigin('javascript:alert(1)')).toBeNull();
    expect(normalOrigin('file:///tmp/deck.html')).toBeNull();
  });
});
