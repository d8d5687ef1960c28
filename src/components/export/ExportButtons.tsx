import './handout.css';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { tellChapters, tellEvent } from '../../core';
import { pictureFileName } from '../../core/export/picture';
import type { AppState } from '../../store/appState';
import { chapterIndexAt } from '../../store/selectors';
import { useAppStoreApi } from '../../store/StoreContext';
import { useExportStrings, type EXPORTS_EN } from '../i18n/exportStrings';
import { downloadBytes } from '../library/download';
import { Handout } from './Handout';
import { offlinePage } from './offlinePage';
import { drawingPng, drawingSvg, pictureLink, utf8, type SvgPicture } from './svgPicture';

/*
 * The export menu's items, beside the link and capture buttons: this event as an SVG or PNG picture
 * with the lab inside, the printable handout, the offline page. One lazy chunk, fetched when the
 * menu's button (`ExportMenu.tsx`, on the first page) is pointed at or focused.
 */

/** Icons in the player's style (24-unit paths), after Material Design's "image", "print" and "offline_pin" (Apache 2.0). */
const PATHS = {
  svg: 'M21 19V5c0-1.1-.9-2-2-2H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2zM8.5 13.5l2.5 3.01L14.5 12l4.5 6H5l3.5-4.5z',
  png: 'M4 4h16v16H4zM6 6v12h12V6zM7 16l3-4 2 2.5 2-2.5 3 4z',
  handout: 'M19 8H5c-1.66 0-3 1.34-3 3v6h4v4h12v-4h4v-6c0-1.66-1.34-3-3-3zm-3 11H8v-5h8v5zm3-7c-.55 0-1-.45-1-1s.45-1 1-1 1 .45 1 1-.45 1-1 1zm-1-9H6v4h12V3z',
  offline: 'M12 2C6.5 2 2 6.5 2 12s4.5 10 10 10 10-4.5 10-10S17.5 2 12 2zm5 16H7v-2h10v2zm-6.7-4L7 10.7l1.4-1.4 1.9 1.9 5.3-5.3L17 7.3 10.3 14z',
} as const;

function Glyph({ d }: { d: string }) {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

/** The picture of the step on screen in the app around `from`, or null when there is no drawing or journey. */
export function stepPicture(from: Element | null, s: AppState, t: typeof EXPORTS_EN): { pic: SvgPicture; link: string; name: (ext: 'svg' | 'png') => string } | null {
  const r = s.result;
  const svg = from?.closest('.pj-app')?.querySelector<SVGSVGElement>('svg[data-testid="network-canvas"]');
  const link = pictureLink(s);
  if (!r || !svg || link === null) return null;
  const journey = `${r.spec.from} → ${r.spec.to}`;
  const desc = r.events[s.index] ? tellEvent(r, s.index, s.lang, 'short') : '';
  // The caption says which event this is, in which chapter, and what happens (teacher review, item 16).
  const chapters = tellChapters(r, s.lang);
  const chapter = chapters[chapterIndexAt(chapters, s.index)];
  const event = t.pictureEvent(s.index + 1, r.events.length);
  const head = chapter ? `${event} · ${t.pictureChapter(chapter.n, chapter.title)}` : event;
  const pic = drawingSvg(svg, { title: t.pictureTitle(journey, s.index + 1, r.events.length), desc, link, caption: { head, text: desc } });
  return { pic, link, name: (ext) => pictureFileName(r.spec.from, r.spec.to, s.index + 1, ext) };
}

/** What the menu's button shares with its items (`ExportMenu.tsx`). */
export interface ExportItemsProps {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The list's id, named by the button's `aria-controls`. */
  menuId: string;
  /** The menu's name, the button's label. */
  label: string;
  /** The menu's whole span: a press outside it closes the menu; the picture is of the app around it. */
  at: RefObject<HTMLSpanElement>;
  /** The button, where the focus goes back when the menu closes. */
  opener: RefObject<HTMLButtonElement>;
}

/** The export menu's items (see the file's comment), above the button; `note` says what went wrong. */
export default function ExportItems({ open, setOpen, menuId, label, at, opener }: ExportItemsProps) {
  const t = useExportStrings();
  const store = useAppStoreApi();
  const [handout, setHandout] = useState(false);
  const [note, setNote] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLButtonElement>('button')?.focus();
    // A press anywhere else closes the menu.
    const away = (e: PointerEvent) => {
      if (!at.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open, at, setOpen]);
  const run = (job: () => Promise<void>) => {
    setNote('');
    job().catch((e: unknown) => setNote(e instanceof Error && e.message === 'offline-missing' ? t.offlineMissing : t.failed));
  };
  const picture = (ext: 'svg' | 'png') =>
    run(async () => {
      const got = stepPicture(at.current, store.getState(), t);
      if (!got) return;
      if (ext === 'svg') downloadBytes(got.name('svg'), utf8(got.pic.text), 'image/svg+xml');
      else downloadBytes(got.name('png'), await drawingPng(got.pic, got.link), 'image/png');
    });
  const offline = () =>
    run(async () => {
      const s = store.getState();
      const link = pictureLink(s);
      if (!link || !s.result) return;
      const page = await offlinePage(link);
      downloadBytes(pictureFileName(s.result.spec.from, s.result.spec.to, s.index + 1, 'html'), utf8(page), 'text/html');
    });
  const items = [
    { id: 'svg', act: () => picture('svg') },
    { id: 'png', act: () => picture('png') },
    { id: 'handout', act: () => setHandout(true) },
    { id: 'offline', act: offline },
  ] as const;
  return (
    <>
      {open && (
        <div
          className="export-list"
          id={menuId}
          role="menu"
          aria-label={label}
          ref={list}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const all = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
              const k = all.indexOf(document.activeElement as HTMLButtonElement);
              all[(k + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
            }
          }}
        >
          {items.map((it) => (
            <button
              key={it.id}
              type="button"
              role="menuitem"
              title={t[it.id]}
              onClick={() => {
                setOpen(false);
                it.act();
              }}
              data-testid={`export-${it.id}`}
            >
              <Glyph d={PATHS[it.id]} />
              <span>{t.items[it.id]}</span>
            </button>
          ))}
        </div>
      )}
      <span className={`share-status${note ? ' is-shown' : ''}`} role="status" data-testid="export-status">
        {note}
      </span>
      {handout && <Handout onClose={() => setHandout(false)} />}
    </>
  );
}

export { openPicture } from './openPicture';
export { DropNote } from './DropNote';
