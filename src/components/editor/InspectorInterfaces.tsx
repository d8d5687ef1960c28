import type { EtherIface, IfaceSpec } from '../../core';
import { useId, useState } from 'react';
import { addressesFromText, linkToSegment, removeNic, renameInterface, setAddresses, setMac, type NsPlace } from '../../core/editing';
import { useAppStore } from '../../store/StoreContext';
import { useInspectorStrings, type INSPECTOR_EN } from '../i18n/inspectorStrings';
import { Fact, Reason, TextField } from './InspectorField';
import type { LabCommit, Refusal } from './useInspectorEdit';

/** Props of the inspector's sections. */
export interface SectionProps {
  place: NsPlace;
  commit: LabCommit;
}

/** What an interface is linked to, as the inspector says it. */
function linkText(t: typeof INSPECTOR_EN, i: IfaceSpec, all: readonly IfaceSpec[]): string {
  if (i.kind === 'ether') return t.linkSegment(i.segment);
  if (i.kind === 'vxlan') return t.linkVxlan(i.vni, i.port, i.dev);
  if (i.kind === 'veth') return [t.linkPeer(`${i.peer.ns}/${i.peer.iface}`), i.master ? t.linkPort(i.master) : ''].filter(Boolean).join('; ');
  return t.linkBridge(all.filter((p) => p.master === i.name).map((p) => p.name).join(', '));
}

/**
 * A NIC's segment as a select: choosing another plugs the NIC into it (`linkToSegment`, one undo
 * step), the keyboard's way to do what dragging a cable does on the drawing; a refusal (a full
 * subnet) stays beside it with its reason.
 */
function SegmentSelect({ place, commit, iface, index }: CardProps & { iface: EtherIface }) {
  const t = useInspectorStrings();
  const segments = useAppStore((s) => s.topology.segments);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const id = useId();
  const at = `${place.path}.interfaces[${index}].segment`;
  return (
    <label className="ns-field">
      <span>{t.link}</span>
      <select
        value={iface.segment}
        aria-invalid={refusal ? true : undefined}
        aria-describedby={refusal ? `${id}-why` : undefined}
        data-testid={`iface-segment-${index}`}
        onChange={(e) => setRefusal(commit('link', (x) => linkToSegment(x, { ns: place.ns.name, iface: iface.name }, e.target.value).topology))}
      >
        {segments.map((s) => (
          <option key={s.id} value={s.id}>
            {t.linkSegment(s.label ? `${s.id} (${s.label})` : s.id)}
          </option>
        ))}
      </select>
      {refusal && <Reason id={`${id}-why`} refusal={refusal} nsPath={place.path} at={at} />}
    </label>
  );
}

/** Deletes a NIC (`removeNic`: its routes go with it, and an emptied segment), one undo step. */
function RemoveNic({ place, commit, iface }: CardProps) {
  const t = useInspectorStrings();
  return (
    <button type="button" className="ns-remove-nic" title={t.removeNicHelp} data-testid={`iface-remove-${iface.name}`}
      onClick={() => commit('removeNic', (x) => removeNic(x, { ns: place.ns.name, iface: iface.name }))}>
      {t.removeNic(iface.name)}
    </button>
  );
}

/** Props of one interface's card. */
interface CardProps extends SectionProps {
  iface: IfaceSpec;
  index: number;
}

/** One interface as a folding card; its fields are built only while it is open (a node may have hundreds of veths). */
function IfaceCard({ place, commit, iface: i, index: k }: CardProps) {
  const t = useInspectorStrings();
  const [open, setOpen] = useState(k === 0);
  const nsName = place.ns.name;
  const at = `${place.path}.interfaces[${k}]`;
  const addresses = (i.addresses ?? []).join(', ');
  return (
    <details className="ns-iface" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={`inspector-iface-${k}`}>
      <summary>
        <span className="mono ns-iface-name">{i.name}</span>
        <span className="ns-iface-sum mono">{addresses || t.noAddress}</span>
      </summary>
      {open && (
        <div className="ns-grid">
          <TextField label={t.ifaceName} name={t.fieldOf(t.ifaceName, i.name)} value={i.name} nsPath={place.path} at={`${at}.name`} testId={`iface-name-${k}`}
            commit={(v) => commit('renameIface', (x) => renameInterface(x, nsName, i.name, v.trim()))} />
          <TextField label={t.addresses} name={t.fieldOf(t.addresses, i.name)} value={addresses} nsPath={place.path} at={`${at}.addresses`} testId={`iface-addresses-${k}`}
            commit={(v) => commit('addresses', (x) => setAddresses(x, nsName, i.name, addressesFromText(v)))} />
          <TextField label={t.mac} name={t.fieldOf(t.mac, i.name)} value={i.mac} nsPath={place.path} at={`${at}.mac`} testId={`iface-mac-${k}`}
            commit={(v) => commit('mac', (x) => setMac(x, nsName, i.name, v))} />
          <Fact label={t.kind} value={t.kindNames[i.kind] ?? i.kind} />
          {i.kind === 'ether' ? <SegmentSelect place={place} commit={commit} iface={i} index={k} /> : <Fact label={t.link} value={linkText(t, i, place.ns.interfaces)} />}
          <Fact label={t.mtu} value={String(i.mtu ?? 1500)} />
          {i.kind === 'ether' && <RemoveNic place={place} commit={commit} iface={i} index={k} />}
        </div>
      )}
    </details>
  );
}

/**
 * The interfaces of the selected namespace, one folding card each (the first open): name,
 * IP/prefix and MAC to edit; kind, link and MTU to read. Cards are keyed by position, so renaming
 * an interface keeps its card, and the focus, where they are.
 */
export function InspectorInterfaces({ place, commit }: SectionProps) {
  return (
    <ul className="ns-ifaces">
      {place.ns.interfaces.map((i, k) => (
        <li key={k}>
          <IfaceCard place={place} commit={commit} iface={i} index={k} />
        </li>
      ))}
    </ul>
  );
}
