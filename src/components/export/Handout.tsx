import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { tellOutcome, type JourneySpec } from '../../core';
import { createAppStore, type AppStore } from '../../store/createAppStore';
import { AppStoreProvider, useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { NetworkCanvas } from '../canvas/NetworkCanvas';
import { StillContext } from '../canvas/usePrefersReducedMotion';
import { useExportStrings } from '../i18n/exportStrings';
import { handoutContent, type HandoutTable } from './handoutContent';
import { drawingSvg, type SvgPicture } from './svgPicture';


/** Size the chapters' pictures are drawn at, in CSS pixels (a printed page's width at 16:9). */
const PICTURE = { width: 960, height: 540 } as const;

/** Waits until the browser has painted what React committed (two animation frames). */
function painted(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
}

/**
 * Draws the journey, off screen and still, at each of `ends` (event indexes) in turn, and hands
 * back each drawing as an SVG file's text: the handout's pictures come from the SVG export itself.
 */
function ChapterPictures({ spec, ends, onDone }: { spec: JourneySpec; ends: number[]; onDone: (pictures: (SvgPicture | null)[]) => void }) {
  const main = useAppStoreApi();
  const [store] = useState<AppStore>(() => {
    const s = main.getState();
    return createAppStore({ engine: s.engine, topology: s.topology, spec, lang: s.lang, theme: 'light', follow: false, panels: false });
  });
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let stop = false;
    void (async () => {
      const out: (SvgPicture | null)[] = [];
      for (const end of ends) {
        store.getState().reveal(end);
        await painted();
        const svg = box.current?.querySelector<SVGSVGElement>('svg[data-testid="network-canvas"]');
        if (stop) return;
        // Cut to the lab: the off-screen canvas is 16:9, the lab rarely is.
        out.push(svg ? drawingSvg(svg, { title: '', desc: '', link: '', crop: true }) : null);
      }
      onDone(out);
    })();
    return () => {
      stop = true;
    };
  }, [store, ends, onDone]);
  return (
    <div className="handout-stage" ref={box} aria-hidden="true" style={{ width: PICTURE.width, height: PICTURE.height }}>
      <StillContext.Provider value={true}>
        <AppStoreProvider store={store}>
          <div className="pj-app pj-embed" data-theme="light">
            <div className="stage">
              <NetworkCanvas embedded />
            </div>
          </div>
        </AppStoreProvider>
      </StillContext.Provider>
    </div>
  );
}

/** One table as the handout prints it. */
function Table({ table }: { table: HandoutTable }) {
  const t = useExportStrings().sheet;
  const c = t.cols;
  const title = table.kind === 'neigh' ? t.neigh(table.ns) : table.kind === 'fdb' ? t.fdb(table.ns, table.bridge ?? '') : table.kind === 'segment' ? t.segment(table.ns) : t.routes(table.ns);
  const head = table.kind === 'neigh' ? [c.ip, c.dev, c.mac, c.state] : table.kind === 'routes' ? [c.route] : [c.mac, c.port];
  return (
    <table className="handout-table" data-kind={table.kind}>
      <caption>{title}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r, k) => (
          <tr key={k}>
            {r.map((cell, j) => (
              <td key={j}>{cell || t.none}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The printable handout, over the whole page (a portal into `body`): a block per chapter with the
 * drawing at its last event, the explanation and the tables that changed. Printing it (Ctrl+P or
 * its Print button) prints only the handout: `handout.css` hides the app while it is open.
 */
export function Handout({ onClose }: { onClose: () => void }) {
  const t = useExportStrings().sheet;
  const lang = useAppStore((s) => s.lang);
  const result = useAppStore((s) => s.result);
  const lab = useAppStore((s) => s.shelf.entry?.name ?? s.topology.name);
  const chapters = useMemo(() => (result ? handoutContent(result, lang) : []), [result, lang]);
  const ends = useMemo(() => chapters.map((c) => c.end), [chapters]);
  const [pictures, setPictures] = useState<(SvgPicture | null)[] | null>(null);
  const closer = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closer.current?.focus();
    document.body.classList.add('has-handout');
    return () => document.body.classList.remove('has-handout');
  }, []);
  if (!result) return null;
  const journey = `${result.spec.from} → ${result.spec.to}`;
  return createPortal(
    <div
      className="handout"
      role="dialog"
      aria-modal="true"
      aria-label={t.title(journey)}
      lang={lang}
      data-testid="handout"
      data-ready={pictures ? 'true' : 'false'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="handout-bar">
        <button type="button" onClick={() => window.print()} disabled={!pictures} data-testid="handout-print">
          {t.print}
        </button>
        <button type="button" ref={closer} onClick={onClose} data-testid="handout-close">
          {t.close}
        </button>
      </div>
      <article className="handout-sheet">
        <h1>{t.title(journey)}</h1>
        <p className="handout-lab">{t.lab(lab)}</p>
        {!pictures && <p data-testid="handout-drawing">{t.drawing}</p>}
        {chapters.map((c, k) => (
          <section className="handout-chapter" key={c.n} data-testid="handout-chapter">
            <h2>{c.title ? t.chapter(c.n, c.title) : t.events(c.start + 1, c.end + 1)}</h2>
            <p className="handout-events">{t.events(c.start + 1, c.end + 1)}</p>
            {pictures?.[k] && <img className="handout-picture" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(pictures[k].text)}`} alt={t.picture(c.n)} width={pictures[k].width} height={pictures[k].height} />}
            <ol className="handout-lines" start={c.start + 1}>
              {c.lines.map((l, j) => (
                <li key={j}>{l}</li>
              ))}
            </ol>
            {c.correction && <p className="handout-correction">{c.correction}</p>}
            <h3>{t.changed}</h3>
            {c.tables.length === 0 ? <p>{t.unchanged}</p> : c.tables.map((tb, j) => <Table key={j} table={tb} />)}
          </section>
        ))}
        <section className="handout-outcome">
          <h2>{t.outcome}</h2>
          <p>{tellOutcome(result, lang)}</p>
        </section>
      </article>
      {!pictures && <ChapterPictures spec={result.spec} ends={ends} onDone={setPictures} />}
    </div>,
    document.body,
  );
}
