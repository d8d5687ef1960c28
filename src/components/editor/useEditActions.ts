import { useMemo } from 'react';
import type { Topology } from '../../core';
import { addNode, addPod, addRouter, addSegment, clipboardEmpty, copyNamespaces, moveMachine, pasteNamespaces, pinPositions, removeNamespace, type LabPoint } from '../../core/editing';
import type { TopologyLayout } from '../../geometry/layoutTypes';
import type { PlayerStore } from '../../store/createPlayerStore';
import { useAppStoreApi } from '../../store/StoreContext';
import type { CniOffer } from '../../store/slices/cniSlice';
import { EDITOR_EN, EDITOR_RU } from '../i18n/editorStrings';

/** What the palette can add. */
export type PaletteKind = 'node' | 'pod' | 'router' | 'segment';

/** The editor's actions, each one edit through the store's gate (one undo step). */
export interface EditActions {
  /** Add `kind`: a machine at `at` (or in its automatic place), a pod or segment on `target` (or the selection's machine). */
  add: (kind: PaletteKind, opts?: { at?: LabPoint; target?: string | null }) => void;
  /** Delete the selection (a pod with its host veth, a machine with its pods), one undo step. */
  removeSelected: () => void;
  /** Move the selected machines (and the machines of selected pods) by `dx`, `dy` drawing units. */
  moveSelected: (dx: number, dy: number) => void;
  /** Copy the selection (Ctrl+C); false when nothing is selected. */
  copy: () => boolean;
  /** Copy, then delete the selection (Ctrl+X). */
  cut: () => void;
  /** Paste what was copied (Ctrl+V), one undo step; the pasted namespaces become the selection. */
  paste: () => void;
  /** Select every machine (Ctrl+A). */
  selectAll: () => void;
}

/** Both languages' sentence for a refusal the UI words itself. */
function both(pick: (t: typeof EDITOR_EN) => string) {
  return { en: pick(EDITOR_EN), ru: pick(EDITOR_RU) };
}

/** The machine a namespace belongs to (itself for a machine), or null. */
export function machineOfNs(t: Topology, ns: string | null): string | null {
  if (ns === null) return null;
  const m = t.machines.find((mm) => mm.name === ns || (mm.pods ?? []).some((p) => p.name === ns));
  return m?.name ?? null;
}

/** Where each machine is drawn now (its box's corner), for {@link pinPositions}. */
export function drawnAt(layout: TopologyLayout): (name: string) => LabPoint | undefined {
  return (name) => {
    const box = layout.machines.find((m) => m.name === name)?.box;
    return box ? { x: box.x, y: box.y } : undefined;
  };
}

/** The machines of namespaces `names` (a machine itself, a pod's machine), each once, in lab order. */
export function machinesOf(t: Topology, names: readonly string[]): string[] {
  const want = new Set(names.map((n) => machineOfNs(t, n)));
  return t.machines.filter((m) => want.has(m.name)).map((m) => m.name);
}

/** Room left between a dropped machine and one it would have covered. */
const DROP_GAP = 24;

/**
 * A machine dropped over others moves right, past each box it covers, in the same undo step (a
 * merge): nothing a class needs to read is hidden under a new machine.
 */
function clearOthers(store: PlayerStore, name: string, label: string): void {
  for (let round = 0; round < store.getState().layout.machines.length; round++) {
    const { layout, edit } = store.getState();
    const me = layout.machines.find((m) => m.name === name)?.box;
    if (!me) return;
    const hit = layout.machines.find((m) => m.name !== name && m.box.x < me.x + me.w && me.x < m.box.x + m.box.w && m.box.y < me.y + me.h && me.y < m.box.y + m.box.h);
    if (!hit) return;
    edit(label, (t) => moveMachine(t, name, { x: hit.box.x + hit.box.w + DROP_GAP, y: me.y }), { history: 'merge' });
  }
}

