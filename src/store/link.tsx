import { generateCluster, seedTopology, type Bilingual, type JourneySpec, type Topology } from '../core';
// Writing a lab into a link brings lz-string: this module loads with the app's page and the link buttons, never with a player's first paint.
import { encodeLabLink } from '../core/model/labLink';
import { findScenario } from './presets';
import { createContext, useContext } from 'react';
import type { AppState } from './appState';
import { isLab, type LabParams } from './sameLab';
import { defaultSize } from './specDraft';

export type { LabParams } from './sameLab';

/** Whether the camera follows the packet when nothing asks otherwise: for labs of more than 4 machines. */
export function defaultFollow(t: Topology): boolean {
  return t.machines.length > 4;
}

/** What a link is built from: the journey shown (never a half-typed draft), the step and the view. */
export type LinkState = Pick<AppState, 'result' | 'index' | 'lang' | 'theme' | 'speed' | 'follow' | 'panels' | 'panelsAuto' | 'topology' | 'preset'> & Partial<Pick<AppState, 'hideFuture' | 'cni' | 'langWanted'>>;

/** How the view may be overridden in a link (an embed asks for the drawing, following the packet). */
export type LinkView = Partial<Pick<LinkState, 'follow' | 'panels'>>;

/**
 * The query string (without `?`) that opens this app as it is now: the lab, the journey shown, the
 * event and the view, in the parameters `src/app/urlParams.ts` reads. Journey, language, theme
 * and step are always written, so the link opens the same thing in any browser; speed and follow
 * only when they differ from what the player would choose anyway, panels only when someone chose
 * (a small screen's closed drawer is no choice to pass on). `view` overrides the view
 * (an embed asks for `panels=0&follow=1`). Null before any journey ran.
 */
export function linkParams(s: LinkState, lab: LabParams | null, view: LinkView = {}): string | null {
  const spec = s.result?.spec;
  if (!spec) return null;
  const q = new URLSearchParams();
  // A scenario's lab replaced the one the app opened with (a generated cluster's size no longer applies).
  const scenario = s.preset !== null ? findScenario(s.preset) : undefined;
  if (scenario && isLab(s.topology, `preset:${scenario.id}`, scenario.topology)) q.set('preset', scenario.id);
  else if (lab && isLab(s.topology, `lab:${lab.nodes}x${lab.pods}`, () => generateCluster({ nodes: lab.nodes, podsPerNode: lab.pods }))) {
    q.set('nodes', String(lab.nodes));
    q.set('pods', String(lab.pods));
  } else if (!isLab(s.topology, 'seed', seedTopology)) {
    // Any other lab (edited, imported, opened from a link) travels whole, compressed (?lab=).
    q.set('lab', encodeLabLink(s.topology));
  }
  // A CNI scenario on screen travels as its id (it plays over the lab the link opens with).
  const story = s.cni?.story.id;
  if (story && !q.has('preset') && !q.has('lab')) q.set('preset', story);
  q.set('from', spec.from);
  q.set('to', spec.to);
  q.set('proto', spec.proto);
  if (spec.proto !== 'icmp') q.set('port', String(spec.port));
  q.set('count', String(spec.count));
  // 0: the source's own ip_default_ttl, which the link need not (and ?ttl=0 cannot) say.
  if (spec.ttl !== 0) q.set('ttl', String(spec.ttl));
  // Only a size other than the protocol's default (the form leaves that one empty). TCP sends none.
  if (spec.size !== undefined && spec.proto !== 'tcp' && spec.size !== defaultSize(spec.proto)) q.set('size', String(spec.size));
  q.set('warm', spec.warm ? '1' : '0');
  q.set('lang', s.langWanted ?? s.lang);
  q.set('theme', s.theme);
  q.set('step', String(s.index + 1));
  if (s.speed !== 1) q.set('speed', String(s.speed));
  const follow = view.follow ?? s.follow;
  if (view.follow !== undefined || follow !== defaultFollow(s.topology)) q.set('follow', follow ? '1' : '0');
  const panels = view.panels ?? s.panels;
  if (view.panels !== undefined || !s.panelsAuto) q.set('panels', panels ? '1' : '0');
  if (s.hideFuture === true) q.set('future', '0');
  return q.toString();
}

/** The address of this step: the host's `base` (the player's page, without a query) and {@link linkParams}. */
export function stepLink(host: Pick<Host, 'linkBase' | 'lab'>, s: LinkState, view: LinkView = {}): string | null {
  const q = host.linkBase === null ? null : linkParams(s, host.lab, view);
  return q === null ? null : `${host.linkBase}?${q}`;
}

/** Size of the embed the code suggests: a 16:9 slide's usual frame. */
export const EMBED_SIZE = { width: 960, height: 540 } as const;

function attr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The embed page beside the player's page: `embed.html` in the same directory (the player's
 * `index.html`, or the directory itself, is replaced).
 */
export function embedBase(linkBase: string): string {
  return linkBase.replace(/[^/]*$/, 'embed.html');
}

/**
 * An `<iframe>` for a slide deck showing this step in the embed view (`embed.html`: the drawing
 * following the packet, one line of explanation, the step buttons; docs/embed-api.md), 960×540.
 * `title` names the frame for screen readers, in the page's language.
 */
export function embedCode(host: Pick<Host, 'linkBase' | 'lab'>, s: LinkState, title: string): string | null {
  const q = host.linkBase === null ? null : linkParams(s, host.lab);
  if (q === null || host.linkBase === null) return null;
  const url = `${embedBase(host.linkBase)}?${q}`;
  return `<iframe src="${attr(url)}" width="${EMBED_SIZE.width}" height="${EMBED_SIZE.height}" title="${attr(title)}" style="border:0" loading="lazy" allowfullscreen></iframe>`;
}

/** What a link's parameters say (the app's `parseUrlParams`, handed in through {@link Host}: the store and components know no app). */
export interface LinkRead {
  topology?: Topology;
  spec?: JourneySpec;
  step?: number;
  linkErrors: Bilingual[];
  brokenLab?: unknown;
}

/**
 * What the page hosting an app offers it, set once by `src/app` (the only code that reads the
 * address bar and the clipboard): where links to the player start, the lab's link size, the clipboard.
 */
export interface Host {
  /** The player's page address without a query; null when the host gives none (no link buttons). */
  linkBase: string | null;
  /** Size of the generated cluster the app opened with (`?nodes&pods`), repeated in links; null for other labs. */
  lab: LabParams | null;
  /** Copy text to the clipboard; rejects when the browser refuses (the text is then offered to copy by hand). */
  copyText: ((text: string) => Promise<void>) | null;
  /** Reads a link's parameters (a picture's lab, imported from My labs); null where nothing is imported. */
  readLink?: ((query: string) => LinkRead) | null;
}

const HostContext = createContext<Host>({ linkBase: null, lab: null, copyText: null });

/** Gives the app below it what its page offers. */
export const HostProvider = HostContext.Provider;

/** What the page hosting this app offers (nothing, outside a {@link HostProvider}). */
export function useHost(): Host {
  return useContext(HostContext);
}
