import { lazy, Suspense, useCallback, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';
import { lodFor } from '../../geometry/camera';
import { focusBox, namedAddresses, packetAt } from '../../geometry/focus';
import type { Box, LinkLayout, TopologyLayout } from '../../geometry/layoutTypes';
import { packetSceneAt } from '../../geometry/packetScene';
import { cniFocusOf } from '../../store/cniFocus';
import { stepMs } from '../../store/slices/playbackSlice';
import { selectEvent } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { usePlayerStrings } from '../i18n/usePlayerStrings';
import { Legend } from './Legend';
import { lodOf, OverviewTiles } from './OverviewTiles';
import { openedMachines, useTileRange } from './useOverview';
import { openMachines } from '../../geometry/overview';
import { MachineBox } from './MachineBox';
import { PacketLayer } from './PacketLayer';
import { PinActions } from './PinActions';
import { Segments } from './Segments';
import { StartHint } from './StartHint';
import { CANVAS_INSET, useZoom } from './useZoom';
import { useMeasured } from '../useMeasured';

// The palette loads when edit mode first opens: the player's first page stays small.
const loadToolbar = () => import('../editor/EditToolbar');
const loadLayer = () => import('../editor/EditLayer');
const EditToolbar = lazy(() => loadToolbar().then((m) => ({ default: m.EditToolbar })));
const EditLayer = lazy(() => loadLayer().then((m) => ({ default: m.EditLayer })));
/** Fetch edit mode's chunks when the pointer or the focus reaches ✎ Edit, so they are there when it is pressed. */
const preloadEditor = () => {
  void loadToolbar();
  void loadLayer();
};

/** Canvas width under which a CNI story zooms to its node. */
const STORY_ZOOM_BELOW_PX = 720;

/** Playing, nothing is selected (one object, so the boxes' props stay equal between renders). */
const NO_SELECTION: readonly string[] = [];

/** Height the drawing leaves free at the top for the strip of legend and buttons: its bottom edge, plus a gap. */
function useStripHeight(ref: RefObject<HTMLDivElement>): number {
  return useMeasured(ref, readStripHeight, CANVAS_INSET.top);
}

function readStripHeight(el: HTMLDivElement): number | null {
  const h = Math.ceil(el.offsetTop + el.offsetHeight + 4);
  return h > 4 ? Math.max(CANVAS_INSET.top, h) : null;
}

/** The links drawn under the machines (segment drops), and each machine's veth pairs by machine name. */
function splitLinks(layout: TopologyLayout): { outer: LinkLayout[]; inner: Map<string, LinkLayout[]> } {
  const machineOfNs = new Map<string, string>();
  for (const m of layout.machines) {
    machineOfNs.set(m.name, m.name);
    for (const p of m.pods) machineOfNs.set(p.ns, m.name);
  }
  const outer: LinkLayout[] = [];
  const inner = new Map<string, LinkLayout[]>();
  for (const l of layout.links) {
    // A veth link's id is `veth:<ns>/<iface>` of one of its ends.
    const ns = l.kind === 'veth' ? l.id.slice('veth:'.length).split('/')[0] : undefined;
    const m = ns !== undefined ? machineOfNs.get(ns) : undefined;
    if (m === undefined) outer.push(l);
    else inner.set(m, [...(inner.get(m) ?? []), l]);
  }
  return { outer, inner };
}

/** Props of {@link NetworkCanvas}. */
export interface NetworkCanvasProps {
  /** Inside an embed: no edit button and no "press Play" hint (the slide or the page drives it). @default false */
  embedded?: boolean;
}

/**
 * The network drawing with the moving packet; pan with drag, zoom with the wheel or the buttons.
 * "Follow" moves the camera to the machines of each step, so labels stay legible on a projector and
 * in big clusters. The machines are arranged for the canvas's shape (see `fitLayout`), labels show
 * as much as their size allows (see `lodFor`), and a click on a machine or pod pins its tables.
 */
export function NetworkCanvas({ embedded = false }: NetworkCanvasProps = {}) {
  const t = usePlayerStrings();
  // A CNI story draws the lab as its events so far left it (the slice computed each step's drawing).
  const cni = useAppStore((s) => s.cni);
  const base = useAppStore((s) => (s.cni ? (s.cni.layouts[s.cni.index] ?? s.layout) : s.layout));
  const topology = useAppStore((s) => s.topology);
  const ev = useAppStore((s) => (s.cni ? null : selectEvent(s)));
  const events = useAppStore((s) => (s.cni ? undefined : s.result?.events));
  const index = useAppStore((s) => s.index);
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const follow = useAppStore((s) => s.follow);
  const setFollow = useAppStore((s) => s.setFollow);
  const pinnedNs = useAppStore((s) => s.pinnedNs);
  const togglePin = useAppStore((s) => s.togglePin);
  // A Kubernetes-sized lab is an overview of tiles: the journey's machines and the pinned one open in full.
  const opened = useMemo(() => (base.overview ? openedMachines(topology, events ?? [], pinnedNs) : NO_SELECTION), [base, topology, events, pinnedNs]);
  const layout = useMemo(() => openMachines(base, topology, opened), [base, topology, opened]);
  const setStage = useAppStore((s) => s.setStage);
  const editing = useAppStore((s) => s.mode === 'edit');
  const selected = useAppStore((s) => s.selected);
  const select = useAppStore((s) => s.select);
  const selection = useAppStore((s) => s.selection);
  const toggleSelect = useAppStore((s) => s.toggleSelect);
  const pick = useCallback((ns: string, additive: boolean) => (additive ? toggleSelect(ns) : select(ns)), [select, toggleSelect]);
  const setMode = useAppStore((s) => s.setMode);
  const cameraRef = useRef<SVGGElement>(null);
  // While a machine moves (edit mode's layer says so), the camera holds the drawing's extent from then.
  const [frozen, setFrozen] = useState<Box | null>(null);
  const reduced = usePrefersReducedMotion();
  const scene = useMemo(() => (events ? packetSceneAt(layout, events, index) : null), [layout, events, index]);
  // A CNI story happens on one node: on a small canvas the camera keeps that node in view, as
  // large as it fits (a wide one shows the whole lab legibly).
  const narrow = useAppStore((s) => (s.stage?.w ?? Infinity) < STORY_ZOOM_BELOW_PX);
  const storyMachine = narrow ? cni?.story.machine : undefined;
  const storyBox = useMemo(() => (storyMachine !== undefined ? (layout.machines.find((m) => m.name === storyMachine)?.box ?? null) : null), [layout, storyMachine]);
  const named = useMemo(() => namedAddresses(events?.[index]), [events, index]);
  const focus = useMemo(() => storyBox ?? (follow && scene ? focusBox(layout, scene, named) : null), [storyBox, follow, layout, scene, named]);
  const focusAt = useMemo(() => (follow && scene ? packetAt(scene) : null), [follow, scene]);
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const stripRef = useRef<HTMLDivElement>(null);
  const top = useStripHeight(stripRef);
  const starting = index === 0 && !playing && !embedded && !cni;
  // Editing, the camera shows the whole lab (never the packet) and holds still while a machine moves.
  const { transform, zoomBy, fit, size } = useZoom(svgRef, frozen ?? layout.bounds, {
    follow: (follow || storyBox !== null) && !editing,
    focus,
    focusAt,
    animate: !reduced,
    moveMs: Math.min(450, 0.3 * stepMs(speed)),
    onUserZoom: () => setFollow(false),
    onViewport: setStage,
    top,
  });
  const view = { x: transform.x, y: transform.y, k: transform.k };
  const overview = layout.overview;
  const range = useTileRange(overview, transform, size);
  const openedSet = useMemo(() => new Set(opened), [opened]);
  const overviewLod = overview ? lodOf(overview, transform.k) : null;
  const farOverview = overviewLod === 'marks';
  const cniFocus = cni ? cniFocusOf(cni) : null;
  const activeNs = cniFocus ? cniFocus.ns : (ev?.ns ?? null);
  const activeIface = cniFocus ? cniFocus.iface : ev && (ev.type === 'frame' || (ev.type === 'drop' && ev.iface !== undefined)) ? `${ev.ns}/${ev.iface ?? ''}` : null;
  // The journey's start: where its first packet is sent (the form's source until it has run).
  const sourceNs = events?.find((e) => e.type === 'send')?.ns ?? null;
  const pinnedBox = pinnedNs ? layout.namespaces[pinnedNs]?.box : undefined;
  // Veth pairs run inside one machine: each machine draws its own over its box; the segments'
  // drops and lanes are drawn under everything.
  const { outer, inner } = useMemo(() => splitLinks(layout), [layout]);
  const focusPinned = useCallback(() => {
    const sel = pinnedNs ? `[data-pin="${CSS.escape(pinnedNs)}"]` : null;
    if (sel) canvasRef.current?.querySelector<SVGGElement>(sel)?.focus();
  }, [pinnedNs]);
  const toActions = useCallback(() => canvasRef.current?.querySelector<HTMLButtonElement>('[data-testid="pin-actions"] button:not(:disabled)')?.focus(), []);
  // The drawing is one Tab stop (roving tabindex): the box last focused, else the pinned one, else
  // the first; the arrows, Home and End move between the boxes in drawing order.
  const [roving, setRoving] = useState<string | null>(null);
  const boxes = useMemo(() => layout.machines.flatMap((m) => [m.name, ...m.pods.map((p) => p.ns)]), [layout]);
  const tabStop = roving !== null && boxes.includes(roving) ? roving : pinnedNs ?? boxes[0] ?? null;
  const descId = useId();
  const onBoxFocus = (e: FocusEvent<SVGSVGElement>) => {
    const ns = e.target instanceof Element ? e.target.getAttribute('data-pin') : null;
    if (ns !== null) setRoving(ns);
  };
  const onBoxKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const ns = e.target instanceof Element ? e.target.getAttribute('data-pin') : null;
    if (ns === null || e.altKey || e.ctrlKey || e.metaKey) return;
    // Editing, the arrows move the selected machine (the editor's keys), not the focus.
    if (editing && selected === ns && e.key.startsWith('Arrow')) return;
    const k = boxes.indexOf(ns);
    const to = { ArrowRight: k + 1, ArrowDown: k + 1, ArrowLeft: k - 1, ArrowUp: k - 1, Home: 0, End: boxes.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = boxes[Math.max(0, Math.min(boxes.length - 1, to))];
    if (next === undefined) return;
    setRoving(next);
    svgRef.current?.querySelector<SVGGElement>(`[data-pin="${CSS.escape(next)}"]`)?.focus();
  };
  const onMenu = useCallback((ns: string) => {
    if (editing) select(ns);
    else if (pinnedNs !== ns) togglePin(ns);
  }, [editing, select, pinnedNs, togglePin]);
  const toDrawing = useCallback((x: number, y: number) => transform.invert([x, y]), [transform]);
  return (
    <div className="canvas" ref={canvasRef}>
      <svg
        ref={svgRef}
        className="canvas-svg"
        role="group"
        aria-label={t.view.drawing}
        aria-describedby={descId}
        data-roving="true"
        onFocus={onBoxFocus}
        onKeyDown={onBoxKey}
        data-testid="network-canvas"
        data-follow={follow ? 'true' : 'false'}
        data-lod={lodFor(transform.k)}
        data-arrangement={layout.arrangement.kind}
        // Editing, a click on the empty drawing lets the selection go (boxes stop their own clicks).
        onClick={editing ? () => select(null) : undefined}
      >
        <g ref={cameraRef} transform={transform.toString()} data-testid="camera" data-scale={transform.k.toFixed(3)} className={editing ? 'is-editing' : undefined}>
          <Segments segments={layout.segments} links={outer} />
          {overview && range && (
            <OverviewTiles overview={overview} topology={topology} range={range} lod={overviewLod ?? 'marks'} opened={openedSet} activeNs={editing ? null : activeNs} activeIface={editing ? null : activeIface} pinnedNs={editing ? null : pinnedNs} onPin={editing ? pick : togglePin} onMenu={onMenu} onTabToActions={toActions} tabStop={tabStop} />
          )}
          {/* From far an overview's opened machines are marks of their own (OverviewTiles), not specks of drawing. */}
          {!farOverview && layout.machines.map((m) => (
            <MachineBox key={m.name} machine={m} ifaces={layout.ifaces} links={inner.get(m.name) ?? []} activeNs={editing ? null : activeNs} activeIface={editing ? null : activeIface} pinnedNs={editing ? null : pinnedNs} selection={editing ? selection : NO_SELECTION} editing={editing} onPin={editing ? pick : togglePin} onMenu={onMenu} onTabToActions={toActions} tabStop={tabStop} />
          ))}
          {editing && (
            <Suspense fallback={null}>
              <EditLayer svg={svgRef} camera={cameraRef} layout={layout} onFrozen={setFrozen} />
            </Suspense>
          )}
          {/* Editing, the drawing shows the lab only: the packet comes back in play mode. */}
          {!editing && !cni && <PacketLayer scene={scene} />}
        </g>
      </svg>
      {/* Said from far; close up (following the packet) it would only cover the drawing. */}
      {overview && overviewLod !== 'full' && (
        <p className="overview-note" data-testid="overview-note">
          {t.anySize.overview.note(overview.tiles.length, overview.tiles.reduce((n, tile) => n + tile.pods, 0))}
        </p>
      )}
      <p id={descId} className="sr-only">
        {t.anySize.canvas.label}
      </p>
      {!editing && pinnedNs && pinnedBox && <PinActions ns={pinnedNs} box={pinnedBox} view={view} canvas={size} onLeave={focusPinned} />}
      <div className="canvas-strip" ref={stripRef}>
        {editing ? (
          <div className="strip-left">
            <Suspense fallback={null}>
              <EditToolbar svg={svgRef} toDrawing={toDrawing} />
            </Suspense>
          </div>
        ) : (
          // Before the journey starts, the hint lies over the legend's place.
          <div className={`strip-left${starting ? ' is-starting' : ''}`}>
            <Legend />
            {starting && <StartHint view={view} canvas={size} source={sourceNs ? (layout.namespaces[sourceNs]?.box ?? null) : null} machines={layout.machines.map((m) => m.box)} top={top} />}
          </div>
        )}
        <div className="zoom-controls">
          {!embedded && (
          <button type="button" className="edit-btn" aria-pressed={editing} onPointerEnter={preloadEditor} onFocus={preloadEditor} onClick={() => setMode(editing ? 'play' : 'edit')} title={t.editor.modeHelp} data-testid="edit-mode">
            <span aria-hidden="true">✎ </span>
            {t.editor.mode}
          </button>
          )}
          <button
            type="button"
            className="follow-btn"
            aria-pressed={follow}
            hidden={editing}
            onClick={() => {
              setFollow(!follow);
              if (follow) fit();
            }}
            title={t.view.followHelp}
            data-testid="follow"
          >
            <span aria-hidden="true">◎ </span>
            {t.view.follow}
          </button>
          <button type="button" onClick={() => zoomBy(1.25)} aria-label={t.view.zoomIn} title={t.view.zoomIn}>
            +
          </button>
          <button type="button" onClick={() => zoomBy(0.8)} aria-label={t.view.zoomOut} title={t.view.zoomOut}>
            −
          </button>
          <button
            type="button"
            onClick={() => {
              setFollow(false);
              fit();
            }}
            aria-label={t.view.fit}
            title={t.view.fit}
            data-testid="fit"
          >
            ⤢
          </button>
        </div>
      </div>
    </div>
  );
}
