import type { CniEvent } from '../cni/events';
import type { CniStoryOp } from '../model/cniStory';

/*
 * What a language needs to tell a CNI story (src/core/model/cniStory.ts): each event at two
 * levels, the chapters' titles, the corrections of common misconceptions, the last line. The
 * facts come from the events and the story; the catalogues (src/core/i18n/<lang>/cni*.ts) only
 * phrase them.
 */

/** Who and where an event happened, named for the reader. */
export interface CniCtx {
  op: CniStoryOp;
  /** The node (the lab machine) and the pod of the story. */
  node: string;
  pod: string;
  /** The plugin running when the event happened; '' when it is the runtime's own. */
  who: string;
  /** The plugin that ran `who` ('' for the runtime). */
  caller: string;
  /** The pod's namespace was already gone when DEL came. */
  netnsGone: boolean;
}

/** One event told: a line for a projector, and the line with its reasons. */
export interface CniTold {
  short: string;
  detailed: string;
}

/** The chapters a CNI story falls into, in the order they usually come. */
export type CniChapterKind = 'netns' | 'call' | 'flannel' | 'bridge' | 'veth' | 'ipam' | 'pod' | 'gateway' | 'teardown' | 'check' | 'result' | 'netns-del';

/** What a chapter's title says. */
export interface CniChapterFacts {
  kind: CniChapterKind;
  op: CniStoryOp;
  node: string;
  pod: string;
  /** The plugin the runtime runs (call), the IPAM plugin (ipam) or the one that made the veth pair (veth), the bridge's name (bridge, gateway, veth: the bridge the host end joins, absent when none), the host end (veth). */
  plugin?: string;
  bridge?: string;
  hostVeth?: string;
  /** The bridge existed already (bridge). */
  exists?: boolean;
  /** The address reserved or released (ipam), the pod's address (pod), the gateway (gateway). */
  address?: string;
  /** The call failed: its exit code's error (result). */
  error?: { code: number; msg: string };
  netnsGone: boolean;
}

/** Misconceptions corrected where the event they are about happens. */
export type CniCorrection = 'runtime-not-kubelet' | 'cni0-created-by-bridge' | 'cni0-exists' | 'bridge-gateway-ip' | 'host-local-round-robin' | 'freed-not-reused' | 'del-netns-gone' | 'cni0-stays' | 'flannel-creates-nothing';

/** The facts a correction may quote. */
export interface CniCorrectionFacts {
  bridge: string;
  address?: string;
  node: string;
}

/** One language's CNI narrator. */
export interface CniCatalog {
  /** BCP 47 tag for Intl.PluralRules. */
  locale: string;
  events: { [K in CniEvent['type']]: (e: Extract<CniEvent, { type: K }>, c: CniCtx) => CniTold };
  chapters: (f: CniChapterFacts) => string;
  corrections: { [K in CniCorrection]: (f: CniCorrectionFacts) => { short: string; long: string } };
  /** The story's last line: what the operation left. */
  outcome: (o: { op: CniStoryOp; pod: string; node: string; address?: string; gateway?: string; error?: { code: number; msg: string }; steps: number; netnsGone: boolean }) => string;
}
