import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { FIT_MAX, fitView, followView, type View, type Viewport } from '../../geometry/camera';
import type { Box, Point } from '../../geometry/layoutTypes';
import type { ZoomCamera } from './zoomBehaviour';

/** Zoom limits of an ordinary lab; an overview may zoom out further (see the effect in useZoom). */
const MIN_K = 0.15;
const MAX_K = 8;

/**
 * Room kept free of the drawing when fitting, in screen pixels: the strip at the top holds the
 * legend (left) and the zoom buttons (right), and is measured (`top` is its least height, a legend
 * wrapped on a narrow canvas takes more); the drawing has margins of its own on the other edges.
 */
export const CANVAS_INSET = { top: 44, bottom: 6, side: 6 } as const;

/** The part of an svg of `w` × `h` pixels the drawing is fitted into, under a strip `top` pixels high. */
export function freeViewport(w: number, h: number, top: number = CANVAS_INSET.top): Viewport {
  return { x: CANVAS_INSET.side, y: top, w: Math.max(1, w - 2 * CANVAS_INSET.side), h: Math.max(1, h - top - CANVAS_INSET.bottom) };
}

/** What {@link useZoom} gives the canvas. */
export interface ZoomApi {
  /** The current pan and zoom, to put on the content group as a transform. */
  transform: CameraTransform;
  zoomBy: (factor: number) => void;
  /** Scale and centre the content in the viewport. */
  fit: () => void;
  /** The svg's size in pixels, once measured. */
  size: { w: number; h: number };
}

/** How the camera should behave. */
export interface ZoomOptions {
  /** Follow the packet: keep `focus` in view, as large as it fits. */
  follow: boolean;
  /** What to show while following (drawing units); null keeps the view where it is. */
  focus: Box | null;
  /** Where the packet rests at this step (drawing units): it stays in view when `focus` is too big. */
  focusAt: Point | null;
  /** Animate camera moves made for the user (not their own gestures). */
  animate: boolean;
  /** Milliseconds a camera move takes when animated. */
  moveMs: number;
  /** The user panned or zoomed by hand (wheel, drag, buttons). */
  onUserZoom: () => void;
  /** The free part of the svg (see {@link freeViewport}) was measured, in pixels. */
  onViewport?: (w: number, h: number) => void;
  /** Height of the strip of controls over the drawing's top, in pixels. @default CANVAS_INSET.top */
  top?: number;
}

/**
 * The camera as the canvas draws it: d3-zoom's `ZoomTransform` once the behaviour is loaded, the
 * same shape before (`k`, `x`, `y`, `invert`, and `toString` as an SVG transform).
 */
export interface CameraTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
  /** The drawing's point under the screen point `p` (svg pixels). */
  invert(p: [number, number]): [number, number];
  toString(): string;
}

/** A camera placed without d3-zoom (before its chunk arrives), written as d3 writes its transforms. */
class StillCamera implements CameraTransform {
  constructor(
    readonly k: number,
    readonly x: number,
    readonly y: number,
  ) {}
  invert(p: [number, number]): [number, number] {
    return [(p[0] - this.x) / this.k, (p[1] - this.y) / this.k];
  }
  toString(): string {
    return `translate(${this.x},${this.y}) scale(${this.k})`;
  }
}

/** Gestures that reach the svg before d3-zoom is loaded: kept, and handed to it once it is. */
type Early = { kind: 'wheel'; e: WheelEvent } | { kind: 'mousedown'; e: MouseEvent } | { kind: 'touchstart'; e: TouchEvent };

/**
 * The same gesture again, for d3-zoom's listeners on the svg only: it does not bubble, so the page's
 * own handlers do not see it twice.
 */
function again(g: Early): Event {
  const e = g.e;
  const keys = { ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey, bubbles: false, cancelable: true, view: e.view };
  if (g.kind === 'touchstart') return new TouchEvent('touchstart', { ...keys, touches: [...g.e.touches], targetTouches: [...g.e.targetTouches], changedTouches: [...g.e.changedTouches] });
  const m = g.e;
  const mouse = { ...keys, clientX: m.clientX, clientY: m.clientY, screenX: m.screenX, screenY: m.screenY, button: m.button, buttons: m.buttons };
  if (g.kind === 'wheel') return new WheelEvent('wheel', { ...mouse, deltaX: g.e.deltaX, deltaY: g.e.deltaY, deltaZ: g.e.deltaZ, deltaMode: g.e.deltaMode });
  return new MouseEvent('mousedown', mouse);
}

