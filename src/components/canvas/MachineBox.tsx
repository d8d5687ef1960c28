import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { IfaceLayout, LinkLayout, MachineLayout, NsLayout } from '../../geometry/layoutTypes';
import { METRICS as M } from '../../geometry/metrics';
import { usePlayerStrings } from '../i18n/usePlayerStrings';

/** Props of {@link MachineBox}. */
export interface MachineBoxProps {
  machine: MachineLayout;
  ifaces: Record<string, IfaceLayout>;
  /** The veth pairs inside this machine, drawn over its box and under its labels. */
  links: LinkLayout[];
  /** Namespace the current event happens in, drawn emphasised. */
  activeNs: string | null;
  /** Interface id the current event happens on. */
  activeIface: string | null;
  /** Namespace whose tables are pinned, drawn with a dashed outline. */
  pinnedNs: string | null;
  /** Namespaces selected in edit mode, drawn with a thick outline (empty when playing). @default [] */
  selection?: readonly string[];
  /** Edit mode: a click, Enter or Space selects rather than pins. @default false */
  editing?: boolean;
  /** A click, Enter or Space on a namespace box: pin or unpin its tables (`additive`: Shift was held, editing adds to the selection). */
  onPin: (ns: string, additive: boolean) => void;
  /** A right click on a namespace box: pin it (its actions show). */
  onMenu: (ns: string) => void;
  /** Tab on the pinned box: go to its actions (they are drawn after the whole drawing). */
  onTabToActions: () => void;
  /** The one box of the drawing Tab reaches (roving tabindex: the arrows move between the boxes). */
  tabStop: string | null;
}

/** `10.10.10.1/24` as the address and its prefix, so the level of detail can hide the prefix. */
function splitPrefix(a: string): [string, string] {
  const k = a.indexOf('/');
  return k < 0 ? [a, ''] : [a.slice(0, k), a.slice(k)];
}

/** An interface's addresses, space-separated, each prefix in its own tspan (the level of detail hides them). */
function Addresses({ l }: { l: IfaceLayout }) {
  return (
    <>
      {l.addresses.map((a, k) => {
        const [ip, prefix] = splitPrefix(a);
        return (
          <tspan key={a}>
            {`${k > 0 ? ' ' : ''}${ip}`}
            {prefix && <tspan className="label-prefix">{prefix}</tspan>}
          </tspan>
        );
      })}
    </>
  );
}

/**
 * Name, addresses and MAC of an interface, at its label box. The MAC line and the prefixes carry
 * their own classes: the drawing's level of detail (`data-lod` on the svg) hides them when the text
 * would be too small, and shows them again on the machine under the pointer, focused or pinned.
 */
function IfaceLabel({ l, active }: { l: IfaceLayout; active: boolean }) {
  const small = l.placement === 'bridge-port' || l.placement === 'root-port';
  const anchorMiddle = small || l.placement === 'root-bottom' || l.placement === 'root-top';
  const x = anchorMiddle ? l.labelBox.x + l.labelBox.w / 2 : l.labelBox.x;
  return (
    <text className={`iface-label${small ? ' is-port' : ''}${active ? ' is-active' : ''}`} textAnchor={anchorMiddle ? 'middle' : 'start'} data-label-for={l.id}>
      {l.wrap ? (
        <>
          <tspan x={x} y={l.labelBox.y + 12} className="label-main">
            {l.name}
          </tspan>
          {l.addresses.length > 0 && (
            <tspan x={x} y={l.labelBox.y + 12 + M.line} className="label-main">
              <Addresses l={l} />
            </tspan>
          )}
        </>
      ) : (
        <tspan x={x} y={l.labelBox.y + 12} className={small ? 'label-small' : 'label-main'}>
          {l.name}
          {l.addresses.length > 0 && ' '}
          <Addresses l={l} />
        </tspan>
      )}
      <tspan x={x} y={l.labelBox.y + 12 + (small ? 13 : (l.wrap && l.addresses.length > 0 ? 2 : 1) * M.line)} className="label-mac">
        {l.mac}
      </tspan>
    </text>
  );
}

/**
 * A raised label's leader: from its NIC on the machine's edge to the label, a tier away, through
 * the gap its neighbours' labels leave (placeMachine's staggered NIC row).
 */
