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

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.show();
    input.current?.focus();
  }, []);
  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [entries]);

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
      <div className="terminal-log" ref={log} aria-live="polite" data-testid="terminal-log" tabIndex={0}>
        {entries.map((e) => (
          <EntryView key={e.id} entry={e} />
        ))}
      </div>
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
