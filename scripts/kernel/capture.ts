/**
 * Capturing every interface of a lab with tcpdump, one process per interface and direction, and
 * turning the pcap files into per-interface frame lists.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InterfaceTraces, TraceFrame } from '../../src/core/verify/kernelFixture';
import { decodeEthernet } from './decodeFrame';
import type { CaptureTarget } from './labPlan';
import { track } from './lab';
import { readPcap } from './pcap';

const DIRS = ['in', 'out'] as const;

interface Running {
  target: CaptureTarget;
  dir: 'in' | 'out';
  file: string;
  proc: ChildProcess;
  stderr: string;
}

/** Captures in progress; `stop()` ends them and returns the parsed traces. */
export interface Captures {
  /**
   * Stops the captures and keeps the frames of the journey's window: from the first frame any
   * interface saw (the first send) to `windowMs` later, as the engine simulates. Cutting on the
   * kernel's own timestamps keeps the window exact even when a loaded machine stops tcpdump late.
   */
  stop(windowMs: number): Promise<CaptureResult>;
  /** Kills the tcpdumps without reading anything (error path). */
  kill(): void;
}

/** Traces per interface, plus what was seen but is not modelled and anything odd about the capture. */
export interface CaptureResult {
  interfaces: InterfaceTraces;
  /** `<ns>/<iface> <dir>: <reason>` for each frame that was not decoded (other ethertypes...). */
  ignored: string[];
  /** Kernel drops reported by tcpdump, same-timestamp in/out pairs: things to look at. */
  warnings: string[];
}

/**
 * Starts `tcpdump -p -n -U --immediate-mode --time-stamp-precision=nano -Q <dir> -i <if> -w <file>`
 * inside each interface's namespace and resolves once every one has printed "listening on".
 * `-p`: not promiscuous, or a bridge device would pass up frames the host never receives.
 * `-Z root`: keep root, or tcpdump drops to its own user before opening the output file.
 * `-B 8192` (KiB): a burst that one softirq run puts on an interface (a routing loop: 60 hops in
 * microseconds) overflows the default buffer before tcpdump runs again; tcpdump then reports
 * "packets dropped by kernel" and the trace stops short (`fib-replace-connected-loop`).
 */
export async function startCaptures(targets: readonly CaptureTarget[], dir: string): Promise<Captures> {
  const running: Running[] = [];
  for (const target of targets) {
    for (const d of DIRS) {
      const file = join(dir, `${target.key.replace('/', '__')}.${d}.pcap`);
      const args = ['netns', 'exec', target.ns, 'tcpdump', '-p', '-n', '-U', '--immediate-mode', '-B', '8192', '--time-stamp-precision=nano', '-Z', 'root', '-Q', d, '-i', target.iface, '-w', file];
      // `ip netns exec` execs tcpdump in place, so this PID is tcpdump's own.
      const proc = track(spawn('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] }));
      const r: Running = { target, dir: d, file, proc, stderr: '' };
      proc.stderr?.on('data', (b: Buffer) => (r.stderr += b.toString()));
      running.push(r);
    }
  }
  const kill = (): void => {
    for (const r of running) if (r.proc.exitCode === null) r.proc.kill('SIGKILL');
  };
  const deadline = Date.now() + 10_000;
  while (!running.every((r) => r.stderr.includes('listening on'))) {
    const dead = running.find((r) => r.proc.exitCode !== null);
    if (dead || Date.now() > deadline) {
      kill();
      const r = dead ?? running.find((x) => !x.stderr.includes('listening on'));
      throw new Error(`tcpdump on ${r?.target.key} ${r?.dir} did not start: ${r?.stderr.trim()}`);
    }
    await new Promise((res) => setTimeout(res, 10));
  }
  return {
    kill,
    async stop(windowMs: number) {
      await Promise.all(
        running.map(
          (r) =>
            new Promise<void>((resolve) => {
              if (r.proc.exitCode !== null) return resolve();
              const t = setTimeout(() => r.proc.kill('SIGKILL'), 3000);
              r.proc.on('exit', () => {
                clearTimeout(t);
                resolve();
              });
              r.proc.kill('SIGINT');
            }),
        ),
      );
      return collect(targets, running, BigInt(Math.round(windowMs * 1e6)));
    },
  };
}

interface Stamped {
  ts: bigint;
  frame: TraceFrame;
}

function collect(targets: readonly CaptureTarget[], running: readonly Running[], windowNs: bigint): CaptureResult {
  const stamped = new Map<CaptureTarget, Stamped[]>();
  const ignored: string[] = [];
  const warnings: string[] = [];
  for (const target of targets) {
    const all: Stamped[] = [];
    stamped.set(target, all);
    for (const r of running.filter((x) => x.target === target)) {
      const drops = /(\d+) packets? dropped by kernel/.exec(r.stderr);
      if (drops && drops[1] !== '0') warnings.push(`${target.key} ${r.dir}: tcpdump reports ${drops[1]} packets dropped by kernel`);
      const pcap = readPcap(new Uint8Array(readFileSync(r.file)));
      if (pcap.linkType !== 1) throw new Error(`${target.key}: link type ${pcap.linkType}, expected Ethernet (1)`);
      for (const rec of pcap.records) {
        const d = decodeEthernet(rec.data);
        if ('ignored' in d) ignored.push(`${target.key} ${r.dir}: ${d.ignored}`);
        else all.push({ ts: rec.tsNs, frame: { dir: r.dir, ...d.frame } });
      }
    }
    // Stable sort: each direction's file is already in time order, so only in/out interleave.
    all.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
    for (let i = 1; i < all.length; i++) {
      const prev = all[i - 1];
      const cur = all[i];
      if (prev && cur && prev.ts === cur.ts && prev.frame.dir !== cur.frame.dir) warnings.push(`${target.key}: an in and an out frame share timestamp ${cur.ts}; their order is a guess`);
    }
  }
  const first = [...stamped.values()].flat().reduce<bigint | null>((m, s) => (m === null || s.ts < m ? s.ts : m), null);
  const interfaces: InterfaceTraces = {};
  let late = 0;
  for (const [target, all] of stamped) {
    const kept = first === null ? all : all.filter((s) => s.ts - first <= windowNs);
    late += all.length - kept.length;
    interfaces[target.key] = kept.map((s) => s.frame);
  }
  if (late > 0) warnings.push(`${late} frame(s) after the journey's window left out`);
  return { interfaces, ignored, warnings };
}
