/**
 * Records the reference plugins' behaviour for every case of cases.ts into fixtures/cni/<id>.json.
 * Run it through record.sh (root; it owns the namespaces' cleanup): each case gets a throwaway
 * "node" namespace in which the plugins run (`ip netns exec <node> /usr/lib/cni/bridge`), so the
 * bridge and the host ends of the veths live there, never in the root namespace; pod namespaces
 * are created beside it; nothing is connected to the root namespace and no traffic is sent.
 *
 *   tsx scripts/cni/record.ts --prefix pjcni123- --work /tmp/dir [--only id1,id2]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SNAPSHOT_SYSCTLS, type NsSnapshot } from '../../src/core/cni/snapshot';
import type { Json } from '../../src/core/cni/goJson';
import { CASES, type CniCase, type Step } from './cases';
import { nsSnapshot } from './ipJson';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const prefix = opt('--prefix');
const work = opt('--work');
const only = opt('--only')?.split(',');
if (!prefix || !/^pjcni[0-9]+-$/.test(prefix) || !work) {
  console.error('usage: tsx scripts/cni/record.ts --prefix pjcni<pid>- --work DIR [--only id1,id2] (use record.sh)');
  process.exit(2);
}

const DATA_DIR = '/var/lib/cni/networks';
const run = (cmd: string, argv: string[]): string => execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The ifindexes, in their peers' namespace, of the veths in namespace `ns` (`link_index` of `ip -j link`). */
function peerIndexes(ns: string): number[] {
  const links = JSON.parse(run('ip', ['-n', ns, '-j', 'link'])) as { link_index?: number; link_netnsid?: number }[];
  return links.flatMap((l) => (l.link_netnsid !== undefined && l.link_index !== undefined ? [l.link_index] : []));
}

/**
 * Waits (polling, up to 10 s) until none of `indexes` is a link of namespace `ns` any more.
 * @throws Error when they are still there after 10 s.
 */
function awaitGone(ns: string, indexes: readonly number[]): void {
  for (let tries = 0; tries < 200; tries++) {
    const links = JSON.parse(run('ip', ['-n', ns, '-j', 'link'])) as { ifindex: number }[];
    if (!links.some((l) => indexes.includes(l.ifindex))) return;
    spawnSync('sleep', ['0.05']);
  }
  throw new Error(`links ${indexes.join(', ')} of ${ns} still there 10 s after their peers' namespace was deleted`);
}

/** The fixture's form of one step, with what the reference printed. */
type RecordedStep = Step & { stdin?: string; stdout?: string; stderr?: string; exitCode?: number } & { snapshot?: unknown };

