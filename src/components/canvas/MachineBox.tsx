import type { IfaceLayout, MachineLayout, NsLayout } from '../../geometry/layoutTypes';
import { METRICS as M } from '../../geometry/metrics';
import { useStrings } from '../i18n/useStrings';

/** Props of {@link MachineBox}. */
export interface MachineBoxProps {
  machine: MachineLayout;
  ifaces: Record<string, IfaceLayout>;
  /** Namespace the current event happens in, drawn emphasised. */
  activeNs: string | null;
  /** Interface id the current event happens on. */
  activeIface: string | null;
}

/** Name, addresses and MAC of an interface, at its label box. */
function IfaceLabel({ l, active }: { l: IfaceLayout; active: boolean }) {
  const title = l.addresses.length > 0 ? `${l.name} ${l.addresses.join(' ')}` : l.name;
  const small = l.placement === 'bridge-port' || l.placement === 'root-port';
  const anchorMiddle = l.placement === 'root-bottom';
  const x = anchorMiddle ? l.labelBox.x + l.labelBox.w / 2 : l.labelBox.x;
  return (
    <text className={`iface-label${active ? ' is-active' : ''}`} textAnchor={anchorMiddle ? 'middle' : 'start'} data-label-for={l.id}>
      <tspan x={x} y={l.labelBox.y + 12} className={small ? 'label-small' : 'label-main'}>
        {title}
      </tspan>
      <tspan x={x} y={l.labelBox.y + 12 + (small ? 13 : M.line)} className="label-mac">
        {l.mac}
      </tspan>
    </text>
  );
}

function Anchor({ l, active }: { l: IfaceLayout; active: boolean }) {
  const r = active ? 6 : 4;
  return l.placement === 'bridge-port' ? (
    <rect className={`iface-anchor${active ? ' is-active' : ''}`} x={l.at.x - r} y={l.at.y - r} width={2 * r} height={2 * r} rx={1.5} data-iface={l.id} />
  ) : (
    <circle className={`iface-anchor${active ? ' is-active' : ''}`} cx={l.at.x} cy={l.at.y} r={r} data-iface={l.id} />
  );
}

function PodBox({ pod, active }: { pod: NsLayout; active: boolean }) {
  return (
    <g data-ns={pod.ns}>
      <rect className={`ns-box pod-box${active ? ' is-active' : ''}`} x={pod.box.x} y={pod.box.y} width={pod.box.w} height={pod.box.h} rx={8} />
      <text className="ns-title" x={pod.box.x + 8} y={pod.box.y + 18}>
        {pod.ns}
      </text>
    </g>
  );
}

/** A machine: its root namespace box, pods, bridges, and every interface with its labels. */
export function MachineBox({ machine, ifaces, activeNs, activeIface }: MachineBoxProps) {
  const t = useStrings();
  const { box } = machine;
  const own = [...machine.root.ifaces, ...machine.pods.flatMap((p) => p.ifaces)].map((id) => ifaces[id]).filter((l) => l !== undefined);
  return (
    <g className={`machine role-${machine.role}`} data-machine={machine.name}>
      <rect className={`machine-box${activeNs === machine.name ? ' is-active' : ''}`} x={box.x} y={box.y} width={box.w} height={box.h} rx={12} data-ns={machine.name} />
      <text className="machine-title" x={box.x + M.pad} y={box.y + 20}>
        {machine.name}
        <tspan className="machine-role" dx={8}>
          {t.view[machine.role]}
        </tspan>
      </text>
      {machine.pods.map((p) => (
        <PodBox key={p.ns} pod={p} active={activeNs === p.ns} />
      ))}
      {machine.bridges.map((b) => (
        <line key={b.id} className="bridge-bar" x1={b.x1} x2={b.x2} y1={b.y} y2={b.y} />
      ))}
      {own.map((l) => (
        <IfaceLabel key={`label:${l.id}`} l={l} active={activeIface === l.id} />
      ))}
      {own.map((l) => (
        <Anchor key={`anchor:${l.id}`} l={l} active={activeIface === l.id} />
      ))}
    </g>
  );
}
