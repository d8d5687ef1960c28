import { useId, useState, type ReactNode } from 'react';
import { IFACE_SYSCTL_KEYS, setIfaceSysctl, setNsSysctl, sysctlsOf, type ShownSysctl, type SysctlReading } from '../../core/editing';
import { useInspectorStrings } from '../i18n/inspectorStrings';
import { Reason, TextField } from './InspectorField';
import type { SectionProps } from './InspectorInterfaces';
import type { Refusal } from './useInspectorEdit';

/** Props of {@link Entry}. */
interface EntryProps {
  id: string;
  name: ShownSysctl | 'ip_forward';
  /** The accessible name when it must say where ("proxy_arp on eth0"); the key itself otherwise. */
  label?: string;
  reading: SysctlReading<boolean | number>;
  /** What Linux acts on, when it differs from this entry's own value. */
  effect?: string;
  describedBy: string;
  set: (value: boolean | number) => void;
  testId: string;
}

/** One sysctl: a checkbox, or for rp_filter a select of its three modes. */
function Entry({ id, name, label, reading, effect, describedBy, set, testId }: EntryProps) {
  const t = useInspectorStrings();
  const control =
    name === 'rp_filter' ? (
      <select id={id} value={String(reading.value)} onChange={(e) => set(Number(e.target.value))} aria-label={label} aria-describedby={describedBy} data-testid={testId}>
        {[0, 1, 2].map((v) => (
          <option key={v} value={v}>
            {t.rp[v]}
          </option>
        ))}
      </select>
    ) : (
      <input id={id} type="checkbox" checked={reading.value === true} onChange={(e) => set(e.target.checked)} aria-label={label} aria-describedby={describedBy} data-testid={testId} />
    );
  return (
    <div className={`ns-switch${name === 'rp_filter' ? ' is-select' : ''}`}>
      {name !== 'rp_filter' && control}
      <label htmlFor={id} className="mono">
        {name}
      </label>
      {name === 'rp_filter' && control}
      {effect && <span className="ns-effect">{effect}</span>}
    </div>
  );
}

/** Props of {@link IfaceSysctls}. */
interface IfaceSysctlsProps {
  iface: string;
  n: number;
  own: { own: Record<ShownSysctl, SysctlReading<boolean | number>>; effective: Record<ShownSysctl, boolean | number> };
  uid: string;
  describe: (key: string) => string;
  onOff: (v: boolean | number) => string;
  set: (key: ShownSysctl, value: boolean | number) => void;
  reason: ReactNode;
}

/** One interface's own sysctls, folded; its entries are built only while it is open. */
function IfaceSysctls({ iface, n, own, uid, describe, onOff, set, reason }: IfaceSysctlsProps) {
  const t = useInspectorStrings();
  const [open, setOpen] = useState(false);
  return (
    <details className="ns-iface" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={`sysctl-iface-${n}`}>
      <summary>{t.ifaceSysctls(iface)}</summary>
      {open && (
        <div className="ns-switches">
          {IFACE_SYSCTL_KEYS.map((k) => {
            const effective = own.effective[k];
            return (
              <Entry
                key={k}
                id={`${uid}-${n}-${k}`}
                name={k}
                label={t.sysctlOf(k, iface)}
                reading={own.own[k]}
                {...(effective !== own.own[k].value ? { effect: t.inEffect(onOff(effective)) } : {})}
                describedBy={describe(k)}
                set={(v) => set(k, v)}
                testId={`sysctl-${n}-${k}`}
              />
            );
          })}
        </div>
      )}
      {reason}
    </details>
  );
}

/**
 * The selected namespace's sysctls: its own (`ip_forward`, `ip_default_ttl`), `conf/all`, and
 * each interface's, folded. Each entry shows the value it has (its own or Linux's default, as
 * `ip_forward` leaves it) with a short explanation; an interface's entry also says what Linux acts
 * on when `all` overrides it. Every change is one undo step.
 */
export function InspectorSysctls({ place, commit }: SectionProps) {
  const t = useInspectorStrings();
  const uid = useId();
  const [refusal, setRefusal] = useState<{ where: string; problems: Refusal } | null>(null);
  const ns = place.ns;
  const view = sysctlsOf(ns);
  const explainId = (key: string) => `${uid}-explain-${key}`;
  const onOff = (v: boolean | number) => (typeof v === 'number' ? (t.rp[v] ?? String(v)) : v ? t.on : t.off);
  const run = (where: string, r: Refusal | null) => setRefusal(r ? { where, problems: r } : null);
  const reason = (where: string) => (
    <Reason id={`${uid}-reason-${where}`} refusal={refusal?.where === where ? refusal.problems : null} nsPath={place.path} at={`${place.path}.sysctls`} />
  );
  const allKeys = IFACE_SYSCTL_KEYS.filter((k) => k !== 'forwarding');
  return (
    <div className="ns-sysctls">
      <fieldset>
        <legend>{t.nsSysctls}</legend>
        <Entry
          id={`${uid}-ip_forward`}
          name="ip_forward"
          reading={view.ip_forward}
          describedBy={`${explainId('ip_forward')} ${uid}-reason-ns`}
          set={(v) => run('ns', commit('sysctl', (x) => setNsSysctl(x, ns.name, 'ip_forward', v)))}
          testId="sysctl-ip_forward"
        />
        <p id={explainId('ip_forward')} className="ns-help">
          {t.explain.ip_forward}
        </p>
        <div className="ns-grid">
          <TextField
            label="ip_default_ttl"
            value={String(view.ip_default_ttl.value)}
            nsPath={place.path}
            at={`${place.path}.sysctls.ip_default_ttl`}
            help={t.explain.ip_default_ttl}
            narrow
            testId="sysctl-ip_default_ttl"
            commit={(v) => commit('sysctl', (x) => setNsSysctl(x, ns.name, 'ip_default_ttl', v.trim() === '' ? undefined : v))}
          />
        </div>
        {reason('ns')}
      </fieldset>
      <fieldset>
        <legend>{t.allSysctls}</legend>
        {allKeys.map((k) => (
          <div key={k} className="ns-sysctl">
            <Entry
              id={`${uid}-all-${k}`}
              name={k}
              reading={view.all[k]}
              describedBy={`${explainId(k)} ${uid}-reason-all`}
              set={(v) => run('all', commit('sysctl', (x) => setIfaceSysctl(x, ns.name, null, k, v)))}
              testId={`sysctl-all-${k}`}
          />
            <p id={explainId(k)} className="ns-help">
              {t.explain[k]}
            </p>
          </div>
        ))}
        {reason('all')}
      </fieldset>
      <p id={explainId('forwarding')} className="ns-help ns-iface-note">
        <span className="mono">forwarding</span>: {t.explain.forwarding}
      </p>
      {ns.interfaces.map((i, n) => {
        const own = view.ifaces.get(i.name);
        if (!own) return null;
        return (
          <IfaceSysctls key={n} iface={i.name} n={n} own={own} uid={uid} describe={(k) => `${explainId(k)} ${uid}-reason-if${n}`} onOff={onOff}
            set={(k, v) => run(`if${n}`, commit('sysctl', (x) => setIfaceSysctl(x, ns.name, i.name, k, v)))} reason={reason(`if${n}`)} />
        );
      })}
    </div>
  );
}