function Leader({ l }: { l: IfaceLayout }) {
  if (!l.raised) return null;
  const top = l.placement === 'root-top';
  // Under the label's last line (the MAC, a line higher when a wrapped label has no addresses), just below its baseline.
  const lines = l.wrap && l.addresses.length > 0 ? 3 : 2;
  const y2 = top ? l.labelBox.y : l.labelBox.y + 12 + (lines - 1) * M.line + 5;
  return <line className="nic-leader" x1={l.at.x} x2={l.at.x} y1={l.at.y} y2={y2} data-leader-for={l.id} />;
}

function Anchor({ l, active }: { l: IfaceLayout; active: boolean }) {
  const r = active ? 6 : 4;
  return l.placement === 'bridge-port' ? (
    <rect className={`iface-anchor${active ? ' is-active' : ''}`} x={l.at.x - r} y={l.at.y - r} width={2 * r} height={2 * r} rx={1.5} data-iface={l.id} />
  ) : (
    <circle className={`iface-anchor${active ? ' is-active' : ''}`} cx={l.at.x} cy={l.at.y} r={r} data-iface={l.id} />
  );
}

/**
 * What a namespace box says to assistive technology: its name and kind as the box shows them (so
 * the accessible name starts with the visible label, "node1 node"), its interfaces, listening
 * ports, and what activating it does (pin its tables, or select it in edit mode).
 */
function nsLabel(t: ReturnType<typeof usePlayerStrings>, n: NsLayout, kind: string, ifaces: IfaceLayout[], pinned: boolean, editing: boolean): string {
  const list = ifaces.map((l) => [l.name, ...l.addresses, ...(l.mac ? [`MAC ${l.mac}`] : [])].join(' ')).join('; ');
  const listens = n.listeners.length > 0 ? ` ${t.panels.listens(n.listeners.join(', '))}.` : '';
  const help = editing ? t.editor.selectHelp : pinned ? t.view.unpinHelp : t.view.pinHelp;
  return `${n.ns} ${kind}${list ? `: ${list}` : ''}.${listens} ${help}`;
}

/**
 * The ports a program listens on, after a namespace's name ("tcp/80 udp/53"), so a class sees at a
 * glance where a SYN will be answered. Hidden with the prefixes when labels are tiny (`data-lod`).
 */
function Listeners({ n, dx }: { n: NsLayout; dx: number }) {
  if (n.listeners.length === 0) return null;
  return (
    <tspan className="ns-listen" dx={dx} data-listeners={n.ns}>
      {n.listeners.join(' ')}
    </tspan>
  );
}

/**
 * Handlers that make a box act as a toggle button: click, Enter or Space pins it; right click pins
 * it too (its actions show). A click by mouse gives the focus back to the page, so Space and the
 * arrows keep driving the player rather than this box.
 */
function pinHandlers(ns: string, pinned: boolean, p: Pick<MachineBoxProps, 'onPin' | 'onMenu' | 'onTabToActions'>) {
  const { onPin, onMenu, onTabToActions } = p;
  return {
    onClick: (e: MouseEvent<SVGGElement>) => {
      e.stopPropagation();
      onPin(ns, e.shiftKey);
      if (e.detail > 0) e.currentTarget.blur();
    },
    onKeyDown: (e: KeyboardEvent<SVGGElement>) => {
      if (e.key === 'Tab' && !e.shiftKey && pinned) {
        e.preventDefault();
        onTabToActions();
        return;
      }
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      e.stopPropagation();
      onPin(ns, e.shiftKey);
    },
    onContextMenu: (e: MouseEvent<SVGGElement>) => {
      e.preventDefault();
      e.stopPropagation();
      onMenu(ns);
    },
  };
}

const NONE: readonly string[] = [];

type Handlers = Pick<MachineBoxProps, 'onPin' | 'onMenu' | 'onTabToActions'>;

function PodBox({ pod, active, pinned, selected, label, handlers, tabbable }: { pod: NsLayout; active: boolean; pinned: boolean; selected: boolean; label: string; handlers: Handlers; tabbable: boolean }) {
  return (
    <g className={`ns-hit${pinned ? ' is-pinned' : ''}${selected ? ' is-selected' : ''}`} data-ns={pod.ns} data-pin={pod.ns} data-selected={selected || undefined} role="button" tabIndex={tabbable ? 0 : -1} aria-pressed={pinned || selected} aria-label={label} {...pinHandlers(pod.ns, pinned, handlers)}>
      <rect className={`ns-box pod-box${active ? ' is-active' : ''}`} x={pod.box.x} y={pod.box.y} width={pod.box.w} height={pod.box.h} rx={8} />
      <text className="ns-title" x={pod.box.x + 8} y={pod.box.y + 18}>
        {pod.ns}
        <Listeners n={pod} dx={10} />
      </text>
    </g>
  );
}

