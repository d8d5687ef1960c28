import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { Topology } from '../../core';
import { namespaceNames, type DraftField } from '../../store/specDraft';
import { useAppStore } from '../../store/StoreContext';
import { defaultSize, MAX_COUNT, MAX_SIZE } from '../../store/specDraft';
import { useStrings } from '../i18n/useStrings';
import { ScenarioPicker } from './ScenarioPicker';

/** Props of {@link JourneyForm}. */
export interface JourneyFormProps {
  /**
   * Put the scenario picker first, on a row of its own (the folded form's popover). In the header
   * it comes last: there it takes the row's spare width, and when the row is full (an IP address
   * field, UDP's port and size) it is the picker, not a lone checkbox, that moves to a second row.
   * @default false
   */
  pickerFirst?: boolean;
}

/** Above this many pods the lists hold only the pods of the chosen endpoints' machines. */
export const FORM_PODS_MAX = 2000;

/**
 * The pods the From and To lists offer: all of them, or in a Kubernetes-sized lab (150,000 pods
 * would be 300,000 options, seconds to draw) the pods of the machines the endpoints are on, named
 * in `machines`: choosing a machine from the list then offers its pods. The chosen ones are always listed.
 */
export function listedPods(t: Topology, pods: string[], endpoints: string[]): { pods: string[]; machines: string[] | null } {
  if (pods.length <= FORM_PODS_MAX) return { pods, machines: null };
  const machines: string[] = [];
  const out: string[] = [];
  for (const m of t.machines) {
    const mine = m.pods ?? [];
    if (!endpoints.includes(m.name) && !mine.some((p) => endpoints.includes(p.name))) continue;
    machines.push(m.name);
    for (const p of mine) out.push(p.name);
  }
  return { pods: out, machines };
}

/**
 * The journey to simulate, with the scenario picker (a kernel-verified lab and journey, which the
 * fields then change). A list or checkbox re-runs it at once; typed values apply on Enter, on
 * leaving the field, or after a short pause. A bad field is named inline (only once the user has
 * touched it) and the journey from before the edit stays.
 */
