import { addNode, addRouter, type LabPoint } from './labEdits';
import { addPod, TopologyEditError } from './podNetwork';
import type { MachineSpec, PodSpec, Topology } from './topology';

/*
 * Copy and paste of machines and pods. A copy is plain data (the namespaces as they were); a paste
 * makes new namespaces wired the way the palette wires them, never a clone of the addresses: two
 * copies of one address on a segment would answer each other's ARP. A pasted node gets its own
 * address on the first segment, its own pod subnet and default route (addNode), and each of its
 * pods its network through addPod, the one path that gives a pod its network; what the copy keeps is
 * what does not collide: role, sysctls, listening ports and the pods themselves.
 */

/** What a copy holds: whole machines (with their pods), and pods copied without their machine. */
export interface LabClipboard {
  machines: MachineSpec[];
  /** Pods copied alone, each with the machine it was on (pasted there again if nothing else is chosen). */
  pods: { pod: PodSpec; from: string }[];
}

/** What a paste made: the new lab and the namespaces it created, machines first. */
export interface PasteResult {
  topology: Topology;
  names: string[];
}

/** Drawing units a pasted machine lands right of and below the one it copies. */
export const PASTE_OFFSET = 40;

/**
 * A copy of namespaces `names` of `topology`: a machine with its pods; a pod alone when its machine
 * is not copied too. Unknown names are skipped; an empty clipboard comes back when nothing matched.
 */
export function copyNamespaces(topology: Topology, names: readonly string[]): LabClipboard {
  const want = new Set(names);
  const machines = topology.machines.filter((m) => want.has(m.name));
  const pods = topology.machines.filter((m) => !want.has(m.name)).flatMap((m) => (m.pods ?? []).filter((p) => want.has(p.name)).map((pod) => ({ pod, from: m.name })));
  return { machines, pods };
}

/** Whether a clipboard holds nothing to paste. */
export function clipboardEmpty(c: LabClipboard): boolean {
  return c.machines.length === 0 && c.pods.length === 0;
}

/** `pod` added to `machine` by addPod, then given the copy's listening ports and sysctls. */
function pastePod(t: Topology, machine: string, pod: PodSpec): { t: Topology; name: string } {
  const added = addPod(t, machine);
  const extra: Partial<PodSpec> = { ...(pod.listeners ? { listeners: pod.listeners } : {}), ...(pod.sysctls ? { sysctls: pod.sysctls } : {}) };
  if (Object.keys(extra).length === 0) return { t: added.topology, name: added.pod.name };
  const machines = added.topology.machines.map((m) => (m.name === machine ? { ...m, pods: (m.pods ?? []).map((p) => (p.name === added.pod.name ? { ...p, ...extra } : p)) } : m));
  return { t: { ...added.topology, machines }, name: added.pod.name };
}

/**
 * `clip` pasted into `topology`. Each copied machine becomes a new one of its role (addNode for a
 * node, addRouter for a router or host) at `at(original)` + {@link PASTE_OFFSET}, with the copy's
 * sysctls and listening ports, and its pods pasted onto it; its other interfaces and static routes
 * are not copied (they name the original's neighbours). A pod copied alone goes onto `target` when
 * that is a node with a bridge, else back onto the machine it came from.
 *
 * @throws TopologyEditError: no room left (a full segment or no free pod subnet: `segment-full`), a
 *   pod's node gone (`unknown-machine`), or whatever addPod refuses.
 */
export function pasteNamespaces(topology: Topology, clip: LabClipboard, at: (name: string) => LabPoint | undefined, target: string | null = null): PasteResult {
  let t = topology;
  const names: string[] = [];
  for (const m of clip.machines) {
    const p = m.position ?? at(m.name);
    const where = p ? { x: p.x + PASTE_OFFSET, y: p.y + PASTE_OFFSET } : undefined;
    const made = m.role === 'node' ? addNode(t, where) : addRouter(t, where);
    if (!made) throw new TopologyEditError([{ path: 'segments', code: 'segment-full', params: { segment: t.segments[0]?.id ?? '', subnet: t.segments[0]?.label ?? '' } }]);
    const keep: Partial<MachineSpec> = { role: m.role, ...(m.sysctls ? { sysctls: m.sysctls } : {}), ...(m.listeners ? { listeners: m.listeners } : {}) };
    t = { ...made.topology, machines: made.topology.machines.map((x) => (x.name === made.name ? { ...x, ...keep } : x)) };
    names.push(made.name);
    for (const pod of m.pods ?? []) {
      const out = pastePod(t, made.name, pod);
      t = out.t;
      names.push(out.name);
    }
  }
  const onto = target !== null && t.machines.some((m) => m.name === target && m.interfaces.some((i) => i.kind === 'bridge' && (i.addresses ?? []).length > 0)) ? target : null;
  for (const { pod, from } of clip.pods) {
    const out = pastePod(t, onto ?? from, pod);
    t = out.t;
    names.push(out.name);
  }
  return { topology: t, names };
}