/**
 * A machine: its root namespace box, pods, bridges, and every interface with its labels. The
 * machine box and each pod box are buttons that pin their tables (see `CanvasSlice.pinnedNs`);
 * they are siblings, never nested, and labels let clicks through to the box under them.
 */
function MachineBoxView({ machine, ifaces, links, activeNs, activeIface, pinnedNs, selection = NONE, editing = false, onPin, onMenu, onTabToActions, tabStop }: MachineBoxProps) {
  const isSelected = (ns: string) => selection.includes(ns);
  const handlers = { onPin, onMenu, onTabToActions };
  const t = usePlayerStrings();
  const { box } = machine;
  const of = (ids: string[]) => ids.map((id) => ifaces[id]).filter((l) => l !== undefined);
  const own = [...of(machine.root.ifaces), ...machine.pods.flatMap((p) => of(p.ifaces))];
  const pinnedHere = pinnedNs === machine.name || machine.pods.some((p) => p.ns === pinnedNs);
  return (
    <g className={`machine role-${machine.role}${pinnedHere ? ' is-pinned' : ''}`} data-machine={machine.name}>
      <g
        className={`ns-hit${pinnedNs === machine.name ? ' is-pinned' : ''}${isSelected(machine.name) ? ' is-selected' : ''}`}
        data-pin={machine.name}
        data-selected={isSelected(machine.name) || undefined}
        role="button"
        tabIndex={tabStop === machine.name ? 0 : -1}
        aria-pressed={pinnedNs === machine.name || isSelected(machine.name)}
        aria-label={nsLabel(t, machine.root, t.view[machine.role], of(machine.root.ifaces), pinnedNs === machine.name, editing)}
        {...pinHandlers(machine.name, pinnedNs === machine.name, handlers)}
      >
        <rect className={`machine-box${activeNs === machine.name ? ' is-active' : ''}`} x={box.x} y={box.y} width={box.w} height={box.h} rx={12} data-ns={machine.name} />
        <text className="machine-title" x={box.x + M.pad} y={machine.titleY}>
          {machine.name}{' '}
          <tspan className="machine-role" dx={4}>
            {t.view[machine.role]}
          </tspan>
          <Listeners n={machine.root} dx={10} />
        </text>
      </g>
      {machine.pods.map((p) => (
        <PodBox
          key={p.ns}
          pod={p}
          active={activeNs === p.ns}
          pinned={pinnedNs === p.ns}
          selected={isSelected(p.ns)}
          label={nsLabel(t, p, t.view.pod, of(p.ifaces), pinnedNs === p.ns, editing)}
          handlers={handlers}
          tabbable={tabStop === p.ns}
        />
      ))}
      <g className="machine-decor" aria-hidden="true">
        {links.map((k) => (
          <path key={k.id} className={`link link-${k.kind}`} d={k.d} />
        ))}
        {machine.bridges.map((b) => (
          <line key={b.id} className="bridge-bar" x1={b.x1} x2={b.x2} y1={b.y} y2={b.y} />
        ))}
        {own.map((l) => (
          <Leader key={`leader:${l.id}`} l={l} />
        ))}
        {own.map((l) => (
          <IfaceLabel key={`label:${l.id}`} l={l} active={activeIface === l.id} />
        ))}
        {own.map((l) => (
          <Anchor key={`anchor:${l.id}`} l={l} active={activeIface === l.id} />
        ))}
      </g>
    </g>
  );
}

/**
 * Whether a machine's drawing can stay as it is: the same placement (a machine that did not move
 * keeps its layout objects, its interfaces' with them, so `ifaces` need not be compared; see
 * geometry/layout.ts), the same veth lines, the same state and handlers. A drag then redraws only
 * the machine it moves, not the whole lab at every move.
 */
function sameBox(a: MachineBoxProps, b: MachineBoxProps): boolean {
  if (a.machine !== b.machine || a.links.length !== b.links.length || a.links.some((l, k) => l.id !== b.links[k]?.id || l.d !== b.links[k]?.d)) return false;
  return a.activeNs === b.activeNs && a.activeIface === b.activeIface && a.pinnedNs === b.pinnedNs && a.selection === b.selection && a.editing === b.editing
    && a.onPin === b.onPin && a.onMenu === b.onMenu && a.onTabToActions === b.onTabToActions && a.tabStop === b.tabStop;
}

/** A machine: its root namespace box, pods, bridges, and every interface with its labels (see {@link MachineBoxView}). */
export const MachineBox = memo(MachineBoxView, sameBox);