function recordCase(c: CniCase, index: number): void {
  const nsName = (name: string): string => `${prefix}${index}-${name}`;
  const node = nsName('node');
  const dataDir = join(work as string, c.id, 'networks');
  mkdirSync(dataDir, { recursive: true });
  const live = new Set<string>();
  const normalize = (text: string): string => {
    let out = text.split(dataDir).join(DATA_DIR);
    for (const name of [...live, ...c.steps.flatMap((s) => ('netns' in s ? [s.name] : []))]) out = out.split(`/var/run/netns/${nsName(name)}`).join(`/var/run/netns/${name}`);
    return out;
  };
  run('ip', ['netns', 'add', node]);
  const steps: RecordedStep[] = [];
  const outputs: string[] = [];
  for (const step of c.steps) {
    if ('netns' in step) {
      // The host ends whose peers live in a namespace about to be deleted: they vanish only when the
      // kernel's cleanup_net (net/core/net_namespace.c, a workqueue) has torn the namespace down,
      // after `ip netns del` returns, so the recording waits for that settled state.
      const hostEnds = step.netns === 'del' ? peerIndexes(nsName(step.name)) : [];
      run('ip', ['netns', step.netns, nsName(step.name)]);
      if (hostEnds.length > 0) awaitGone(node, hostEnds);
      if (step.netns === 'add') live.add(step.name);
      else live.delete(step.name);
      steps.push(step);
      outputs.push('');
    } else if ('ip' in step) {
      run('ip', ['-n', step.ip.ns === 'node' ? node : nsName(step.ip.ns), ...step.ip.args]);
      steps.push(step);
      outputs.push('');
    } else if ('snapshot' in step) {
      const namespaces: Record<string, NsSnapshot> = {};
      for (const name of ['node', ...[...live].sort()]) {
        const ns = name === 'node' ? node : nsName(name);
        const links = run('ip', ['-n', ns, '-j', '-d', 'link', 'show']);
        const addrs = run('ip', ['-n', ns, '-j', '-4', 'addr', 'show']);
        const routes = run('ip', ['-n', ns, '-j', '-4', 'route', 'show', 'table', 'main']);
        const keys = name === 'node' ? SNAPSHOT_SYSCTLS.node : links.includes('"ifname":"eth0"') ? SNAPSHOT_SYSCTLS.pod : [];
        const sysctls: Record<string, string> = {};
        for (const k of keys) sysctls[k] = run('ip', ['netns', 'exec', ns, 'sysctl', '-n', k]).trim();
        const nat = name === 'node' && c.nat ? run('ip', ['netns', 'exec', ns, 'iptables', '-t', 'nat', '-S']).trim().split('\n') : undefined;
        namespaces[name] = JSON.parse(normalize(JSON.stringify(nsSnapshot(links, addrs, routes, sysctls, nat)))) as NsSnapshot;
      }
      const files: Record<string, string> = {};
      const walk = (dir: string): void => {
        for (const f of readdirSync(dir).sort()) {
          const p = join(dir, f);
          if (statSync(p).isDirectory()) walk(p);
          else files[`${DATA_DIR}/${relative(dataDir, p)}`] = readFileSync(p, 'utf8');
        }
      };
      walk(dataDir);
      steps.push({ snapshot: { namespaces, files } } as unknown as RecordedStep);
      outputs.push('');
    } else {
      const env: Record<string, string> = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' };
      for (const [k, v] of Object.entries(step.env)) {
        if (v === undefined) continue;
        env[k] = k === 'CNI_NETNS' && v !== '' && !v.startsWith('/') ? `/var/run/netns/${nsName(v)}` : v;
      }
      let conf: Json | string = step.conf;
      // A configuration given as text is read too, so that host-local never falls back to the
      // machine's own /var/lib/cni/networks: every store lives in this run's temporary directory.
      if (typeof conf === 'string') {
        try {
          conf = JSON.parse(conf) as Json;
        } catch {
          // Not JSON (a case about bad input): passed as it is; the plugin refuses it before IPAM.
        }
      }
      if (typeof conf === 'object' && conf !== null && !Array.isArray(conf)) {
        const o = { ...conf };
        if (typeof o.ipam === 'object' && o.ipam !== null && !Array.isArray(o.ipam) && o.ipam.dataDir === undefined) o.ipam = { ...o.ipam, dataDir };
        if (step.prevResultOf !== undefined) o.prevResult = JSON.parse(outputs[step.prevResultOf] as string) as Json;
        conf = o;
      }
      const stdin = typeof conf === 'string' ? conf : JSON.stringify(conf);
      if (stdin.includes('"ipam"') && !stdin.includes(dataDir)) throw new Error(`${c.id}: a call would use the machine's own host-local store`);
      const r = spawnSync('ip', ['netns', 'exec', node, 'env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), `/usr/lib/cni/${step.plugin}`], { input: stdin, encoding: 'utf8' });
      outputs.push(r.stdout);
      const env2: Record<string, string> = {};
      for (const [k, v] of Object.entries(step.env)) if (v !== undefined) env2[k] = k === 'CNI_NETNS' && v !== '' && !v.startsWith('/') ? `/var/run/netns/${v}` : v;
      steps.push({ ...step, env: env2, stdin: normalize(stdin), stdout: normalize(r.stdout), ...(r.stderr ? { stderr: normalize(r.stderr) } : {}), exitCode: r.status ?? -1 });
    }
  }
  for (const name of live) run('ip', ['netns', 'del', nsName(name)]);
  run('ip', ['netns', 'del', node]);
  const version = run('dpkg-query', ['-W', '-f', '${Version}', 'containernetworking-plugins']);
  const fixture = {
    id: c.id,
    notes: c.notes,
    ...(c.nat ? { nat: true } : {}),
    reference: { plugins: `containernetworking-plugins ${version} (Debian)`, kernel: run('uname', ['-r']).trim() },
    steps,
  };
  writeFileSync(join('fixtures', 'cni', `${c.id}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(`recorded ${c.id}: ${steps.length} steps`);
}

mkdirSync(join('fixtures', 'cni'), { recursive: true });
CASES.forEach((c, i) => {
  if (!only || only.includes(c.id)) recordCase(c, i);
});
