import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { tellEvent } from '../../core';
import { selectAtEnd } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { NetworkCanvas } from '../canvas/NetworkCanvas';
import { StillContext } from '../canvas/usePrefersReducedMotion';
import { usePlayerStrings } from '../i18n/usePlayerStrings';
import { Icon } from '../player/icons';
import { useKeyboardShortcuts } from '../player/useKeyboardShortcuts';
import { usePlaybackTimer } from '../player/usePlaybackTimer';
import { FullControlsSlot } from './FullControlsSlot';
import './embed.css';
import { Notices } from '../Notices';

/** Which controls an embed shows (see `src/app/embedParams.ts`). */
export type EmbedControlsKind = 'none' | 'minimal' | 'full';

/** Props of {@link EmbedShell}. */
export interface EmbedShellProps {
  controls: EmbedControlsKind;
  /** Show this event's one-line explanation under the drawing. */
  caption: boolean;
  /** A still picture (printing): no controls, no animation. */
  still: boolean;
  /**
   * Take the keys whenever the document has the focus (an iframe's document is this player alone);
   * false for an element among others on a page: keys only while the focus is inside. @default true
   */
  globalKeys?: boolean;
}

/** Previous, play/pause and next, with the counter: the least a slide needs. */
function MinimalControls() {
  const t = usePlayerStrings();
  const s = useAppStore(useShallow((st) => ({ index: st.index, n: st.result?.events.length ?? 0, playing: st.playing, prev: st.prev, next: st.next, play: st.play, pause: st.pause, atEnd: selectAtEnd(st) })));
  return (
    <div className="embed-controls controls" role="group" aria-label={t.controls.label}>
      <button type="button" className="ctl" aria-label={t.controls.prev} title={t.controls.prev} onClick={s.prev} disabled={s.index <= 0} data-testid="prev">
        <Icon name="prev" />
      </button>
      {s.playing ? (
        <button type="button" className="ctl" aria-label={t.controls.pause} title={t.controls.pause} onClick={s.pause} data-testid="pause">
          <Icon name="pause" />
        </button>
      ) : (
        <button type="button" className="ctl" aria-label={t.controls.play} title={t.controls.play} onClick={s.play} disabled={s.n === 0} data-testid="play">
          <Icon name="play" />
        </button>
      )}
      <button type="button" className="ctl" aria-label={t.controls.next} title={t.controls.next} onClick={s.next} disabled={s.atEnd} data-testid="next">
        <Icon name="next" />
      </button>
      <span className="step-count" data-testid="step-count">
        {t.controls.step(s.index + 1, s.n)}
      </span>
    </div>
  );
}

/** This event in one line, in the app's language; announced to screen readers as it changes. */
function Caption() {
  const t = usePlayerStrings();
  const lang = useAppStore((s) => s.lang);
  const result = useAppStore((s) => s.result);
  const index = useAppStore((s) => s.index);
  const text = useMemo(() => (result && result.events[index] ? tellEvent(result, index, lang, 'short') : ''), [result, index, lang]);
  return (
    <p className="embed-caption" aria-live="polite" aria-label={t.embed.caption} data-testid="explanation">
      {text}
    </p>
  );
}

/**
 * The embedded player: the drawing first, following the packet, with at most one line of
 * explanation and the controls the page asked for; no journey form, no editor, no library. Keys
 * work while the frame has focus (the page's `embedHost` hands the deck's own keys on first).
 * Still (printing), it draws the event as it stands, without controls.
 */
export function EmbedShell({ controls, caption, still, globalKeys = true }: EmbedShellProps) {
  const t = usePlayerStrings();
  const lang = useAppStore((s) => s.lang);
  const theme = useAppStore((s) => s.theme);
  const spec = useAppStore((s) => s.result?.spec);
  const index = useAppStore((s) => s.index);
  const n = useAppStore((s) => s.result?.events.length ?? 0);
  const root = useRef<HTMLDivElement>(null);
  usePlaybackTimer();
  useKeyboardShortcuts(root, globalKeys);
  const shown = still ? 'none' : controls;
  return (
    <StillContext.Provider value={still}>
      <div
        className={`pj-app pj-embed${still ? ' is-still' : ''}`}
        data-theme={theme}
        lang={lang}
        ref={root}
        role="region"
        aria-label={t.embed.region(spec ? `${spec.from} → ${spec.to}` : '')}
        data-testid="app"
        data-controls={shown}
        data-still={still ? 'true' : 'false'}
      >
        {/* A bad address (a mistyped preset) is said on the frame too, not only to the parent page: the teacher sees it while building the deck; closed with ×, never printed. */}
        {!still && <Notices />}
        <div className="stage">
          <NetworkCanvas embedded />
        </div>
        {caption && <Caption />}
        {shown === 'minimal' && <MinimalControls />}
        {shown === 'full' && <FullControlsSlot />}
        {still && (
          <p className="embed-still" data-testid="still">
            {t.embed.still(index + 1, n)}
          </p>
        )}
      </div>
    </StillContext.Provider>
  );
}