function actions(store: PlayerStore): EditActions {
  const s = () => store.getState();
  const created = (name: string) => s().select(name);
  return {
    add: (kind, opts = {}) => {
      const st = s();
      const target = machineOfNs(st.topology, opts.target !== undefined ? opts.target : st.selected);
      if (kind === 'node' || kind === 'router') {
        let made: string | null = null;
        const ok = st.edit(kind === 'node' ? 'addNode' : 'addRouter', (t) => {
          // A machine put somewhere by hand: the others keep their places around it.
          const base = opts.at ? pinPositions(t, drawnAt(st.layout)) : t;
          const out = kind === 'node' ? addNode(base, opts.at) : addRouter(base, opts.at);
          made = out?.name ?? null;
          return out?.topology ?? t;
        });
        if (ok && made) {
          clearOthers(store, made, kind === 'node' ? 'addNode' : 'addRouter');
          created(made);
        } else if (!ok) st.refuse(both((e) => e.full));
        return;
      }
      if (kind === 'pod') {
        const node = st.topology.machines.find((m) => m.name === target);
        if (!node || node.role !== 'node') {
          st.refuse(both((e) => e.needNode));
          return;
        }
        let made: string | null = null;
        let offer: CniOffer | null = null;
        if (st.edit('addPod', (t) => {
          const out = addPod(t, node.name);
          made = out.pod.name;
          // The ADD that wired the pod, for "Watch how the CNI plugin wired it".
          offer = { before: t, machine: node.name, pod: out.pod.name, add: out.cni };
          return out.topology;
        }) && made) {
          created(made);
          s().offerCniStory(offer);
        }
        return;
      }
      if (target === null) {
        st.refuse(both((e) => e.needMachine));
        return;
      }
      if (!st.edit('addSegment', (t) => addSegment(t, target)?.topology ?? t)) st.refuse(both((e) => e.full));
    },
    removeSelected: () => {
      const st = s();
      const sel = st.selection.length > 0 ? st.selection : st.selected !== null ? [st.selected] : [];
      if (sel.length > 0) st.edit('remove', (t) => sel.reduce(removeNamespace, t));
    },
    moveSelected: (dx, dy) => {
      const st = s();
      const names = machinesOf(st.topology, st.selection.length > 0 ? st.selection : st.selected !== null ? [st.selected] : []);
      if (names.length === 0) return;
      st.edit(names.length > 1 ? 'moveMany' : 'move', (t) =>
        names.reduce((acc, name) => {
          const box = st.layout.machines.find((m) => m.name === name)?.box;
          return box ? moveMachine(acc, name, { x: box.x + dx, y: box.y + dy }) : acc;
        }, pinPositions(t, drawnAt(st.layout))),
      );
    },
    copy: () => {
      const st = s();
      const clip = copyNamespaces(st.topology, st.selection);
      if (clipboardEmpty(clip)) {
        st.refuse(both((e) => e.needSelection));
        return false;
      }
      st.setClipboard(clip);
      st.refuse(null);
      return true;
    },
    cut: () => {
      if (actions(store).copy()) actions(store).removeSelected();
    },
    paste: () => {
      const st = s();
      const clip = st.clipboard;
      if (!clip || clipboardEmpty(clip)) {
        st.refuse(both((e) => e.nothingToPaste));
        return;
      }
      let names: string[] = [];
      const ok = st.edit('paste', (t) => {
        const out = pasteNamespaces(pinPositions(t, drawnAt(st.layout)), clip, drawnAt(st.layout), machineOfNs(t, st.selected));
        names = out.names;
        return out.topology;
      });
      if (!ok) return;
      const made = machinesOf(s().topology, names).filter((n) => names.includes(n));
      for (const m of made) clearOthers(store, m, 'paste');
      s().selectMany(names);
    },
    selectAll: () => {
      const st = s();
      st.selectMany(st.topology.machines.map((m) => m.name));
    },
  };
}

/** The editor's actions for this app's store. */
export function useEditActions(): EditActions {
  const store = useAppStoreApi();
  return useMemo(() => actions(store), [store]);
}

/** The same actions outside React (the keyboard shortcuts). */
export { actions as editActionsOf };
