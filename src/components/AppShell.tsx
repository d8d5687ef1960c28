import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useAppStore } from '../store/StoreContext';
import { NetworkCanvas } from './canvas/NetworkCanvas';
import { useMeasured } from './useMeasured';
import { AboutLab } from './AboutLab';
import { JourneyForm } from './form/JourneyForm';
import { useStrings } from './i18n/useStrings';
import { Notices } from './Notices';
import { ImportButton } from './library/ImportButton';
import { LabsButton } from './library/LabsButton';
import { ShelfTroubles } from './library/ShelfTroubles';
import { TerminalButton } from './terminal/TerminalButton';
import { CompareButton } from './compare/CompareButton';
import { ExplainPanel } from './panels/ExplainPanel';
import { PacketInspector } from './panels/PacketInspector';
import { SidePanels } from './panels/SidePanels';
import { Controls } from './player/Controls';
import { Timeline } from './player/Timeline';
import { useKeyboardShortcuts } from './player/useKeyboardShortcuts';
import { usePlaybackTimer } from './player/usePlaybackTimer';
import { ViewSwitches } from './ViewSwitches';

// The editor's panels load when edit mode first opens: the player's first page stays small.
const ChecksPanel = lazy(() => import('./editor/ChecksPanel').then((m) => ({ default: m.ChecksPanel })));
// The CNI story (its narrator and the CNI core's data) loads when a story first opens.
const CniStoryPanel = lazy(() => import('./cni/CniStoryPanel').then((m) => ({ default: m.CniStoryPanel })));

/** Props of {@link AppShell}. */
export interface AppShellProps {
  /**
   * Take the playback keys from the whole page (when focus is on the body), not only from inside
   * the app. For the stand-alone page; embeds leave it off so two players never step together.
   * @default false
   */
  globalKeys?: boolean;
}

/**
 * Below this width (of the app itself, so an embed decides by its own frame) the journey form
 * folds into one button and the panels become a drawer, closed at first: a 16:9 slide's 960×540
 * iframe and an 800×600 window get their height for the drawing.
 */
export const COMPACT_BELOW_PX = 1100;

/** The app's size class, from its own width; wide until measured (and in tests without layout). */
function useCompact(root: RefObject<HTMLElement>): boolean {
  return useMeasured(root, readCompact, false);
}

function readCompact(el: HTMLElement): boolean | null {
  const w = el.getBoundingClientRect().width;
  return w > 0 ? w < COMPACT_BELOW_PX : null;
}

/**
 * Below this width the wide header folds the form too while it holds both optional fields (an IP
 * address to reach and a UDP or TCP port): the full row would not fit beside the switches, and the
 * header stays one row at every size (teacher review 2, `e2e/header.spec.ts`).
 */
export const FULL_FORM_PX = 1280;

function readNarrowForFullForm(el: HTMLElement): boolean | null {
  const w = el.getBoundingClientRect().width;
  return w > 0 ? w < FULL_FORM_PX : null;
}

/**
 * The journey form folded into one button that says what the journey is ("pod1 → pod3 · ICMP
 * ping"); it opens the form (the form engineer's `JourneyForm`, its scenario picker first) under the header.
 * Escape closes it and gives the focus back to the button.
 */
function JourneyFold({ startOpen = false }: { startOpen?: boolean }) {
  const t = useStrings();
  const id = useId();
  const draft = useAppStore((s) => s.draft);
  const hasError = useAppStore((s) => s.errors.length > 0 || s.engineError !== null);
  // Folded under the user's hands (the header's form just took an IP address and a port), it opens at once.
  const [open, setOpen] = useState(startOpen);
  const button = useRef<HTMLButtonElement>(null);
  const to = draft.toKind === 'ip' ? draft.toIp || '?' : draft.to;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="journey-fold">
      <button
        ref={button}
        type="button"
        className={`journey-fold-btn${hasError ? ' has-error' : ''}`}
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => setOpen(!open)}
        data-testid="journey-fold"
      >
        <span className="journey-fold-label">{t.view.journey}</span>
        <span className="journey-fold-summary">{t.view.journeySummary(`${draft.from} → ${to}`, t.form[draft.proto])}</span>
        {hasError && (
          <span className="journey-fold-warn" aria-hidden="true">
            ⚠
          </span>
        )}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={`${id}-form`} className="journey-popover" hidden={!open} onKeyDown={onKeyDown}>
        {open && <JourneyForm pickerFirst />}
      </div>
    </div>
  );
}

