import { useRef } from 'react';
import { useAppStore } from '../store/StoreContext';
import { NetworkCanvas } from './canvas/NetworkCanvas';
import { JourneyForm } from './form/JourneyForm';
import { useStrings } from './i18n/useStrings';
import { Notices } from './Notices';
import { ExplainPanel } from './panels/ExplainPanel';
import { PacketInspector } from './panels/PacketInspector';
import { SidePanels } from './panels/SidePanels';
import { Controls } from './player/Controls';
import { Timeline } from './player/Timeline';
import { useKeyboardShortcuts } from './player/useKeyboardShortcuts';
import { usePlaybackTimer } from './player/usePlaybackTimer';
import { ViewSwitches } from './ViewSwitches';

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
 * The whole player: header with the journey form, drawing, packet, side panels, controls. With the
 * panels hidden (projector mode) the drawing takes the width and this step's text sits under it.
 */
export function AppShell({ globalKeys = false }: AppShellProps) {
  const t = useStrings();
  const lang = useAppStore((s) => s.lang);
  const theme = useAppStore((s) => s.theme);
  const index = useAppStore((s) => s.index);
  const playing = useAppStore((s) => s.playing);
  const panels = useAppStore((s) => s.panels);
  const root = useRef<HTMLDivElement>(null);
  usePlaybackTimer();
  useKeyboardShortcuts(root, globalKeys);
  return (
    <div className={`pj-app${panels ? '' : ' no-panels'}`} data-theme={theme} lang={lang} ref={root} data-testid="app">
      <div className="pj-top">
        <header className="pj-header">
          <h1 className="pj-title">{t.appTitle}</h1>
          <JourneyForm />
          <ViewSwitches />
        </header>
        <Notices />
      </div>
      <main className="pj-main">
        <div className="stage">
          <NetworkCanvas />
          {index === 0 && !playing && (
            <p className="hint" data-testid="hint">
              {t.hint}
              <span className="hint-keys" data-testid="hint-keys">{t.controls.keys}</span>
            </p>
          )}
        </div>
        {panels ? (
          <>
            <PacketInspector />
            <SidePanels />
          </>
        ) : (
          <div className="caption" tabIndex={0}>
            <ExplainPanel />
          </div>
        )}
      </main>
      <footer className="pj-footer">
        <Controls />
        <Timeline />
      </footer>
    </div>
  );
}
