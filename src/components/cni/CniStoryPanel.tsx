import { useEffect, useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cniChapterAt, tellCniChapters, tellCniEvent, tellCniOutcome } from '../../core/narrate/cniStory';
import { stepMs } from '../../store/slices/playbackSlice';
import { useAppStore } from '../../store/StoreContext';
import { useCniStrings } from './cniPanelStrings';
import { Icon, type IconName } from '../player/icons';
import { CniCalls } from './CniCalls';
import './cni.css';

/*
 * The CNI story beside the drawing (loaded only when a story opens): its controls, the chapter
 * and what happens at this event told by the narrator, the correction of a misconception where
 * its event happens, and the plugin calls with their JSON. On a small screen the story and the
 * calls are two tabs.
 */

function Btn({ label, testId, onClick, disabled, icon }: { label: string; testId: string; onClick: () => void; disabled?: boolean; icon: IconName }) {
  return (
    <button type="button" className="ctl" aria-label={label} title={label} data-testid={testId} onClick={onClick} disabled={disabled === true}>
      <Icon name={icon} />
    </button>
  );
}

/** Steps the story on while it plays, one event per step time at the chosen speed. */
function useCniTimer(): void {
  const playing = useAppStore((s) => s.cni?.playing ?? false);
  const index = useAppStore((s) => s.cni?.index ?? 0);
  const speed = useAppStore((s) => s.speed);
  const next = useAppStore((s) => s.cniNext);
  useEffect(() => {
    if (!playing) return;
    const id = setTimeout(next, stepMs(speed));
    return () => clearTimeout(id);
  }, [playing, index, speed, next]);
}

function CniControls({ index, n, playing }: { index: number; n: number; playing: boolean }) {
  const t = useCniStrings();
  const a = useAppStore(useShallow((s) => ({ first: s.cniFirst, prev: s.cniPrev, toggle: s.cniToggle, next: s.cniNext, last: s.cniLast, seek: s.cniSeek })));
  const atEnd = index >= n - 1;
  return (
    <div className="cni-controls" role="group" aria-label={t.controls}>
      <Btn label={t.first} testId="cni-first" onClick={a.first} disabled={index === 0} icon="first" />
      <Btn label={t.prev} testId="cni-prev" onClick={a.prev} disabled={index === 0} icon="prev" />
      {playing ? <Btn label={t.pause} testId="cni-pause" onClick={a.toggle} icon="pause" /> : <Btn label={t.play} testId="cni-play" onClick={a.toggle} icon="play" />}
      <Btn label={t.next} testId="cni-next" onClick={a.next} disabled={atEnd} icon="next" />
      <Btn label={t.last} testId="cni-last" onClick={a.last} disabled={atEnd} icon="last" />
      <input type="range" className="cni-seek" min={0} max={n - 1} value={index} aria-label={t.seek} aria-valuetext={t.counter(index + 1, n)} onChange={(e) => a.seek(Number(e.target.value))} data-testid="cni-seek" />
      <span className="cni-counter" data-testid="cni-counter">
        {t.counter(index + 1, n)}
      </span>
    </div>
  );
}

/** The CNI story panel; renders nothing when no story is open. */
export function CniStoryPanel({ compact }: { compact: boolean }) {
  const t = useCniStrings();
  const uid = useId();
  const lang = useAppStore((s) => s.lang);
  const level = useAppStore((s) => s.level);
  const play = useAppStore((s) => s.cni);
  const close = useAppStore((s) => s.closeCniStory);
  const seek = useAppStore((s) => s.cniSeek);
  const [tab, setTab] = useState<'story' | 'calls'>('story');
  useCniTimer();
  const story = play?.story;
  const chapters = useMemo(() => (story ? tellCniChapters(story, lang, level) : []), [story, lang, level]);
  if (!play || !story) return null;
  const { index } = play;
  const n = story.events.length;
  const chapter = cniChapterAt(chapters, index);
  const text = tellCniEvent(story, index, lang, level);
  const atEnd = index >= n - 1;
  const tabs = [
    { id: 'story' as const, label: t.storyTab },
    { id: 'calls' as const, label: t.callsTab },
  ];
  const showStory = !compact || tab === 'story';
  const showCalls = !compact || tab === 'calls';
  return (
    <aside className="side cni-side" aria-labelledby={`${uid}-h`} data-testid="cni-panel" data-op={story.op}>
      <div className="cni-head">
        <h2 id={`${uid}-h`} className="panel-title">
          {t.heading(story.op, story.pod, story.machine)}
        </h2>
        <button type="button" className="drawer-close cni-close" onClick={close} aria-label={t.close} title={t.close} data-testid="cni-close">
          ×
        </button>
      </div>
      <CniControls index={index} n={n} playing={play.playing} />
      {compact && (
        <div className="tabs" role="tablist" aria-label={t.panel}>
          {tabs.map((x) => (
            <button key={x.id} type="button" role="tab" id={`${uid}-${x.id}`} aria-selected={tab === x.id} aria-controls={`${uid}-${x.id}-panel`} className={`tab${tab === x.id ? ' is-active' : ''}`} onClick={() => setTab(x.id)} data-testid={`cni-tab-${x.id}`}>
              {x.label}
            </button>
          ))}
        </div>
      )}
      {showStory && (
        <section className="panel cni-story" id={`${uid}-story-panel`} role={compact ? 'tabpanel' : undefined} aria-labelledby={compact ? `${uid}-story` : undefined} data-testid="cni-story">
          <label className="cni-chapter-pick">
            <span>{t.chapter}</span>
            <select value={chapter?.at ?? 0} onChange={(e) => seek(Number(e.target.value))} data-testid="cni-chapter">
              {chapters.map((c) => (
                <option key={c.at} value={c.at}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
          <p className="explain-text" aria-live="polite" data-testid="cni-text">
            {text}
          </p>
          {chapter?.correction && (
            <div className={`correction${chapter.at === index ? ' is-start' : ''}`} data-testid="cni-correction" data-code={chapter.correction.code}>
              <p className="correction-title">{t.misconception}</p>
              <p>{chapter.correction.text}</p>
            </div>
          )}
          {atEnd && (
            <p className="cni-outcome" data-testid="cni-outcome">
              <strong>{t.outcome}:</strong> {tellCniOutcome(story, lang)}
            </p>
          )}
        </section>
      )}
      {showCalls && (
        <section className="panel cni-calls-panel" id={`${uid}-calls-panel`} role={compact ? 'tabpanel' : undefined} aria-labelledby={compact ? `${uid}-calls` : `${uid}-calls-h`}>
          {!compact && (
            <h3 id={`${uid}-calls-h`} className="panel-title">
              {t.calls}
            </h3>
          )}
          <CniCalls story={story} index={index} />
        </section>
      )}
    </aside>
  );
}
