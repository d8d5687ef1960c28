import { useEffect, useId, useRef } from 'react';
import { formatProblem, type Problem } from '../../core';
import { useAppStore } from '../../store/StoreContext';
import type { Lang } from '../../store/types';
import { useDraft, type Refusal } from './useInspectorEdit';

/**
 * A refusal's sentence in `lang`. A problem about the field itself (`at`, or inside or above it)
 * is told without its path, which the field already says; one about another place (a route an
 * address change would strand) keeps that place, written from the namespace (`routes[0].via`).
 */
export function reasonText(p: Problem, lang: Lang, nsPath: string, at: string): string {
  const full = formatProblem(p, lang);
  const sentence = p.path && full.startsWith(`${p.path}: `) ? full.slice(p.path.length + 2) : full;
  const own = p.path === at || at.startsWith(`${p.path}.`) || p.path.startsWith(`${at}.`) || p.path.startsWith(`${at}[`);
  if (own || p.path === '') return sentence;
  const where = p.path.startsWith(`${nsPath}.`) ? p.path.slice(nsPath.length + 1) : p.path;
  return `${where}: ${sentence}`;
}

/** Props of {@link Reason}. */
export interface ReasonProps {
  id: string;
  refusal: Refusal | null;
  /** The namespace's path (`machines[0]`) and the field's (`machines[0].interfaces[1].mac`). */
  nsPath: string;
  at: string;
}

/**
 * Why the value beside it was refused, in the UI's language (it changes with the language switch),
 * announced when it appears. Rendered empty when nothing is refused, so `aria-describedby` always
 * points at something.
 */
export function Reason({ id, refusal, nsPath, at }: ReasonProps) {
  const lang = useAppStore((s) => s.lang);
  const el = useRef<HTMLSpanElement>(null);
  // In a short panel the reason may fall below the field's fold: bring it into view when it appears.
  useEffect(() => {
    if (refusal) el.current?.scrollIntoView?.({ block: 'nearest' });
  }, [refusal]);
  return (
    <span id={id} ref={el} className="ns-reason" role="alert" data-testid="inspector-reason">
      {refusal?.map((p, k) => (
        <span key={k} className="ns-reason-line">
          {reasonText(p, lang, nsPath, at)}
        </span>
      ))}
    </span>
  );
}

/** Props of {@link TextField}. */
export interface TextFieldProps {
  /** The visible label. */
  label: string;
  /** Accessible name when the visible label alone is not enough ("MAC of eth0"). */
  name?: string;
  /** The lab's value. */
  value: string;
  /** Apply a typed value; return the refusal, or null when the lab took it. */
  commit: (text: string) => Refusal | null;
  nsPath: string;
  at: string;
  /** A short hint under the field. */
  help?: string;
  mono?: boolean;
  /** A short value (a number): a narrow field. */
  narrow?: boolean;
  testId?: string;
}

/** A labelled text field of the inspector: commits on Enter or blur, reverts on Escape, says why a value is refused. */
export function TextField({ label, name, value, commit, nsPath, at, help, mono = true, narrow = false, testId }: TextFieldProps) {
  const id = useId();
  const draft = useDraft(value, commit);
  const describedBy = [`${id}-reason`, help ? `${id}-help` : ''].filter(Boolean).join(' ');
  return (
    <div className="ns-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className={[mono ? 'mono' : '', narrow ? 'is-narrow' : ''].filter(Boolean).join(' ') || undefined}
        spellCheck={false}
        autoComplete="off"
        aria-label={name}
        aria-describedby={describedBy}
        data-testid={testId}
        {...draft.input}
      />
      {help && (
        <span id={`${id}-help`} className="ns-help">
          {help}
        </span>
      )}
      <Reason id={`${id}-reason`} refusal={draft.refusal} nsPath={nsPath} at={at} />
    </div>
  );
}

/** A read-only fact of the inspector (a kind, a link, an MTU), as a label and its value. */
export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="ns-field ns-fact">
      <span className="ns-fact-label">{label}</span>
      <span className="mono">{value}</span>
    </div>
  );
}