export function JourneyForm({ pickerFirst = false }: JourneyFormProps) {
  const t = useStrings();
  const lang = useAppStore((s) => s.lang);
  const topology = useAppStore((s) => s.topology);
  const draft = useAppStore((s) => s.draft);
  const errors = useAppStore((s) => s.errors);
  const engineError = useAppStore((s) => s.engineError);
  const setDraft = useAppStore((s) => s.setDraft);
  const typeDraft = useAppStore((s) => s.typeDraft);
  const commitDraft = useAppStore((s) => s.commitDraft);
  const touchField = useAppStore((s) => s.touchField);
  const runs = useAppStore((s) => s.runs);
  const id = useId();
  const ipRef = useRef<HTMLInputElement>(null);
  // Choosing "IP address…" moves the cursor into the new field (never on page load).
  // So does a form that opens (the folded header's popover) with an IP address still to type.
  const focusIp = useRef(draft.toKind === 'ip' && draft.toIp === '');
  useEffect(() => {
    if (focusIp.current && draft.toKind === 'ip') ipRef.current?.focus();
    focusIp.current = false;
  }, [draft.toKind]);
  /** Props of a typed field: the draft follows each key, the journey waits for Enter, blur or a pause. */
  const typed = (field: DraftField, patch: (v: string) => Parameters<typeof typeDraft>[0]) => ({
    onChange: (e: { target: { value: string } }) => typeDraft(patch(e.target.value)),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        commitDraft();
      }
    },
    onBlur: () => touchField(field),
  });
  const names = namespaceNames(topology);
  const listed = listedPods(topology, names.pods, [draft.from, draft.to]);
  const errorOf = (f: DraftField) => errors.find((e) => e.field === f);
  const invalid = (f: DraftField) => (errorOf(f) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-errors` } : {});
  const nsOptions = (
    <>
      <optgroup label={listed.machines ? `${t.form.pods}: ${listed.machines.join(', ')}` : t.form.pods}>
        {listed.pods.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </optgroup>
      <optgroup label={t.form.machines}>
        {names.machines.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </optgroup>
    </>
  );
  const messages = [...errors.map((e) => e.message[lang]), ...(engineError ? [engineError[lang]] : [])];
  return (
    <form className="journey-form" aria-label={t.form.label} onSubmit={(e) => e.preventDefault()} data-runs={runs}>
      {pickerFirst && <ScenarioPicker />}
      <label>
        <span>{t.form.from}</span>
        <select value={draft.from} onChange={(e) => setDraft({ from: e.target.value })} data-testid="from" {...invalid('from')}>
          {nsOptions}
        </select>
      </label>
      <label>
        <span>{t.form.to}</span>
        <select
          value={draft.toKind === 'ip' ? '' : draft.to}
          onChange={(e) => {
            if (e.target.value !== '') return setDraft({ toKind: 'ns', to: e.target.value });
            focusIp.current = true;
            setDraft({ toKind: 'ip' });
          }}
          data-testid="to"
          {...(draft.toKind === 'ns' ? invalid('to') : {})}
        >
          {nsOptions}
          <option value="">{t.form.ipOption}</option>
        </select>
      </label>
      {draft.toKind === 'ip' && (
        <label>
          <span>{t.form.toIp}</span>
          <input ref={ipRef} className="ip" value={draft.toIp} {...typed('to', (v) => ({ toIp: v }))} placeholder="10.10.11.1" inputMode="decimal" spellCheck={false} data-testid="to-ip" {...invalid('to')} />
        </label>
      )}
      <label>
        <span>{t.form.proto}</span>
        <select value={draft.proto} onChange={(e) => setDraft({ proto: e.target.value as typeof draft.proto })} data-testid="proto">
          <option value="icmp">{t.form.icmp}</option>
          <option value="udp">{t.form.udp}</option>
          <option value="tcp">{t.form.tcp}</option>
        </select>
      </label>
      {draft.proto !== 'icmp' && (
        <label>
          <span>{t.form.port}</span>
          <input className="num" value={draft.port} {...typed('port', (v) => ({ port: v }))} inputMode="numeric" data-testid="port" {...invalid('port')} />
        </label>
      )}
      <label title={t.form.countHelp(MAX_COUNT)}>
        <span>{t.form.count}</span>
        <input className="num" type="number" min={1} max={MAX_COUNT} value={draft.count} {...typed('count', (v) => ({ count: v }))} data-testid="count" {...invalid('count')} />
      </label>
      {draft.proto !== 'tcp' && (
        <label title={t.form.sizeHelp(MAX_SIZE)}>
          <span>{t.form.size}</span>
          <input className="num" value={draft.size} placeholder={String(defaultSize(draft.proto))} {...typed('size', (v) => ({ size: v }))} inputMode="numeric" data-testid="size" {...invalid('size')} />
        </label>
      )}
      <label title={t.form.ttlHelp}>
        <span>{t.form.ttl}</span>
        <input className="num" type="number" min={1} max={255} value={draft.ttl} {...typed('ttl', (v) => ({ ttl: v }))} data-testid="ttl" {...invalid('ttl')} />
      </label>
      <label className="check" title={t.form.clearHelp}>
        <input type="checkbox" checked={draft.clearCaches} onChange={(e) => setDraft({ clearCaches: e.target.checked })} data-testid="clear-caches" />
        <span>{t.form.clear}</span>
      </label>
      {!pickerFirst && <ScenarioPicker />}
      {messages.length > 0 && (
        <div className="form-errors" id={`${id}-errors`} role="alert" data-testid="form-error">
          {messages.map((m) => (
            <p key={m}>{m}</p>
          ))}
          <p className="muted">{t.form.showing}</p>
        </div>
      )}
    </form>
  );
}
