import type { CniEvent } from '../cni/events';
import type { ConfList, RuntimeRun } from '../cni/runtime';
import type { CniResult } from '../cni/types';
import { foldCniEvents } from './cniFold';
import type { PodCniAdd } from './podNetwork';
import type { Topology } from './topology';

/*
 * A CNI operation as a story the player steps through, next to packet journeys: which operation
 * ran on which node for which pod, every event it produced (src/core/cni/events.ts), the lab
 * before it and after each event (the fold of cniFold.ts), the configuration list the runtime
 * ran and what came back. Plain data: the store keeps it and a playhead, the narrator tells it.
 */

/** The operations a story shows. */
export type CniStoryOp = 'ADD' | 'DEL' | 'CHECK';

/** A CNI operation, ready to play. */
export interface CniStory {
  kind: 'cni';
  /** The CNI scenario it is (`?preset=`), or null for the pod the editor just added. */
  id: string | null;
  op: CniStoryOp;
  /** The node the runtime ran on, and the pod (CNI_CONTAINERID is the pod's name in the lab). */
  machine: string;
  pod: string;
  /** The network configuration list as it lies in /etc/cni/net.d, pretty-printed. */
  conflist: string;
  events: CniEvent[];
  /** The lab before the operation, and after each event (`frames[i]` once events 0..i happened). */
  before: Topology;
  frames: Topology[];
  /** An ADD's final result, as the runtime got it. */
  result?: CniResult;
  /** The error the runtime got (spec §5: code, msg, details), with the failing plugin's exit. */
  error?: { code: number; msg: string; details?: string };
  /**
   * What the events cannot say by themselves: the pod's namespace was already gone when the
   * runtime called DEL (the bridge plugin then has nothing to remove, and still succeeds).
   */
  netnsGone: boolean;
}

/** What {@link cniStory} is built from. */
export interface CniStoryInput {
  id: string | null;
  op: CniStoryOp;
  machine: string;
  pod: string;
  conflist: ConfList;
  before: Topology;
  run: Pick<RuntimeRun, 'events' | 'result' | 'error'>;
  netnsGone?: boolean;
}

/** The configuration list's text, pretty-printed as a file in /etc/cni/net.d would be. */
function pretty(list: ConfList): string {
  try {
    return JSON.stringify(JSON.parse(list.text), null, 2);
  } catch {
    return list.text;
  }
}

/**
 * A story from a runtime run on `machine` of `before`.
 * @throws Error when `machine` is not in `before`.
 */
export function cniStory(i: CniStoryInput): CniStory {
  const err = i.run.error;
  return {
    kind: 'cni',
    id: i.id,
    op: i.op,
    machine: i.machine,
    pod: i.pod,
    conflist: pretty(i.conflist),
    events: i.run.events,
    before: i.before,
    frames: foldCniEvents(i.before, i.machine, i.run.events),
    ...(i.run.result ? { result: i.run.result } : {}),
    ...(err ? { error: { code: err.code, msg: err.msg, ...(err.details !== '' ? { details: err.details } : {}) } } : {}),
    netnsGone: i.netnsGone ?? false,
  };
}

/** The story of the ADD that gave the pod added by `addPod` its network (the editor's "Watch how…"). */
export function storyOfPodAdd(before: Topology, machine: string, pod: string, add: PodCniAdd): CniStory {
  return cniStory({ id: null, op: 'ADD', machine, pod, conflist: add.conflist, before, run: { events: add.events, result: add.result } });
}
