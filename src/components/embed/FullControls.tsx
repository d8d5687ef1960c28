import { Controls } from '../player/Controls';
import { Timeline } from '../player/Timeline';

/**
 * The app's controls and timeline under an embedded player (`controls=full`): play, steps, speed,
 * link buttons, export menu, chapters and their contents. A chunk of its own
 * (`FullControlsSlot.tsx`), so an embed with fewer controls never loads them.
 */
export function FullControls() {
  return (
    <footer className="pj-footer">
      <Controls />
      <Timeline />
    </footer>
  );
}
