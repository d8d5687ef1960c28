/**
 * Running a JourneySpec on the real kernel: ping, a UDP datagram or a TCP connection attempt from the
 * source namespace, for as long as the engine simulates (`journeyDurationMs`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { journeyDurationMs, type JourneySpec } from '../../src/core/journey';
import type { Topology } from '../../src/core/model/topology';
import { broadcastOf, parseCidr, parseIp } from '../../src/core/net/ipv4';
import { run, track } from './lab';
import type { LabPlan } from './labPlan';

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}$/;

function addressOf(cidr: string | undefined): string | undefined {
  return cidr?.split('/')[0];
}

/**
 * The IPv4 address `to` names, as the engine resolves it: a pod's eth0 address, a machine's first
 * address, or an address written out.
 */
export function resolveDestination(topo: Topology, to: string): string {
  for (const m of topo.machines) {
    if (m.name === to) {
      const a = addressOf(m.interfaces.flatMap((i) => i.addresses ?? [])[0]);
      if (a) return a;
      throw new Error(`machine ${to} has no address`);
    }
    for (const p of m.pods ?? []) {
      if (p.name !== to) continue;
      const eth0 = p.interfaces.find((i) => i.name === 'eth0');
      const a = addressOf(eth0?.addresses?.[0] ?? p.interfaces.flatMap((i) => i.addresses ?? [])[0]);
      if (a) return a;
      throw new Error(`pod ${to} has no address`);
    }
  }
  if (IPV4.test(to)) return to;
  throw new Error(`destination ${to} is neither a pod, a machine nor an IPv4 address`);
}

/**
 * Whether `dst` is 255.255.255.255 or the broadcast address of a subnet of the topology: ping then
 * needs `-b` and a UDP sender SO_BROADCAST (without them Linux refuses to send to an address its
 * own routes call broadcast: ping stops, sendto() fails with EACCES). The engine sends as they would.
 */
export function isBroadcastTarget(topo: Topology, dst: string): boolean {
  const ip = parseIp(dst);
  if (ip === null) return false;
  if (ip === 0xffffffff) return true;
  for (const m of topo.machines) {
    for (const ns of [m, ...(m.pods ?? [])]) {
      for (const i of ns.interfaces) {
        for (const a of i.addresses ?? []) {
          const c = parseCidr(a);
          if (c && c.prefix < 31 && broadcastOf(c.ip, c.prefix) === ip) return true;
        }
      }
    }
  }
  return false;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Extra capture time past the journey's end; the recorder then cuts at the exact window. */
const GRACE_MS = 300;

/** The command that sends attempt number `i` (UDP, TCP) or all of them (ICMP: one ping process). */
function senderCommand(ns: string, spec: JourneySpec, dst: string, broadcast: boolean): string[][] {
  const count = spec.count ?? 1;
  const proto = spec.proto ?? 'icmp';
  const exec = ['ip', 'netns', 'exec', ns];
  if (proto === 'icmp') {
    const ttl = spec.ttl !== undefined ? ['-t', String(spec.ttl)] : [];
    if (spec.size !== undefined) ttl.push('-s', String(spec.size));
    if (spec.pmtudisc !== undefined) ttl.push('-M', spec.pmtudisc);
    const b = broadcast ? ['-b'] : [];
    return [[...exec, 'ping', '-n', '-q', ...b, '-c', String(count), '-i', String((spec.intervalMs ?? 1000) / 1000), '-W', '1', ...ttl, dst]];
  }
  const port = spec.port ?? (proto === 'tcp' ? 80 : 53);
  if (spec.size !== undefined && !(proto === 'udp' && spec.size === 2)) throw new Error('the lab sends UDP and TCP with bash only: no payload size but the default');
  if (spec.pmtudisc !== undefined && spec.pmtudisc !== 'want') throw new Error('the lab sends UDP and TCP with bash only: no IP_MTU_DISCOVER but the default (want)');
  if (proto === 'udp' && broadcast) {
    // bash's /dev/udp cannot set SO_BROADCAST: one datagram from Node, as a program with it set sends.
    const code = `const s=require('dgram').createSocket('udp4');s.bind(()=>{s.setBroadcast(true);s.send('x\\n',${port},'${dst}',()=>s.close())})`;
    return Array.from({ length: count }, () => [...exec, process.execPath, '-e', code]);
  }
  // bash's /dev/udp and /dev/tcp: one datagram, or one connect() (a SYN). A RST ends the attempt
  // at once; an accepted connection is held open past the journey's window, as the engine leaves it
  // (closing it would add a FIN exchange the journey does not include).
  const hold = Math.ceil((journeyDurationMs(spec) + GRACE_MS) / 1000) + 1;
  const cmd =
    proto === 'udp'
      ? [...exec, 'bash', '-c', `echo x > /dev/udp/${dst}/${port}`]
      : [...exec, 'timeout', String(hold), 'bash', '-c', `exec 3<>/dev/tcp/${dst}/${port} && sleep ${hold}`];
  return Array.from({ length: count }, () => cmd);
}

/**
 * Sends the journey's packets and resolves a little after `journeyDurationMs(spec)` has passed since
 * the first send (the caller cuts the captures at exactly that window).
 * UDP/TCP with a TTL: bash cannot set a socket's TTL, so the source namespace's `ip_default_ttl` is
 * set instead (which also applies to anything else that namespace originates meanwhile).
 */
export async function runKernelJourney(topo: Topology, plan: LabPlan, spec: JourneySpec): Promise<void> {
  const ns = plan.real[spec.from];
  if (!ns) throw new Error(`journey source ${spec.from} is not a namespace of the topology`);
  const dst = resolveDestination(topo, spec.to);
  if ((spec.proto ?? 'icmp') !== 'icmp' && spec.ttl !== undefined) run(['ip', 'netns', 'exec', ns, 'sysctl', '-q', '-w', `net.ipv4.ip_default_ttl=${spec.ttl}`]);
  const cmds = senderCommand(ns, spec, dst, isBroadcastTarget(topo, dst));
  const interval = spec.intervalMs ?? 1000;
  const procs: ChildProcess[] = [];
  const t0 = Date.now();
  for (let i = 0; i < cmds.length; i++) {
    const wait = t0 + i * interval - Date.now();
    if (wait > 0) await sleep(wait);
    const [cmd, ...args] = cmds[i] ?? [];
    // Own process group, so that the end of the journey can stop the sender and its children.
    if (cmd) procs.push(track(spawn(cmd, args, { stdio: 'ignore', detached: true })));
  }
  await sleep(Math.max(0, t0 + journeyDurationMs(spec) + GRACE_MS - Date.now()));
  // ping gives up 1 s after its last request (-W 1); a held TCP connection is still open: close it
  // now, after the window, so that a warm journey's second run does not see its FIN.
  for (const p of procs) {
    if (p.exitCode !== null || p.signalCode !== null || !p.pid) continue;
    try {
      process.kill(-p.pid, 'SIGKILL');
    } catch {
      // Exited meanwhile.
    }
  }
}
