import { useEffect, useMemo, useRef } from 'react';
import type { CniEvent } from '../../core/cni/events';
import { CNI_ENV_NAMES } from '../../core/cni/types';
import type { CniStory } from '../../core/model/cniStory';
import { useCniStrings } from './cniPanelStrings';

/*
 * The plugin calls of a CNI story as the runtime made them, nested as they ran (flannel → bridge
 * → host-local): each with its environment and its configuration on stdin, then what it printed
 * on stdout and its exit code. Only what has happened by the playhead is shown; the part the
 * current event is about is marked (aria-current) and scrolled into view.
 */

/** One plugin execution: where it started and ended in the events, and the calls it made. */
interface Call {
  exec: number;
  plugin: string;
  caller: string;
  env: Partial<Record<(typeof CNI_ENV_NAMES)[number], string>>;
  stdin: string;
  exit?: number;
  exitCode?: number;
  stdout?: string;
  children: Call[];
}

/** The calls of a story, as a tree (the runtime's calls at the top). */
export function callTree(events: readonly CniEvent[]): Call[] {
  const top: Call[] = [];
  const stack: Call[] = [];
  events.forEach((e, i) => {
    if (e.type === 'exec') {
      const c: Call = { exec: i, plugin: e.plugin, caller: e.caller.by === 'plugin' ? e.caller.plugin : '', env: e.env, stdin: e.stdin, children: [] };
      (stack.at(-1)?.children ?? top).push(c);
      stack.push(c);
    } else if (e.type === 'exit') {
      const c = stack.pop();
      if (c) Object.assign(c, { exit: i, exitCode: e.exitCode, stdout: e.stdout });
    }
  });
  return top;
}

/** A configuration as a reader wants it: indented JSON (the text as given when it does not parse). */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Whether event `index` falls inside the call (between its exec and its exit, both included). */
function within(c: Call, index: number): boolean {
  return c.exec <= index && (c.exit === undefined || index <= c.exit);
}

function CallView({ call, index, depth }: { call: Call; index: number; depth: number }) {
  const t = useCniStrings();
  const stdin = useMemo(() => pretty(call.stdin), [call.stdin]);
  if (call.exec > index) return null;
  const atExec = index === call.exec;
  const done = call.exit !== undefined && call.exit <= index;
  const atExit = index === call.exit;
  const failed = done && call.exitCode !== 0;
  // The call doing this event itself (a device, a file, an address): the innermost one running.
  const live = within(call, index) && !atExec && !atExit && !call.children.some((c) => within(c, index));
  const cmd = call.env.CNI_COMMAND ?? '';
  return (
    <section className={`cni-call depth-${Math.min(depth, 3)}${done ? '' : ' is-running'}${live ? ' is-live' : ''}`} data-live={live || undefined} data-testid={`cni-call-${call.plugin}`} aria-label={`${call.plugin} ${cmd}`}>
      <h4 className="cni-call-title">
        <span className="cni-plugin">{call.plugin}</span> <span className="cni-cmd">{cmd}</span> <span className="cni-by">· {t.calledBy(call.caller)}</span>
        {!done && <span className="cni-running"> · {t.running}</span>}
      </h4>
      <div className={`cni-in${atExec ? ' is-current' : ''}`} aria-current={atExec ? 'step' : undefined}>
        <div className="cni-label">{t.env}</div>
        <dl className="cni-env" data-testid="cni-env">
          {CNI_ENV_NAMES.filter((k) => call.env[k] !== undefined).map((k) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{call.env[k]}</dd>
            </div>
          ))}
        </dl>
        <div className="cni-label">{t.stdin}</div>
        <pre className="cni-json" data-testid="cni-stdin">{stdin}</pre>
      </div>
      {call.children.map((c) => (
        <CallView key={c.exec} call={c} index={index} depth={depth + 1} />
      ))}
      {done && (
        <div className={`cni-out${atExit ? ' is-current' : ''}${failed ? ' is-error' : ''}`} aria-current={atExit ? 'step' : undefined} data-testid={depth === 0 ? 'cni-result' : undefined}>
          <div className="cni-label">
            {failed ? t.errorOut : t.stdout} <span className="cni-exit" data-testid={depth === 0 ? 'cni-exit-code' : undefined}>{t.exitCode(call.exitCode ?? 0)}</span>
          </div>
          {call.stdout !== undefined && call.stdout !== '' && <pre className="cni-json">{call.stdout}</pre>}
        </div>
      )}
    </section>
  );
}

/** The story's plugin calls up to event `index`, the configuration list first (folded). */
export function CniCalls({ story, index }: { story: CniStory; index: number }) {
  const t = useCniStrings();
  const calls = useMemo(() => callTree(story.events), [story]);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const current = root.current?.querySelector<HTMLElement>('[aria-current="step"]');
    // Else the call at work: its title at the top, so what it does next shows under it.
    const el = current ?? root.current?.querySelector<HTMLElement>('[data-live] > .cni-call-title');
    // jsdom has no scrollIntoView; browsers do.
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: current ? 'nearest' : 'start' });
  }, [index]);
  return (
    <div className="cni-calls" ref={root} data-testid="cni-calls">
      <details className="cni-conflist">
        <summary>{t.conflist}</summary>
        <pre className="cni-json">{story.conflist}</pre>
      </details>
      {calls.map((c) => (
        <CallView key={c.exec} call={c} index={index} depth={0} />
      ))}
    </div>
  );
}
