import type { CniEvent } from '../cni/events';
import { HOST_NS } from '../cni/state';
import { CNI_CATALOGS } from '../i18n/cniCatalogs';
import type { Lang } from '../i18n/lang';
import type { CniStory } from '../model/cniStory';
import type { CniChapterFacts, CniChapterKind, CniCorrection, CniCtx } from './cniCatalog';
import type { Level } from './index';

/*
 * The narrator of a CNI story: each event told in the reader's language (short or detailed),
 * the chapters the story falls into (the runtime prepares the namespace, calls the plugin,
 * flannel delegates, bridge makes or finds cni0, the veth pair, host-local, the pod's
 * addresses and routes, the gateway, the result), and the misconceptions corrected only in the
 * chapter whose event they are about (cni0 "created by flannel" only where bridge creates it).
 * Everything is computed from the story's events; sentences live in the catalogues.
 */

/** A chapter of a CNI story: where it starts, its title, and a correction when it has one. */
export interface CniChapter {
  /** Index of its first event. */
  at: number;
  kind: CniChapterKind;
  title: string;
  correction?: { code: CniCorrection; text: string };
}

/** The plugin running at each event (the caller for an exec, the plugin itself for its exit), and its caller. */
function whoAt(events: readonly CniEvent[]): { who: string; caller: string }[] {
  const stack: string[] = [];
  return events.map((e) => {
    if (e.type === 'exec') {
      const out = { who: stack.at(-1) ?? '', caller: stack.at(-2) ?? '' };
      stack.push(e.plugin);
      return out;
    }
    const out = { who: stack.at(-1) ?? '', caller: stack.at(-2) ?? '' };
    if (e.type === 'exit') stack.pop();
    return out;
  });
}

const ctxCache = new WeakMap<CniStory, CniCtx[]>();

/** Each event's context. */
function contexts(s: CniStory): CniCtx[] {
  let c = ctxCache.get(s);
  if (!c) {
    c = whoAt(s.events).map((w) => ({ op: s.op, node: s.machine, pod: s.pod, who: w.who, caller: w.caller, netnsGone: s.netnsGone }));
    ctxCache.set(s, c);
  }
  return c;
}

/** Event `index` of the story told in `lang`. @throws RangeError for an index outside the story. */
export function tellCniEvent(s: CniStory, index: number, lang: Lang, level: Level = 'detailed'): string {
  const e = s.events[index];
  const c = contexts(s)[index];
  if (!e || !c) throw new RangeError(`event ${index} of ${s.events.length}`);
  const told = (CNI_CATALOGS[lang].events[e.type] as (e: CniEvent, c: CniCtx) => { short: string; detailed: string })(e, c);
  return level === 'short' ? told.short : told.detailed;
}

