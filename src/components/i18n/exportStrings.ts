/*
 * Strings of the classroom exports (issue 11, point 5): the step as an SVG or PNG picture with its
 * lab inside, dropping such a picture back on the page, the printable handout, the offline page.
 * `ru` has the shape of `en`. The counter counts events («событие»), never steps. Only the export
 * chunk uses them, so they load with it (`useExportStrings`), not with the first page's `STRINGS`;
 * `strings.test.ts` checks them with the rest.
 */
import { useAppStore } from '../../store/StoreContext';


export const EXPORTS_EN = {
  /** The menu's items as listed; the longer texts above are their tooltips. */
  items: { svg: 'Picture (SVG)', png: 'Picture (PNG)', handout: 'Handout to print', offline: 'Offline page (HTML)' },
  svg: 'Save this event as an SVG picture (the lab is inside: drop the file on the page to open it again)',
  png: 'Save this event as a PNG picture (the lab is inside: drop the file on the page to open it again)',
  handout: 'Printable handout: for each chapter the drawing, the explanation and the tables that changed',
  offline: 'Save an offline page: one HTML file that plays this journey without a network',
  offlineMissing: 'This build of the app has no offline page: build it again (npm run build).',
  failed: 'The browser could not make the file.',
  /** A picture's title; `journey` is "pod1 → pod3". */
  pictureTitle: (journey: string, n: number, total: number) => `Packet Journey: ${journey}, event ${n} of ${total}`,
  /** The first line of the caption under a picture: the event, then its chapter (`pictureChapter`), joined by " · ". */
  pictureEvent: (n: number, total: number) => `Event ${n} of ${total}`,
  pictureChapter: (chapter: number, title: string) => `Chapter ${chapter}: ${title}`,
  drop: {
    hint: 'Drop a picture saved by Packet Journey, or a lab file, to open its lab',
    notPicture: (name: string) => `“${name}” is not an SVG or PNG picture. Drop a picture saved with the SVG or PNG button; the lab on screen is unchanged.`,
    noLab: (name: string) => `“${name}” holds no Packet Journey lab: only pictures saved with the SVG or PNG button carry one (and some editors remove it). The lab on screen is unchanged.`,
    badLab: (name: string, why: string) => `The lab in “${name}” does not open: ${why} The lab on screen is unchanged.`,
    opened: (name: string, n: number) => `Opened the lab of “${name}” at event ${n}.`,
    imported: (name: string) => `Kept the lab of “${name}” in My labs and opened it.`,
    badFile: (name: string) => `“${name}” does not read as a lab file; the lab on screen is unchanged:`,
    close: 'Close',
  },
  sheet: {
    title: (journey: string) => `Packet Journey: ${journey}`,
    lab: (lab: string) => `Lab: ${lab}`,
    print: 'Print',
    close: 'Close',
    drawing: 'Drawing the chapters…',
    chapter: (n: number, title: string) => `Chapter ${n}. ${title}`,
    events: (from: number, to: number) => (from === to ? `Event ${from}` : `Events ${from}–${to}`),
    picture: (n: number) => `The drawing at the end of chapter ${n}`,
    changed: 'Tables that changed',
    unchanged: 'No table changed in this chapter.',
    neigh: (ns: string) => `${ns}: ARP table (neighbour cache)`,
    fdb: (ns: string, bridge: string) => `${ns}: FDB of ${bridge}`,
    segment: (seg: string) => `Switch ${seg}: FDB`,
    routes: (ns: string) => `${ns}: routes used`,
    cols: { ip: 'IP address', dev: 'Device', mac: 'MAC', state: 'State', port: 'Port', route: 'Route' },
    none: '(none)',
    outcome: 'Outcome',
  },
};

export const EXPORTS_RU: typeof EXPORTS_EN = {
  items: { svg: 'Рисунок (SVG)', png: 'Рисунок (PNG)', handout: 'Материал для печати', offline: 'Офлайн-страница (HTML)' },
  svg: 'Сохранить это событие как рисунок SVG (стенд внутри: перетащите файл на страницу, чтобы снова его открыть)',
  png: 'Сохранить это событие как рисунок PNG (стенд внутри: перетащите файл на страницу, чтобы снова его открыть)',
  handout: 'Раздаточный материал для печати: по каждой главе рисунок, объяснение и изменившиеся таблицы',
  offline: 'Сохранить офлайн-страницу: один файл HTML, который показывает этот путь пакета без сети',
  offlineMissing: 'В этой сборке приложения нет офлайн-страницы: соберите его заново (npm run build).',
  failed: 'Браузер не смог создать файл.',
  pictureTitle: (journey, n, total) => `Путь пакета: ${journey}, событие ${n} из ${total}`,
  pictureEvent: (n, total) => `Событие ${n} из ${total}`,
  pictureChapter: (chapter, title) => `Глава ${chapter}: ${title}`,
  drop: {
    hint: 'Перетащите сюда рисунок, сохранённый приложением, или файл стенда, чтобы открыть стенд',
    notPicture: (name) => `«${name}» не рисунок SVG или PNG. Перетащите рисунок, сохранённый кнопкой SVG или PNG; стенд на экране не изменился.`,
    noLab: (name) => `В «${name}» нет стенда: стенд есть только в рисунках, сохранённых кнопкой SVG или PNG (а некоторые редакторы его удаляют). Стенд на экране не изменился.`,
    badLab: (name, why) => `Стенд из «${name}» не открывается: ${why} Стенд на экране не изменился.`,
    opened: (name, n) => `Открыт стенд из «${name}», событие ${n}.`,
    imported: (name) => `Стенд из «${name}» сохранён в «Моих стендах» и открыт.`,
    badFile: (name) => `«${name}» не читается как файл стенда; стенд на экране не изменился:`,
    close: 'Закрыть',
  },
  sheet: {
    title: (journey) => `Путь пакета: ${journey}`,
    lab: (lab) => `Стенд: ${lab}`,
    print: 'Печать',
    close: 'Закрыть',
    drawing: 'Рисуем главы…',
    chapter: (n, title) => `Глава ${n}. ${title}`,
    events: (from, to) => (from === to ? `Событие ${from}` : `События ${from}–${to}`),
    picture: (n) => `Рисунок в конце главы ${n}`,
    changed: 'Изменившиеся таблицы',
    unchanged: 'В этой главе таблицы не менялись.',
    neigh: (ns) => `${ns}: ARP-таблица (кэш соседей)`,
    fdb: (ns, bridge) => `${ns}: FDB моста ${bridge}`,
    segment: (seg) => `Коммутатор ${seg}: FDB`,
    routes: (ns) => `${ns}: использованные маршруты`,
    cols: { ip: 'IP-адрес', dev: 'Устройство', mac: 'MAC', state: 'Состояние', port: 'Порт', route: 'Маршрут' },
    none: '(нет)',
    outcome: 'Итог',
  },
};

/** The exports' texts in this app's current language. */
export function useExportStrings(): typeof EXPORTS_EN {
  const lang = useAppStore((s) => s.lang);
  return lang === 'ru' ? EXPORTS_RU : EXPORTS_EN;
}
