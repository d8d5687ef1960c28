import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedTopology } from '../src/core/index';

/** Runs `npm run --silent trace -- ...` the way a user would. */
function trace(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync('npm', ['run', '--silent', 'trace', '--', ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '..') });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run trace', () => {
  it('prints the seed journey as JSON lines, one event each', () => {
    const r = trace('--preset', 'seed', '--from', 'pod1', '--to', '10.10.11.1', '--format', 'jsonl');
    expect(r.code).toBe(0);
    const events = r.out.trim().split('\n').map((l) => JSON.parse(l) as { type: string; ns: string; iface?: string; dir?: string; arp?: { op: string; tpa: string } });
    expect(events[0]).toMatchObject({ type: 'send', ns: 'pod1' });
    expect(events.find((e) => e.type === 'frame')).toMatchObject({ ns: 'pod1', iface: 'eth0', dir: 'out', arp: { op: 'request', tpa: '10.10.10.254' } });
  }, 30_000);

  it('reads a topology file and a machine as the source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pj-trace-'));
    const file = join(dir, 'lab.json');
    writeFileSync(file, JSON.stringify(seedTopology()));
    const r = trace('--topology', file, '--from', 'node1', '--to', 'pod4', '--proto', 'udp', '--port', '53', '--format', 'text', '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.out).toContain('UDP');
    expect(r.out).toMatch(/порт недостижим/);
  }, 30_000);

  it('answers bad arguments and bad topology files with one line and exit code 2', () => {
    const cases: [string[], RegExp][] = [
      [['--from', 'pod1'], /^trace: --to is required/],
      [['--from', 'pod1', '--to', 'pod3', '--proto', 'sctp'], /^trace: --proto expects icmp, udp or tcp, got "sctp"/],
      [['--from', 'pod1', '--to', 'pod3', '--count', 'many'], /^trace: --count expects a whole number, got "many"/],
      [['--from', 'pod1', '--to', 'pod3', '--colour', 'red'], /^trace: unknown option --colour/],
      [['--from', 'ghost', '--to', 'pod3'], /^trace: from: no pod or machine named "ghost"/],
      [['--topology', '/nonexistent.json', '--from', 'pod1', '--to', 'pod3'], /^trace: cannot read topology file \/nonexistent.json/],
    ];
    for (const [args, message] of cases) {
      const r = trace(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
    const ru = trace('--from', 'pod1', '--to', 'pod9', '--lang', 'ru');
    expect(ru.code).toBe(2);
    expect(ru.err.trim()).toBe('trace: to: «pod9» — не под, не машина и не IPv4-адрес');
    const dir = mkdtempSync(join(tmpdir(), 'pj-trace-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...seedTopology(), segments: [] }));
    const r = trace('--topology', bad, '--from', 'pod1', '--to', 'pod3');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^trace: invalid topology .*bad\.json: machines\[0\]\.interfaces\[0\]\.segment: no segment "lan"/);
  }, 60_000);
});
