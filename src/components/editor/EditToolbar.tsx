import { useCallback, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { useAppStore } from '../../store/StoreContext';
import { useEditActions, type PaletteKind } from './useEditActions';
import { useEditorStrings } from '../i18n/editorStrings';

/** Props of {@link EditToolbar}. */
export interface EditToolbarProps {
  /** The drawing's svg: a palette item let go over it is added there. */
  svg: RefObject<SVGSVGElement>;
  /** A point of the svg (pixels from its corner) in drawing units: the camera's inverse. */
  toDrawing: (x: number, y: number) => [number, number];
}

/** Pixels a pointer must travel before a press on a palette item becomes a drag rather than a click. */
const DRAG_START_PX = 5;

const KINDS: PaletteKind[] = ['node', 'pod', 'router', 'segment'];

/**
 * Edit mode's strip over the drawing: the palette (each item a button: click or Enter adds it to
 * the selection or in its automatic place; a drag drops it where it is let go). A palette drag follows the pointer with pointer events (captured on the button), so a
 * real mouse drag and a touch work alike; the ghost under the pointer lets events through.
 */
export function EditToolbar({ svg, toDrawing }: EditToolbarProps) {
  const e = useEditorStrings();
  const act = useEditActions();
  /** A palette item let go over the drawing: a machine where it fell, a pod or segment on the machine under it. */
  const onDrop = useCallback((kind: PaletteKind, cx: number, cy: number) => {
    const el = svg.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    if (cx < r.left || cx > r.right || cy < r.top || cy > r.bottom) return;
    const [x, y] = toDrawing(cx - r.left, cy - r.top);
    const target = document.elementFromPoint(cx, cy)?.closest('[data-machine]')?.getAttribute('data-machine') ?? null;
    // The machine's title band lands under the pointer, not its corner.
    if (kind === 'node' || kind === 'router') act.add(kind, { at: { x: x - 60, y: y - 16 } });
    else act.add(kind, { target });
  }, [svg, toDrawing, act]);
  const press = useRef<{ kind: PaletteKind; x: number; y: number; moved: boolean } | null>(null);
  const dragged = useRef(false);
  const [ghost, setGhost] = useState<{ kind: PaletteKind; x: number; y: number } | null>(null);
  const label: Record<PaletteKind, string> = { node: e.addNode, pod: e.addPod, router: e.addRouter, segment: e.addSegment };
  const help: Record<PaletteKind, string> = { node: e.addNodeHelp, pod: e.addPodHelp, router: e.addRouterHelp, segment: e.addSegmentHelp };
  const down = (kind: PaletteKind) => (ev: PointerEvent<HTMLButtonElement>) => {
    if (ev.button !== 0) return;
    press.current = { kind, x: ev.clientX, y: ev.clientY, moved: false };
    dragged.current = false;
    ev.currentTarget.setPointerCapture(ev.pointerId);
  };
  const move = (ev: PointerEvent<HTMLButtonElement>) => {
    const p = press.current;
    if (!p) return;
    if (!p.moved && Math.hypot(ev.clientX - p.x, ev.clientY - p.y) < DRAG_START_PX) return;
    p.moved = true;
    setGhost({ kind: p.kind, x: ev.clientX, y: ev.clientY });
  };
  const up = (ev: PointerEvent<HTMLButtonElement>) => {
    const p = press.current;
    press.current = null;
    setGhost(null);
    if (!p?.moved) return;
    // The click that follows this drag must not add a second one.
    dragged.current = true;
    onDrop(p.kind, ev.clientX, ev.clientY);
  };
  return (
    <div className="edit-strip" data-testid="edit-strip">
      <div className="palette" role="toolbar" aria-label={e.palette}>
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className={`palette-item palette-${k}`}
            title={help[k]}
            data-palette={k}
            onPointerDown={down(k)}
            onPointerMove={move}
            onPointerUp={up}
            onPointerCancel={() => {
              press.current = null;
              setGhost(null);
            }}
            onClick={() => {
              if (dragged.current) {
                dragged.current = false;
                return;
              }
              act.add(k);
            }}
          >
            <span aria-hidden="true" className="palette-icon">+</span>
            {label[k]}
          </button>
        ))}
      </div>
      {ghost && (
        <div className="palette-ghost" style={{ left: ghost.x, top: ghost.y }} aria-hidden="true">
          {label[ghost.kind]}
        </div>
      )}
    </div>
  );
}

/** Undo, Redo and Delete (of the selection), at the head of the editor's panel. */
export function EditHistory() {
  const e = useEditorStrings();
  const act = useEditActions();
  const canUndo = useAppStore((s) => s.canUndo);
  const canRedo = useAppStore((s) => s.canRedo);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const selected = useAppStore((s) => s.selected);
  const hasClip = useAppStore((s) => s.clipboard !== null);
  return (
    <div className="edit-history" role="group" aria-label={`${e.undo} / ${e.redo}`}>
      <button type="button" onClick={undo} disabled={!canUndo} title={e.undoHelp} data-testid="undo">
        <span aria-hidden="true">↶ </span>
        {e.undo}
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title={e.redoHelp} data-testid="redo">
        <span aria-hidden="true">↷ </span>
        {e.redo}
      </button>
      <button type="button" onClick={act.removeSelected} disabled={selected === null} title={e.removeHelp} data-testid="delete">
        {e.remove}
      </button>
      <button type="button" onClick={act.copy} disabled={selected === null} title={e.copyHelp} data-testid="copy">
        {e.copy}
      </button>
      <button type="button" onClick={act.paste} disabled={!hasClip} title={e.pasteHelp} data-testid="paste">
        {e.paste}
      </button>
    </div>
  );
}