/** Where each chapter kind starts in the events (first occurrence), with its facts. */
function anchors(s: CniStory): { at: number; facts: CniChapterFacts; correction?: CniCorrection }[] {
  const ev = s.events;
  const base = { op: s.op, node: s.machine, pod: s.pod, netnsGone: s.netnsGone };
  const out: { at: number; facts: CniChapterFacts; correction?: CniCorrection }[] = [];
  const first = (p: (e: CniEvent) => boolean): number => ev.findIndex(p);
  const put = (at: number, facts: Omit<CniChapterFacts, keyof typeof base>, correction?: CniCorrection) => {
    if (at >= 0) out.push({ at, facts: { ...base, ...facts }, ...(correction ? { correction } : {}) });
  };
  const podNs = (ns: string) => ns !== HOST_NS;
  put(first((e) => e.type === 'netns' && e.op === 'add'), { kind: 'netns' }, 'runtime-not-kubelet');
  const call = first((e) => e.type === 'exec' && e.depth === 0);
  const callEv = ev[call];
  const hasNetns = out.length > 0;
  put(call, { kind: 'call', ...(callEv?.type === 'exec' ? { plugin: callEv.plugin } : {}) }, hasNetns ? undefined : 'runtime-not-kubelet');
  // flannel's part starts where it reads flanneld's subnet.env (ADD) or the configuration it saved (DEL).
  const flannelFile = (p: string) => p === '/run/flannel/subnet.env' || p.startsWith('/var/lib/cni/flannel/');
  put(first((e) => e.type === 'delegate' || (e.type === 'file' && e.op === 'read' && flannelFile(e.path))), { kind: 'flannel' }, s.op === 'ADD' ? 'flannel-creates-nothing' : undefined);
  const br = first((e) => e.type === 'link' && e.kind === 'bridge' && (e.op === 'add' || e.op === 'exists'));
  const brEv = ev[br];
  if (brEv?.type === 'link') put(br, { kind: 'bridge', bridge: brEv.name, exists: brEv.op === 'exists' }, brEv.op === 'add' ? 'cni0-created-by-bridge' : 'cni0-exists');
  const veth = first((e) => e.type === 'link' && e.op === 'add' && e.kind === 'veth');
  const vethEv = ev[veth];
  // The plugin that made the pair (bridge, calico, cilium-cni) and the bridge its host end joins:
  // none under Calico or Cilium, whose node routes to the pod over the veth.
  const maker = veth >= 0 ? (whoAt(ev)[veth]?.who ?? '') : '';
  if (vethEv?.type === 'link') {
    const hostVeth = vethEv.ns === HOST_NS ? vethEv.name : vethEv.peer?.name ?? '';
    const joined = ev.find((e) => e.type === 'link' && e.op === 'master' && e.ns === HOST_NS && e.name === hostVeth);
    put(veth, { kind: 'veth', hostVeth, ...(maker !== '' ? { plugin: maker } : {}), ...(joined?.type === 'link' && joined.master !== undefined ? { bridge: joined.master } : {}) });
  }
  const ipam = first((e) => e.type === 'exec' && (e.plugin === 'host-local' || e.plugin === 'calico-ipam'));
  const ipamEv = ev[ipam];
  const reserve = ev.find((e) => e.type === 'ipam' && (e.op === 'reserve' || e.op === 'release' || e.op === 'assign' || e.op === 'unassign'));
  const addr = reserve?.type === 'ipam' && (reserve.op === 'reserve' || reserve.op === 'release' || reserve.op === 'assign' || reserve.op === 'unassign') ? { address: reserve.ip } : {};
  const hostLocal = ipamEv?.type === 'exec' && ipamEv.plugin === 'host-local';
  put(ipam, { kind: 'ipam', ...(ipamEv?.type === 'exec' ? { plugin: ipamEv.plugin } : {}), ...addr }, !hostLocal ? undefined : s.op === 'ADD' ? 'host-local-round-robin' : s.op === 'DEL' ? 'freed-not-reused' : undefined);
  const pod = first((e) => e.type === 'addr' && e.op === 'add' && podNs(e.ns));
  const podEv = ev[pod];
  if (podEv?.type === 'addr') put(pod, { kind: 'pod', address: podEv.address });
  const gw = first((e) => e.type === 'addr' && (e.op === 'add' || e.op === 'exists') && e.ns === HOST_NS);
  const gwEv = ev[gw];
  if (gwEv?.type === 'addr') put(gw, { kind: 'gateway', bridge: gwEv.dev, address: gwEv.address }, 'bridge-gateway-ip');
  if (s.op === 'DEL') {
    const bridgeExec = first((e) => e.type === 'exec' && e.plugin === 'bridge');
    const teardown = s.netnsGone ? bridgeExec : first((e) => (e.type === 'route' || e.type === 'link') && (e.op === 'del') && podNs(e.ns));
    put(teardown, { kind: 'teardown' }, s.netnsGone ? 'del-netns-gone' : 'cni0-stays');
  }
  put(first((e) => e.type === 'check' && e.plugin !== 'host-local'), { kind: 'check' });
  // The result: the first exit after the last thing a plugin did to the node or checked.
  const lastWork = ev.reduce((k, e, i) => (['exec', 'link', 'addr', 'route', 'sysctl', 'ipam', 'check', 'nat', 'delegate'].includes(e.type) ? i : k), -1);
  const result = ev.findIndex((e, i) => i > lastWork && e.type === 'exit');
  const resEv = ev[result];
  put(result, { kind: 'result', ...(resEv?.type === 'exit' && resEv.exitCode !== 0 && s.error ? { error: { code: s.error.code, msg: s.error.msg } } : {}) });
  if (s.op === 'DEL') put(first((e) => e.type === 'netns' && e.op === 'del'), { kind: 'netns-del' });
  return out.sort((a, b) => a.at - b.at);
}

const chapterCache = new WeakMap<CniStory, ReturnType<typeof anchors>>();

/**
 * The story's chapters in order, titled in `lang`; a chapter's correction, when it has one, at
 * the level asked (two lines for `short`).
 */
export function tellCniChapters(s: CniStory, lang: Lang, level: Level = 'detailed'): CniChapter[] {
  let a = chapterCache.get(s);
  if (!a) {
    a = anchors(s);
    chapterCache.set(s, a);
  }
  const cat = CNI_CATALOGS[lang];
  const bridge = a.find((x) => x.facts.bridge !== undefined)?.facts.bridge ?? 'cni0';
  const gw = a.find((x) => x.facts.kind === 'gateway')?.facts.address;
  return a.map((x) => {
    const c = x.correction ? cat.corrections[x.correction]({ bridge, node: s.machine, ...(gw !== undefined ? { address: gw } : {}) }) : null;
    return { at: x.at, kind: x.facts.kind, title: cat.chapters(x.facts), ...(x.correction && c ? { correction: { code: x.correction, text: level === 'short' ? c.short : c.long } } : {}) };
  });
}

/** The chapter event `index` falls in (the last one starting at or before it), or undefined before the first. */
export function cniChapterAt(chapters: readonly CniChapter[], index: number): CniChapter | undefined {
  let found: CniChapter | undefined;
  for (const c of chapters) if (c.at <= index) found = c;
  return found;
}

/** The story's last line in `lang`: what the operation left. */
export function tellCniOutcome(s: CniStory, lang: Lang): string {
  const ip = s.result?.ips?.[0];
  // No gateway in the result (Calico's): the one the plugin's default route in the pod names.
  const viaRoute = s.events.find((e) => e.type === 'route' && e.op === 'add' && e.ns !== HOST_NS && e.dst === '0.0.0.0/0' && e.gw !== undefined);
  const gateway = ip?.gateway ?? (viaRoute?.type === 'route' ? viaRoute.gw : undefined);
  return CNI_CATALOGS[lang].outcome({
    op: s.op,
    pod: s.pod,
    node: s.machine,
    ...(ip ? { address: ip.address } : {}),
    ...(gateway !== undefined ? { gateway } : {}),
    ...(s.error ? { error: { code: s.error.code, msg: s.error.msg } } : {}),
    steps: s.events.length,
    netnsGone: s.netnsGone,
  });
}
