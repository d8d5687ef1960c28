import { describe, expect, it } from 'vitest';
import { GLOSSARY_RU } from '../i18n/ru/glossary';
import { SCENARIOS } from './scenarios';

/*
 * The scenario picker's titles and each scenario lab's description are read by students like any
 * other text: the Russian follows the glossary («стенд», never «лаборатория»), the English has no
 * Cyrillic. The narrator's and the UI's tests do not see these, so they are checked here.
 */

describe('the scenarios\' titles and descriptions', () => {
  const texts = SCENARIOS.flatMap((s) => {
    const d = s.topology().description;
    return [
      { id: s.id, en: s.title.en, ru: s.title.ru },
      ...(d ? [{ id: `${s.id} (description)`, en: d.en, ru: d.ru }] : []),
    ];
  });

  it('Russian follows the glossary', () => {
    expect(texts.length).toBeGreaterThan(SCENARIOS.length);
    for (const t of texts) for (const g of GLOSSARY_RU) expect(t.ru, `${t.id} (${g.concept}: ${g.why})`).not.toMatch(g.avoid);
  });

  it('English has no Cyrillic', () => {
    expect(texts.filter((t) => /[а-яё]/i.test(t.en)).map((t) => t.id)).toEqual([]);
  });
});