/**
 * The whole player: header with the journey form, drawing, packet, side panels, controls. With the
 * panels hidden (projector mode) the drawing takes the width and this step's text sits under it.
 * Narrower than {@link COMPACT_BELOW_PX} the form folds into one button and the panels (this
 * event, packet, tables, log) become a drawer beside the drawing, closed unless someone opens it.
 */
export function AppShell({ globalKeys = false }: AppShellProps) {
  const t = useStrings();
  const lang = useAppStore((s) => s.lang);
  const theme = useAppStore((s) => s.theme);
  const panels = useAppStore((s) => s.panels);
  const setPanels = useAppStore((s) => s.setPanels);
  const fitPanels = useAppStore((s) => s.fitPanels);
  const editing = useAppStore((s) => s.mode === 'edit');
  const story = useAppStore((s) => s.cni !== null);
  const root = useRef<HTMLDivElement>(null);
  const compact = useCompact(root);
  const narrowForFullForm = useMeasured(root, readNarrowForFullForm, false);
  const crowded = useAppStore((s) => s.draft.toKind === 'ip' && s.draft.proto !== 'icmp');
  const folded = compact || (crowded && narrowForFullForm);
  // A fold the user's own change brought (the header's form just took an IP address and a port)
  // opens its popover; one the page opened with stays closed.
  const [crowdedAtStart] = useState(crowded);
  const foldOpens = folded && !compact && !crowdedAtStart;
  usePlaybackTimer();
  useKeyboardShortcuts(root, globalKeys);
  useEffect(() => fitPanels(!compact), [compact, fitPanels]);
  const caption = (
    <div className="caption" tabIndex={0}>
      <ExplainPanel inCaption />
    </div>
  );
  const cls = ['pj-app', panels || story ? '' : 'no-panels', compact ? 'is-compact' : '', editing ? 'is-editing' : '', story ? 'is-cni-story' : ''].filter(Boolean).join(' ');
  return (
    <div className={cls} data-theme={theme} lang={lang} ref={root} data-testid="app" data-size={compact ? 'compact' : 'wide'}>
      <div className="pj-top">
        <header className="pj-header">
          <h1 className="pj-title">{t.appTitle}</h1>
          {folded ? <JourneyFold startOpen={foldOpens} /> : <JourneyForm />}
          <AboutLab />
          <ViewSwitches />
        </header>
        <Notices />
        <ShelfTroubles />
      </div>
      <main className="pj-main">
        <div className="stage">
          <NetworkCanvas />
        </div>
        {/* Editing, the checks take the panels' place (under the drawing on a small screen). */}
        {story ? (
          // A CNI story takes the panels' place at every size: its text and JSON are the point.
          <Suspense fallback={null}>
            <CniStoryPanel compact={compact} />
          </Suspense>
        ) : editing ? (
          <Suspense fallback={null}>
            <ChecksPanel />
          </Suspense>
        ) : compact ? (
          panels ? (
            <section className="drawer" aria-label={t.view.drawer} data-testid="drawer">
              <button type="button" className="drawer-close" onClick={() => setPanels(false)} aria-label={t.view.drawerClose} title={t.view.drawerClose}>
                ×
              </button>
              <SidePanels />
              <PacketInspector />
            </section>
          ) : (
            caption
          )
        ) : panels ? (
          <>
            <PacketInspector />
            <SidePanels />
          </>
        ) : (
          caption
        )}
      </main>
      {/* A CNI story has its own controls in its panel; the journey's come back when it closes. */}
      {!story && (
        <footer className="pj-footer">
          <Controls />
          <LabsButton />
          <ImportButton />
          <TerminalButton />
          <CompareButton />
          <Timeline />
        </footer>
      )}
    </div>
  );
}
