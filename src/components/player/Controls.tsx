import { useShallow } from 'zustand/react/shallow';
import { SPEEDS } from '../../store/appState';
import { selectAtEnd } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { usePlayerStrings } from '../i18n/usePlayerStrings';
import { Icon, type IconName } from './icons';
import { ShareButtons } from './ShareButtons';

/** A control button with a stable test id; the accessible name follows the language. */
function Btn({ label, testId, onClick, disabled, icon }: { label: string; testId: string; onClick: () => void; disabled?: boolean; icon: IconName }) {
  return (
    <button type="button" className="ctl" aria-label={label} title={label} data-testid={testId} onClick={onClick} disabled={disabled === true}>
      <Icon name={icon} />
    </button>
  );
}

/** Play, pause, step, first, last and speed; then the link and embed buttons. */
export function Controls() {
  const t = usePlayerStrings();
  // One shallow-compared pick: the buttons need these and nothing else re-renders them.
  const s = useAppStore(
    useShallow((st) => ({
      index: st.index,
      playing: st.playing,
      speed: st.speed,
      n: st.result?.events.length ?? 0,
      first: st.first,
      prev: st.prev,
      play: st.play,
      pause: st.pause,
      next: st.next,
      last: st.last,
      setSpeed: st.setSpeed,
      atEnd: selectAtEnd(st),
    })),
  );
  const n = s.n;
  const atStart = s.index <= 0;
  const atEnd = s.atEnd;
  return (
    <>
      <div className="controls" role="group" aria-label={t.controls.label}>
        <Btn label={t.controls.first} testId="first" onClick={s.first} disabled={atStart} icon="first" />
        <Btn label={t.controls.prev} testId="prev" onClick={s.prev} disabled={atStart} icon="prev" />
        {s.playing ? (
          <Btn label={t.controls.pause} testId="pause" onClick={s.pause} icon="pause" />
        ) : (
          <Btn label={t.controls.play} testId="play" onClick={s.play} disabled={n === 0} icon="play" />
        )}
        <Btn label={t.controls.next} testId="next" onClick={s.next} disabled={atEnd} icon="next" />
        <Btn label={t.controls.last} testId="last" onClick={s.last} disabled={atEnd} icon="last" />
        <label className="speed">
          <span>{t.controls.speed}</span>
          <select value={s.speed} onChange={(e) => s.setSpeed(Number(e.target.value))} data-testid="speed">
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <ShareButtons />
    </>
  );
}
