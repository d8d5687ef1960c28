import type { CniEvent } from '../cni/events';
import { HOST_NS } from '../cni/state';
import type { IfaceSpec, MachineSpec, NamespaceSpec, PodSpec, RouteSpec, Topology } from './topology';

/*
 * What a CNI operation does to the drawing, step by step: the lab before, plus what the events up
 * to a step created, changed or removed on the node (the pod's namespace, cni0, the veth pair,
 * addresses, the plugins' routes, ip_forward). A pure fold over plain data, so the player shows
 * each device as the plugin creates it and removes it as DEL does, with no engine run. Connected
 * routes (`proto kernel`) are not written: the lab derives them from addresses, as the kernel does.
 * A namespace is named as the plugins see it: `host` for the node's own, else CNI_NETNS, whose
 * last path element is the pod's name in the lab (`podNetnsPath`).
 */

/** The pod a CNI_NETNS path names in the lab (`/var/run/netns/pod1` → `pod1`). */
export function podOfNetns(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

type Ns = NamespaceSpec & { name: string };

/** The namespace `ns` (host or a pod's path) of `m`, or undefined. */
function nsOf(m: MachineSpec, ns: string): Ns | undefined {
  return ns === HOST_NS ? m : m.pods?.find((p) => p.name === podOfNetns(ns));
}

/** `m` with namespace `ns` replaced by what `f` makes of it (the machine itself for `host`). */
function withNs(m: MachineSpec, ns: string, f: (n: Ns) => Ns): MachineSpec {
  if (ns === HOST_NS) return f(m) as MachineSpec;
  const name = podOfNetns(ns);
  const pods = m.pods ?? [];
  if (!pods.some((p) => p.name === name)) return m;
  return { ...m, pods: pods.map((p) => (p.name === name ? (f(p) as PodSpec) : p)) };
}

/** The namespace with interface `name` replaced (or removed when `f` gives null). */
function withIface(n: Ns, name: string, f: (i: IfaceSpec) => IfaceSpec | null): Ns {
  if (!n.interfaces.some((i) => i.name === name)) return n;
  const interfaces = n.interfaces.flatMap((i) => {
    if (i.name !== name) return [i];
    const out = f(i);
    return out ? [out] : [];
  });
  return { ...n, interfaces };
}

/** The lab's name of a namespace the plugins name (`host` → the machine, a path → its pod). */
function labNs(machine: string, ns: string): string {
  return ns === HOST_NS ? machine : podOfNetns(ns);
}

function sameRoute(r: RouteSpec, dst: string, gw: string | undefined, dev: string): boolean {
  return r.dst === dst && r.via === gw && r.dev === dev;
}

/**
 * One event applied to machine `m`; the same object when the event changes nothing the lab
 * draws or keeps (an exec, a file, an IPAM decision, a sysctl other than ip_forward).
 */
export function applyCniEvent(m: MachineSpec, e: CniEvent): MachineSpec {
  switch (e.type) {
    case 'netns': {
      const name = podOfNetns(e.path);
      const pods = m.pods ?? [];
      if (e.op === 'add') return pods.some((p) => p.name === name) ? m : { ...m, pods: [...pods, { name, interfaces: [], routes: [] }] };
      // Removing a namespace destroys its links, and with a veth its peer in the host.
      if (!pods.some((p) => p.name === name)) return m;
      const interfaces = m.interfaces.filter((i) => !(i.kind === 'veth' && i.peer.ns === name));
      return { ...m, interfaces, pods: pods.filter((p) => p.name !== name) };
    }
    case 'link': {
      if (e.op === 'add') {
        const n = nsOf(m, e.ns);
        if (!n || n.interfaces.some((i) => i.name === e.name)) return m;
        let iface: IfaceSpec | null = null;
        const mac = e.mac ?? '00:00:00:00:00:00';
        const mtu = e.mtu !== undefined && e.mtu !== 1500 ? { mtu: e.mtu } : {};
        if (e.kind === 'bridge') iface = { kind: 'bridge', name: e.name, mac, ...mtu };
        else if (e.kind === 'veth' && e.peer) iface = { kind: 'veth', name: e.name, mac, ...mtu, peer: { ns: labNs(m.name, e.peer.ns), iface: e.peer.name } };
        if (!iface) return m;
        const added = iface;
        return withNs(m, e.ns, (x) => ({ ...x, interfaces: [...x.interfaces, added] }));
      }
      if (e.op === 'del') {
        return withNs(m, e.ns, (x) => {
          const gone = withIface(x, e.name, () => null);
          return { ...gone, routes: (gone.routes ?? []).filter((r) => r.dev !== e.name) };
        });
      }
      if (e.op === 'master' && e.master !== undefined) {
        const master = e.master;
        return withNs(m, e.ns, (x) => withIface(x, e.name, (i) => ({ ...i, master })));
      }
      if (e.op === 'mac' && e.mac !== undefined) {
        const mac = e.mac;
        return withNs(m, e.ns, (x) => withIface(x, e.name, (i) => (i.mac === mac ? i : { ...i, mac })));
      }
      if (e.op === 'mtu' && e.mtu !== undefined) {
        const mtu = e.mtu;
        return withNs(m, e.ns, (x) => withIface(x, e.name, (i) => ({ ...i, mtu })));
      }
      return m;
    }
    case 'addr': {
      if (e.op === 'exists') return m;
      return withNs(m, e.ns, (x) =>
        withIface(x, e.dev, (i) => {
          const list = i.addresses ?? [];
          if (e.op === 'add') return list.includes(e.address) ? i : { ...i, addresses: [...list, e.address] };
          const rest = list.filter((a) => a !== e.address);
          const { addresses: _, ...bare } = i;
          return rest.length > 0 ? { ...i, addresses: rest } : (bare as IfaceSpec);
        }),
      );
    }
    case 'route': {
      if (e.proto === 'kernel') return m;
      const dst = e.dst === '0.0.0.0/0' ? 'default' : e.dst;
      return withNs(m, e.ns, (x) => {
        const routes = x.routes ?? [];
        if (e.op === 'add') return routes.some((r) => sameRoute(r, dst, e.gw, e.dev)) ? x : { ...x, routes: [...routes, { dst, ...(e.gw !== undefined ? { via: e.gw } : {}), dev: e.dev }] };
        return { ...x, routes: routes.filter((r) => !sameRoute(r, dst, e.gw, e.dev)) };
      });
    }
    case 'sysctl': {
      if (e.ns !== HOST_NS || e.key !== 'net.ipv4.ip_forward') return m;
      const on = e.value === '1';
      if ((m.sysctls?.ip_forward === true) === on) return m;
      return { ...m, sysctls: { ...m.sysctls, ip_forward: on } };
    }
    default:
      return m;
  }
}

/**
 * The lab after each event of a CNI operation on machine `machine`: `frames[i]` is the lab once
 * events 0..i happened. A frame is the previous frame object itself when its event changed
 * nothing drawn, so a drawing computed per frame is reused. `topology` is never changed.
 * @throws Error when `machine` is not in the lab (a story names the node it ran on).
 */
export function foldCniEvents(topology: Topology, machine: string, events: readonly CniEvent[]): Topology[] {
  const at = topology.machines.findIndex((m) => m.name === machine);
  if (at < 0) throw new Error(`unknown-machine: ${machine}`);
  const frames: Topology[] = [];
  let t = topology;
  for (const e of events) {
    const m = t.machines[at] as MachineSpec;
    const next = applyCniEvent(m, e);
    if (next !== m) t = { ...t, machines: t.machines.map((x, k) => (k === at ? next : x)) };
    frames.push(t);
  }
  return frames;
}
