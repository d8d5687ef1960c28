import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { humanDuration } from '../../core/cluster/humanDuration';
import { notesCommands, runCommand, startTerminal, type TerminalReply, type TerminalState } from '../../core/cluster/terminal';
import { useAppStore } from '../../store/StoreContext';
import { codeSpans } from './codeSpans';
import { useTerminalStrings } from '../i18n/terminalStrings';

/** One command and what came of it, as the panel shows it. */
interface Entry {
  id: number;
  command: string;
  reply: TerminalReply;
}

/** Props of {@link TerminalPanel}. */
export interface TerminalPanelProps {
  onClose: () => void;
}

/**
 * The cluster terminal: a non-modal panel over the drawing (the lab stays in view and playable)
 * with the notes' commands as buttons, a prompt with history (↑/↓), the tools' output as they
 * print it, and after a DaemonSet restart what it changes in the datapath and what it does not.
 * The terminal's clock and restarts live here, not in the store: they are not the lab and never
 * enter its history; the answers read the store's current lab, so an edit shows at once.
 */
export function TerminalPanel({ onClose }: TerminalPanelProps) {
  const t = useTerminalStrings();
  const lab = useAppStore((s) => s.topology);
  const cluster = lab.cluster;
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<TerminalState | null>(() => (cluster ? startTerminal(cluster) : null));
  const [entries, setEntries] = useState<Entry[]>([]);
  const [line, setLine] = useState('');
  const [recall, setRecall] = useState<number | null>(null);
  // Long lines are not wrapped (a terminal keeps kubectl's columns): the output scrolls sideways,
  // and what is cut off on either side is shown, with buttons and keys to reach it.
  const [cut, setCut] = useState({ left: false, right: false });
  const measure = () => {
    const l = log.current;
    if (!l) return;
    const next = { left: l.scrollLeft > 1, right: l.scrollLeft + l.clientWidth < l.scrollWidth - 1 };
    setCut((old) => (old.left === next.left && old.right === next.right ? old : next));
  };

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.show();
    input.current?.focus();
  }, []);
  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
    measure();
  }, [entries]);
  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  if (!cluster || !state) return null;
  const history = entries.map((e) => e.command);

  const run = (command: string) => {
    const text = command.trim();
    if (text === '') return;
    const { reply, state: next } = runCommand(lab, cluster, state, text);
    setState(next);
    setEntries(reply.kind === 'clear' ? [] : [...entries, { id: (entries.at(-1)?.id ?? 0) + 1, command: text, reply }]);
    setLine('');
    setRecall(null);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run(line);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // The player's keys (arrows, space) stay out of the prompt; Escape still closes the panel.
    if (e.key === 'Escape') return;
    e.stopPropagation();
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    if (history.length === 0) return;
    e.preventDefault();
    const at = recall === null ? history.length : recall;
    const next = Math.min(history.length, Math.max(0, at + (e.key === 'ArrowUp' ? -1 : 1)));
    setRecall(next === history.length ? null : next);
    setLine(history[next] ?? '');
  };
  // The output's own keys scroll it (the browser's default for a focused scroll box), not the player.
  const onLogKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (SCROLL_KEYS.has(e.key)) e.stopPropagation();
  };
  const slide = (dir: -1 | 1) => {
    const l = log.current;
    if (!l) return;
    l.scrollBy({ left: dir * Math.max(80, l.clientWidth * 0.6) });
    measure();
  };
  const onDialogKey = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onClose();
  };

  return (
    <dialog ref={dialog} className="terminal-panel" aria-labelledby={`${id}-title`} onKeyDown={onDialogKey} data-testid="terminal">
      <div className="terminal-head">
        <h2 id={`${id}-title`}>{t.title(cluster.profile)}</h2>
        <span className="terminal-clock" data-testid="terminal-clock">{t.clock(humanDuration(state.now))}</span>
        <button type="button" className="notices-close" onClick={onClose} aria-label={t.close} title={t.close}>
          ×
        </button>
      </div>
      <p className="terminal-intro">{t.intro}</p>
      <div className="terminal-commands" role="group" aria-label={t.commands}>
        {notesCommands(lab).map((c) => (
          <button key={c} type="button" onClick={() => run(c)}>
            <code>{c}</code>
          </button>
        ))}
      </div>
      <div
        className={`terminal-log${cut.left ? ' is-cut-left' : ''}${cut.right ? ' is-cut-right' : ''}`}
        ref={log}
        role="region"
        aria-label={t.output}
        aria-live="polite"
        data-testid="terminal-log"
        tabIndex={0}
        onKeyDown={onLogKey}
        onScroll={measure}
      >
        {entries.map((e) => (
          <EntryView key={e.id} entry={e} />
        ))}
      </div>
      {(cut.left || cut.right) && (
        <div className="terminal-sideways" data-testid="terminal-sideways">
          <button type="button" onClick={() => slide(-1)} disabled={!cut.left} aria-label={t.left} title={t.left} data-testid="terminal-left">
            ◀
          </button>
          <span>{t.wider}</span>
          <button type="button" onClick={() => slide(1)} disabled={!cut.right} aria-label={t.right} title={t.right} data-testid="terminal-right">
            ▶
          </button>
        </div>
      )}
      <form className="terminal-prompt" onSubmit={onSubmit}>
        <label htmlFor={`${id}-line`} className="sr-only">
          {t.prompt}
        </label>
        <span aria-hidden="true">$</span>
        <input
          id={`${id}-line`}
          ref={input}
          value={line}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          data-testid="terminal-input"
        />
        <button type="submit">{t.run}</button>
      </form>
    </dialog>
  );
}

/** Keys that move a focused scroll box: kept from the player's shortcuts while the output has focus. */
const SCROLL_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', ' ']);

function EntryView({ entry }: { entry: Entry }) {
  const t = useTerminalStrings();
  const { reply } = entry;
  // What a restart changes depends on the CNI whose DaemonSet it is: calico-node, cilium, or flannel's.
  const restarted = reply.kind === 'output' ? reply.restarted?.name : undefined;
  const told = restarted === 'calico-node' ? t.restartCalico : restarted === 'cilium' ? t.restartCilium : t.restart;
  return (
    <div className="terminal-entry">
      <pre className="terminal-command">$ {entry.command}</pre>
      {reply.kind === 'output' && reply.text !== '' && <pre className="terminal-output">{reply.text}</pre>}
      {reply.kind === 'output' && reply.exitCode !== 0 && <p className="terminal-exit">{t.exitCode(reply.exitCode)}</p>}
      {reply.kind === 'unknown' && <p className="terminal-say">{codeSpans(t.unknown(reply.command))}</p>}
      {reply.kind === 'started' && <p className="terminal-say">{t.started}</p>}
      {reply.kind === 'output' && reply.restarted && (
        <section className="terminal-restart" data-testid="terminal-restart">
          <h3>{t.restart.title}</h3>
          <h4>{t.restart.changes}</h4>
          <ul>
            {told.changed.map((s) => (
              <li key={s}>{codeSpans(s)}</li>
            ))}
          </ul>
          <h4>{t.restart.stays}</h4>
          <ul>
            {told.unchanged.map((s) => (
              <li key={s}>{codeSpans(s)}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
