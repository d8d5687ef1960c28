import type { CniPlay } from './slices/cniSlice';

/**
 * Where the CNI story's current event happens on the drawing: the lab namespace (the node for
 * the plugins' `host`, the pod for its CNI_NETNS path) and the device, as `ns/iface`; nulls for
 * events that touch no device (an exec, a file, an IPAM decision).
 */
export function cniFocusOf(p: CniPlay): { ns: string | null; iface: string | null } {
  const e = p.story.events[p.index];
  if (!e) return { ns: null, iface: null };
  const labNs = (ns: string) => (ns === 'host' ? p.story.machine : ns.slice(ns.lastIndexOf('/') + 1));
  if (e.type === 'netns') return { ns: labNs(e.path), iface: null };
  if (e.type === 'link') return { ns: labNs(e.ns), iface: `${labNs(e.ns)}/${e.name}` };
  if (e.type === 'addr' || e.type === 'route') return { ns: labNs(e.ns), iface: `${labNs(e.ns)}/${e.dev}` };
  if (e.type === 'sysctl' || e.type === 'nat') return { ns: labNs(e.ns), iface: null };
  return { ns: null, iface: null };
}
