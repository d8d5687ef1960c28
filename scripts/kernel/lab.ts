/**
 * Building and tearing down a lab planned by `planLab`: runs the commands, waits for links, opens
 * listeners, and deletes exactly the namespaces it created (after killing what runs inside them).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import type { LabPlan } from './labPlan';

/** Runs one command; throws with the command line and its stderr on failure. */
export function run(argv: readonly string[]): string {
  const [cmd, ...args] = argv;
  if (!cmd) throw new Error('empty command');
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`command failed: ${argv.join(' ')}\n${(err.stderr ?? err.message).trim()}`, { cause: e });
  }
}

/**
 * Runs commands in order, sending each run of consecutive `ip -n NS ...` commands for the same
 * namespace through one `ip -n NS -batch -` (one process instead of dozens: building a lab is
 * mostly process start-up otherwise). Arguments never contain spaces: `planLab` checks the names.
 */
export function runAll(cmds: readonly (readonly string[])[]): void {
  for (let i = 0; i < cmds.length; ) {
    const c = cmds[i] as readonly string[];
    const ns = c[0] === 'ip' && c[1] === '-n' ? c[2] : undefined;
    let j = i + 1;
    while (ns && j < cmds.length && cmds[j]?.[0] === 'ip' && cmds[j]?.[1] === '-n' && cmds[j]?.[2] === ns) j++;
    if (!ns || j === i + 1) run(c);
    else {
      const lines = cmds.slice(i, j).map((x) => x.slice(3).join(' '));
      try {
        execFileSync('ip', ['-n', ns, '-batch', '-'], { input: lines.join('\n') + '\n', encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
      } catch (e) {
        const err = e as { stderr?: string; message: string };
        throw new Error(`ip -n ${ns} -batch failed:\n${lines.map((l, k) => `  ${k + 1}: ${l}`).join('\n')}\n${(err.stderr ?? err.message).trim()}`, { cause: e });
      }
    }
    i = j;
  }
}

/** Names of the namespaces that exist now. */
export function existingNamespaces(): Set<string> {
  return new Set(
    run(['ip', 'netns', 'list'])
      .split('\n')
      .map((l) => l.split(' ')[0] ?? '')
      .filter(Boolean),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A built lab; `destroy()` is safe to call more than once. */
export interface Lab {
  plan: LabPlan;
  destroy(): void;
}

/** Namespaces this process created and has not yet deleted, for the signal handler's cleanup. */
const liveNamespaces = new Set<string>();
const liveProcesses = new Set<ChildProcess>();

/** Remembers a child process so `destroyAll` can kill it on an interrupt. */
export function track(p: ChildProcess): ChildProcess {
  liveProcesses.add(p);
  p.on('exit', () => liveProcesses.delete(p));
  return p;
}

/** Kills the processes inside one of our namespaces (by PID, as `ip netns pids` lists them), then deletes it. */
function deleteNamespace(ns: string): void {
  try {
    for (const pid of run(['ip', 'netns', 'pids', ns]).split('\n').filter(Boolean)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  } catch {
    // The namespace may already be gone; deleting it below reports nothing then.
  }
  try {
    run(['ip', 'netns', 'del', ns]);
  } catch {
    // Already deleted.
  }
  liveNamespaces.delete(ns);
}

/** Kills every tracked process and deletes every namespace still alive: the interrupt path. */
export function destroyAll(): void {
  for (const p of liveProcesses) if (p.exitCode === null && p.pid) p.kill('SIGKILL');
  for (const ns of [...liveNamespaces]) deleteNamespace(ns);
}

/** Reads operstate of the listed interfaces; returns those not yet UP. */
function notUp(targets: LabPlan['waitUp']): string[] {
  const byNs = new Map<string, string[]>();
  for (const t of targets) byNs.set(t.ns, [...(byNs.get(t.ns) ?? []), t.iface]);
  const missing: string[] = [];
  for (const [ns, ifaces] of byNs) {
    const links = JSON.parse(run(['ip', '-n', ns, '-j', 'link', 'show'])) as { ifname: string; operstate: string }[];
    for (const i of ifaces) if (links.find((l) => l.ifname === i)?.operstate !== 'UP') missing.push(`${ns}/${i}`);
  }
  return missing;
}

/** Opens one listening socket inside a namespace with Node itself (no socat needed); resolves once bound. */
function startListener(l: LabPlan['listeners'][number]): Promise<ChildProcess> {
  const code =
    l.proto === 'udp'
      ? `require('dgram').createSocket('udp4').bind(${l.port}, () => console.log('ready'))`
      : `require('net').createServer((s) => s.on('error', () => {})).listen(${l.port}, () => console.log('ready'))`;
  const p = track(spawn('ip', ['netns', 'exec', l.ns, process.execPath, '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] }));
  return new Promise((resolve, reject) => {
    p.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(p));
    p.on('exit', (c) => reject(new Error(`listener ${l.proto}/${l.port} in ${l.ns} exited (${c})`)));
  });
}

/**
 * Builds the planned lab. Refuses if one of its namespaces already exists. On any failure, deletes
 * what it created before rethrowing.
 */
export async function buildLab(plan: LabPlan): Promise<Lab> {
  const existing = existingNamespaces();
  const clash = plan.namespaces.filter((n) => existing.has(n));
  if (clash.length > 0) throw new Error(`refusing to start: namespace(s) already exist: ${clash.join(', ')}`);
  const created: string[] = [];
  const listeners: ChildProcess[] = [];
  const destroy = (): void => {
    for (const p of listeners) if (p.exitCode === null) p.kill('SIGKILL');
    for (const ns of created.splice(0).reverse()) deleteNamespace(ns);
  };
  try {
    // Namespaces one by one, so that each is known to exist (and to be ours to delete) right away.
    const adds = plan.build.filter((c) => c[1] === 'netns' && c[2] === 'add');
    for (const cmd of adds) {
      run(cmd);
      const ns = cmd[3] as string;
      created.push(ns);
      liveNamespaces.add(ns);
    }
    runAll(plan.build.filter((c) => !adds.includes(c)));
    const deadline = Date.now() + 5000;
    let missing = notUp(plan.waitUp);
    while (missing.length > 0 && Date.now() < deadline) {
      await sleep(20);
      missing = notUp(plan.waitUp);
    }
    if (missing.length > 0) throw new Error(`links not up after 5 s: ${missing.join(', ')}`);
    runAll(plan.finish);
    for (const l of plan.listeners) listeners.push(await startListener(l));
    return { plan, destroy };
  } catch (e) {
    destroy();
    throw e;
  }
}