/**
 * d3-zoom on the canvas's `<svg>` (its only target; React renders everything inside). The content
 * (what is drawn, in drawing units) is
 * fitted on mount, when the content's size changes and when the viewport is resized, until the user
 * pans or zooms by hand. While following, every step moves the camera to the step's machines, at a
 * legible scale whatever the size of the canvas (see `followView`).
 *
 * d3-zoom and the d3 modules under it are a chunk of their own (./zoomBehaviour.ts): the first
 * drawing is placed without them, and they load with the first gesture over the drawing (the
 * pointer entering it, a wheel, a press, a touch), the first zoom button or the first animated
 * camera move (no focus listener: Chromium makes an svg with one a Tab stop of its own). A wheel,
 * press or touch that arrives before them is handed to them when they are here (a press already
 * released is not), and an animated move waits for them.
 */
export function useZoom(svgRef: RefObject<SVGSVGElement>, content: Box, opts: ZoomOptions): ZoomApi {
  const [transform, setTransform] = useState<CameraTransform>(() => new StillCamera(1, 0, 0));
  const [size, setSize] = useState({ w: 0, h: 0 });
  const camera = useRef<ZoomCamera | null>(null);
  const loading = useRef<Promise<void> | null>(null);
  /** Where the camera is (drawing placed), for the behaviour to start from. */
  const at = useRef<View>({ x: 0, y: 0, k: 1 });
  const placed = useRef(false);
  /** An animated move asked for while the behaviour loads: the last one is made once it is here. */
  const pending = useRef<{ v: View; ms: number } | null>(null);
  const early = useRef<Early[]>([]);
  const extent = useRef<[number, number]>([MIN_K, MAX_K]);
  const touched = useRef(false);
  const onUser = useRef(opts.onUserZoom);
  const onViewport = useRef(opts.onViewport);
  useEffect(() => {
    onUser.current = opts.onUserZoom;
    onViewport.current = opts.onViewport;
  }, [opts.onUserZoom, opts.onViewport]);

  /** Loads d3-zoom (once) and puts it on the svg where the camera is; hands it what waited. */
  const load = useCallback((): Promise<void> => {
    loading.current ??= import('./zoomBehaviour').then(
      (m) => {
        const svg = svgRef.current;
        if (!svg || camera.current) return;
        camera.current = m.attachZoom(svg, at.current, extent.current, (t, byUser) => {
          if (byUser) {
            touched.current = true;
            onUser.current();
          }
          at.current = { x: t.x, y: t.y, k: t.k };
          setTransform(t);
        });
        const move = pending.current;
        pending.current = null;
        if (move) camera.current.go(move.v, move.ms);
        const waited = early.current;
        early.current = [];
        for (const g of waited) svg.dispatchEvent(again(g));
      },
      () => {
        // The chunk did not come (the network went): the next gesture asks again.
        loading.current = null;
      },
    );
    return loading.current;
  }, [svgRef]);

  /** Move the camera to `v`, animated over `ms` or at once. */
  const go = useCallback(
    (v: View, ms: number) => {
      const first = !placed.current;
      placed.current = true;
      if (camera.current) return camera.current.go(v, ms);
      // The first placement is never animated (a resize places it again at once right after), nor
      // is a move to where the camera already is (the layout settling on the measured stage).
      const still = Math.abs(v.x - at.current.x) < 0.5 && Math.abs(v.y - at.current.y) < 0.5 && Math.abs(v.k - at.current.k) < 1e-3;
      if (ms > 0 && !first && !still) {
        pending.current = { v, ms };
        void load();
        return;
      }
      pending.current = null;
      at.current = v;
      setTransform(new StillCamera(v.k, v.x, v.y));
    },
    [load],
  );

  const top = opts.top ?? CANVAS_INSET.top;
  const viewport = useCallback((): Viewport | null => {
    const svg = svgRef.current;
    if (!svg || svg.clientWidth === 0 || svg.clientHeight === 0) return null;
    return freeViewport(svg.clientWidth, svg.clientHeight, top);
  }, [svgRef, top]);

  const { x: cx, y: cy, w: cw, h: ch } = content;
  const whole = useCallback((vp: Viewport) => fitView({ x: cx, y: cy, w: cw, h: ch }, vp, FIT_MAX), [cx, cy, cw, ch]);

  const fit = useCallback(() => {
    const vp = viewport();
    if (vp) go(whole(vp), 0);
    touched.current = false;
  }, [viewport, whole, go]);

  // Until d3-zoom is here, the drawing listens for the gestures that need it.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const wake = () => void load();
    const keep = (g: Early) => {
      if (camera.current) return;
      early.current.push(g);
      wake();
    };
    const onWheel = (e: WheelEvent) => {
      if (camera.current || !e.isTrusted) return;
      // d3-zoom keeps the page from scrolling under the drawing: so does the wait for it.
      e.preventDefault();
      keep({ kind: 'wheel', e });
    };
    // Only presses d3-zoom takes (its filter, zoomBehaviour.ts): a Shift press is the editor's box.
    const onDown = (e: MouseEvent) => {
      if (e.isTrusted && e.button === 0 && !e.ctrlKey && !e.shiftKey) keep({ kind: 'mousedown', e });
    };
    const onTouch = (e: TouchEvent) => {
      if (e.isTrusted) keep({ kind: 'touchstart', e });
    };
    // A press or touch that ended before d3-zoom came was a click or a tap, not a pan.
    const onUp = () => {
      if (!camera.current) early.current = early.current.filter((g) => g.kind === 'wheel');
    };
    svg.addEventListener('pointerenter', wake);
    svg.addEventListener('wheel', onWheel, { passive: false });
    svg.addEventListener('mousedown', onDown);
    svg.addEventListener('touchstart', onTouch, { passive: true });
    window.addEventListener('mouseup', onUp);
    window.addEventListener('touchend', onUp);
    return () => {
      svg.removeEventListener('pointerenter', wake);
      svg.removeEventListener('wheel', onWheel);
      svg.removeEventListener('mousedown', onDown);
      svg.removeEventListener('touchstart', onTouch);
      window.removeEventListener('mouseup', onUp);
      window.removeEventListener('touchend', onUp);
    };
  }, [svgRef, load]);

  useEffect(
    () => () => {
      camera.current?.detach();
      camera.current = null;
    },
    [],
  );

  // A Kubernetes-sized overview fits only far below the usual 0.15: zooming out stops at half the fit.
  useEffect(() => {
    const vp = viewport();
    if (!vp) return;
    extent.current = [Math.min(MIN_K, whole(vp).k / 2), MAX_K];
    camera.current?.scaleExtent(extent.current[0], extent.current[1]);
  }, [viewport, whole, size]);

  const { follow, focus, focusAt, animate, moveMs } = opts;
  const fx = focus?.x;
  const fy = focus?.y;
  const fw = focus?.w;
  const fh = focus?.h;
  const ax = focusAt?.x;
  const ay = focusAt?.y;
  const place = useCallback(
    (ms: number) => {
      const vp = viewport();
      if (!vp) return;
      if (follow && fx !== undefined && fy !== undefined && fw !== undefined && fh !== undefined) {
        const at = ax !== undefined && ay !== undefined ? { x: ax, y: ay } : null;
        go(followView({ x: fx, y: fy, w: fw, h: fh }, at, vp), ms);
      } else if (!follow && !touched.current) fit();
    },
    [follow, fx, fy, fw, fh, ax, ay, viewport, go, fit],
  );

  // Each step (a new focus) and each switch of follow moves the camera.
  useEffect(() => {
    place(animate ? moveMs : 0);
  }, [place, animate, moveMs]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      const w = svg.clientWidth;
      const h = svg.clientHeight;
      setSize((s) => (s.w === w && s.h === h ? s : { w, h }));
      const vp = viewport();
      if (vp) onViewport.current?.(Math.round(vp.w), Math.round(vp.h));
      place(0);
    });
    ro.observe(svg);
    return () => ro.disconnect();
  }, [place, svgRef, viewport]);

  const zoomBy = useCallback(
    (factor: number) => {
      if (!svgRef.current) return;
      touched.current = true;
      onUser.current();
      if (camera.current) camera.current.scaleBy(factor);
      else void load().then(() => camera.current?.scaleBy(factor));
    },
    [svgRef, load],
  );

  return { transform, zoomBy, fit, size };
}
