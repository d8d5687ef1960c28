/**
 * The Russian glossary: one term per concept, and the words that must not stand in for it. Tests
 * read every Russian text the app produces (the narrator over a generated set of journeys, the UI
 * strings) against this list, so a new sentence cannot bring a calque or a clash back.
 */
export interface GlossaryEntry {
  /** The concept, in English, as the code and the kernel name it. */
  concept: string;
  /** The Russian term to use. */
  use: string;
  /** What must not appear instead (a pattern over the whole text). */
  avoid: RegExp;
  /** Why, for whoever meets a failing test. */
  why: string;
}

export const GLOSSARY_RU: readonly GlossaryEntry[] = [
  { concept: 'next hop', use: 'следующий хоп', avoid: /следующ\S* узл|следующий узел/i, why: '«узел» в приложении — это нода Kubernetes или хост; для next hop пишем «хоп».' },
  { concept: 'node / host', use: 'нода (Kubernetes), хост (любая машина Linux)', avoid: /узел|узл[аеуоыё]/i, why: '«узел» означал три разных вещи; нода — только нода Kubernetes, хост — в ICMP и IP-стеке.' },
  { concept: 'network namespace', use: 'сетевое пространство имён', avoid: /\bnamespace\b(?! \()/i, why: 'В русском тексте — «сетевое пространство имён» (netns).' },
  { concept: 'lab', use: 'стенд', avoid: /лаборатор/i, why: '«лаборатория» — калька; в курсах говорят «учебный стенд».' },
  { concept: 'unsolicited', use: 'незапрошенный', avoid: /непрошен/i, why: 'Технический термин — «незапрошенный (unsolicited)».' },
  { concept: 'longest prefix match', use: 'маршрут с самым длинным префиксом', avoid: /самое длинное совпадение/i, why: 'Калька «longest match».' },
  { concept: 'connected route', use: 'сеть, подключённая напрямую', avoid: /подключённый маршрут/i, why: 'Калька «connected route».' },
  { concept: 'NIC', use: 'внешний интерфейс / интерфейс eth0', avoid: /сетев\S* карт/i, why: 'У виртуальной машины нет «сетевой карты»; в конспекте — «сетевой интерфейс».' },
  { concept: 'ICMP names', use: 'хост недостижим, сеть недостижима, порт недостижим', avoid: /порт недоступен|хост недоступен/i, why: 'Одно название для одного сообщения ICMP.' },
];
