import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cni';
import { CniCliError, parseCniArgs } from '../cniArgs';

/*
 * `npm run --silent cni`: a plugin binary over a node kept in a file, driven by the environment
 * and stdin as a runtime drives the reference plugins.
 */

const CONF = JSON.stringify({ cniVersion: '1.0.0', name: 'mynet', type: 'bridge', isGateway: true, ipam: { type: 'host-local', ranges: [[{ subnet: '10.22.0.0/24' }]] } });
const ENV = { CNI_CONTAINERID: 'c1', CNI_NETNS: '/var/run/netns/pod1', CNI_IFNAME: 'eth0', CNI_PATH: '/opt/cni/bin' };

/** Runs main() with `stdin` as fd 0 would give it. */
function run(argv: string[], env: NodeJS.ProcessEnv, stdin = ''): { code: number; out: string; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pj-cni-stdin-'));
  const file = join(dir, 'in');
  writeFileSync(file, stdin);
  let out = '';
  let err = '';
  const code = main(argv, env, (s) => (out += s), (s) => (err += s), () => readFileSync(file, 'utf8'));
  return { code, out, err };
}

describe('the CNI command', () => {
  it('reads its arguments, and says what is wrong in English or Russian', () => {
    expect(parseCniArgs(['--state', 'n.json'])).toEqual({ kind: 'plugin', state: 'n.json', lang: 'en' });
    expect(parseCniArgs(['--state', 'n.json', '--netns', 'add', 'pod1'])).toEqual({ kind: 'netns', state: 'n.json', op: 'add', name: 'pod1', lang: 'en' });
    expect(parseCniArgs(['--lang', 'ru', '--help'])).toEqual({ kind: 'help', lang: 'ru' });
    const err = (argv: string[]): Record<string, string> => {
      try {
        parseCniArgs(argv);
      } catch (e) {
        if (e instanceof CniCliError) return e.text;
      }
      throw new Error('no error');
    };
    expect(err([])).toEqual({ en: '--state FILE is required: the file that keeps the node', ru: 'нужен --state ФАЙЛ: файл, в котором хранится нода' });
    expect(err(['--state', 'n', '--netns', 'make', 'x']).en).toBe('--netns expects add or del, got "make"');
    expect(err(['--state']).en).toBe('--state needs a value');
    expect(err(['--state', 'n', '--frobnicate']).ru).toBe('неизвестный параметр --frobnicate');
  });

  it('keeps a node in a file across calls: namespaces, ADD, round-robin, DEL, VERSION, errors with the plugins\' exit codes', () => {
    const state = join(mkdtempSync(join(tmpdir(), 'pj-cni-')), 'node1.json');
    expect(run(['--state', state, '--netns', 'add', 'pod1'], {}).code).toBe(0);
    expect(run(['--state', state, '--netns', 'add', 'pod1'], {})).toEqual({ code: 1, out: '', err: 'Cannot create namespace file "/var/run/netns/pod1": File exists\n' });
    const add = run(['--state', state], { ...ENV, CNI_COMMAND: 'ADD' }, CONF);
    expect(add.code).toBe(0);
    expect((JSON.parse(add.out) as { ips: unknown[] }).ips).toEqual([{ interface: 2, address: '10.22.0.2/24', gateway: '10.22.0.1' }]);
    expect(run(['--state', state], { ...ENV, CNI_COMMAND: 'DEL' }, CONF)).toEqual({ code: 0, out: '', err: '' });
    run(['--state', state, '--netns', 'add', 'pod2'], {});
    const again = run(['--state', state], { ...ENV, CNI_CONTAINERID: 'c2', CNI_NETNS: '/var/run/netns/pod2', CNI_COMMAND: 'ADD' }, CONF);
    expect((JSON.parse(again.out) as { ips: { address: string }[] }).ips[0]?.address).toBe('10.22.0.3/24');
    const missing = run(['--state', state], { CNI_COMMAND: 'ADD' }, CONF);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toEqual({ code: 4, msg: 'required env variables [CNI_CONTAINERID,CNI_NETNS,CNI_IFNAME,CNI_PATH] missing' });
    expect(JSON.parse(run(['--state', state], { CNI_COMMAND: 'VERSION' }).out)).toMatchObject({ cniVersion: '1.1.0' });
    const shown = JSON.parse(run(['--state', state, '--show'], {}).out) as { namespaces: Record<string, unknown>; files: Record<string, string> };
    expect(Object.keys(shown.namespaces)).toEqual(['host', '/var/run/netns/pod1', '/var/run/netns/pod2']);
    expect(shown.files['/var/lib/cni/networks/mynet/last_reserved_ip.0']).toBe('10.22.0.3');
  });

  it('plays flanneld\'s part with --write, and refuses a file that is not a node state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pj-cni-'));
    const state = join(dir, 'node.json');
    run(['--state', state, '--write', '/run/flannel/subnet.env'], {}, 'FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n');
    run(['--state', state, '--netns', 'add', 'pod1'], {});
    const r = run(['--state', state], { ...ENV, CNI_COMMAND: 'ADD' }, JSON.stringify({ cniVersion: '0.3.1', name: 'cbr0', type: 'flannel', delegate: { isDefaultGateway: true } }));
    expect((JSON.parse(r.out) as { ips: { address: string }[] }).ips[0]?.address).toBe('10.244.1.2/24');
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"version": 1}');
    expect(() => run(['--state', other], { CNI_COMMAND: 'VERSION' })).toThrow(CniCliError);
  });

  it('runs as a process: npm run --silent cni, environment and stdin in, JSON and exit code out', () => {
    const state = join(mkdtempSync(join(tmpdir(), 'pj-cni-')), 'node.json');
    const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const cli = join(import.meta.dirname, '..', 'cni.ts');
    spawnSync(tsx, [cli, '--state', state, '--netns', 'add', 'pod1'], { encoding: 'utf8' });
    const ok = spawnSync(tsx, [cli, '--state', state], { input: CONF, encoding: 'utf8', env: { ...process.env, ...ENV, CNI_COMMAND: 'ADD' } });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { interfaces: { name: string }[] }).interfaces.map((i) => i.name.replace(/^veth[0-9a-f]{8}$/, 'veth*'))).toEqual(['cni0', 'veth*', 'eth0']);
    const bad = spawnSync(tsx, [cli, '--state', state], { input: '{', encoding: 'utf8', env: { ...process.env, ...ENV, CNI_COMMAND: 'ADD' } });
    expect([bad.status, JSON.parse(bad.stdout)]).toEqual([1, { code: 6, msg: 'error unmarshall network config: unexpected end of JSON input' }]);
    const usage = spawnSync(tsx, [cli, '--lang', 'ru'], { encoding: 'utf8' });
    expect([usage.status, usage.stderr]).toEqual([2, 'cni: нужен --state ФАЙЛ: файл, в котором хранится нода\nсправка: npm run --silent cni -- --help --lang ru\n']);
  }, 30000);
});
