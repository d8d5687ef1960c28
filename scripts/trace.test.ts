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

  it('runs the Cilium presets: eBPF decisions as `bpf` records, the tunnel\'s VNI the source identity', () => {
    const r = trace('--preset', 'seed-cilium', '--from', 'pod1', '--to', 'pod3', '--format', 'jsonl');
    expect(r.code).toBe(0);
    const events = r.out.trim().split('\n').map((l) => JSON.parse(l) as { type: string; action?: string; identity?: number; vxlan?: { vni: number } });
    expect(events.filter((e) => e.type === 'bpf').map((e) => e.action)).toEqual(['arp-reply', 'encap', 'local-delivery', 'arp-reply', 'encap', 'local-delivery']);
    expect(events.find((e) => e.type === 'bpf' && e.action === 'encap')?.identity).toBe(256);
    expect(events.find((e) => e.type === 'frame' && e.vxlan)?.vxlan).toEqual({ vni: 256 });
  }, 30_000);

  it('runs the WireGuard presets: the datagram\'s readable header as `wireguard` (receiver, counter), the rest only as a length', () => {
    const r = trace('--preset', 'seed-cilium-native-wireguard', '--from', 'pod1', '--to', 'pod3', '--format', 'jsonl');
    expect(r.code).toBe(0);
    type Rec = { type: string; ns: string; iface?: string; dir?: string; action?: string; icmp?: unknown; len?: number; wireguard?: { type: string; receiver?: number; counter?: number; len: number; opaque: number } };
    const events = r.out.trim().split('\n').map((l) => JSON.parse(l) as Rec);
    const data = events.filter((e) => e.type === 'frame' && e.iface === 'eth0' && e.dir === 'out' && e.wireguard?.type === 'data');
    expect(data.map((e) => [e.ns, e.wireguard?.counter, e.wireguard?.len, e.wireguard?.opaque, e.len])).toEqual([['node1', 0, 128, 112, 156], ['node2', 0, 128, 112, 156]]);
    // The receiver is the index the other node chose in the handshake; the packet inside is never shown.
    const response = events.find((e) => e.type === 'wireguard' && e.action === 'response') as { sender?: number } | undefined;
    expect(data[0]?.wireguard?.receiver).toBe(response?.sender);
    expect(data.every((e) => e.icmp === undefined)).toBe(true);
    expect(events.filter((e) => e.type === 'wireguard').map((e) => e.action)).toEqual(['stage', 'initiation', 'initiation', 'response', 'response', 'session', 'encrypt', 'decrypt', 'encrypt', 'decrypt']);
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

  it('tells every argument and file error in the language of --lang, wherever --lang stands', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pj-trace-'));
    const notJson = join(dir, 'notes.json');
    writeFileSync(notJson, '{ "version": 1,\n  name: "x" }\n');
    const badMac = join(dir, 'mac.json');
    const seed = seedTopology();
    const [node1, ...rest] = seed.machines;
    const [eth0, ...ifaces] = node1?.interfaces ?? [];
    if (!node1 || !eth0) throw new Error('seed changed');
    writeFileSync(badMac, JSON.stringify({ ...seed, machines: [{ ...node1, interfaces: [{ ...eth0, mac: 'zz' }, ...ifaces] }, ...rest] }));
    const run = ['--from', 'pod1', '--to', 'pod3'];
    const cases: { args: string[]; en: RegExp; ru: RegExp }[] = [
      { args: [...run, '--count', '-1'], en: /^trace: --count expects a whole number, got "-1"$/, ru: /^trace: для --count нужно целое число \(только цифры\), получено «-1»$/ },
      { args: [...run, '--colour', 'red'], en: /^trace: unknown option --colour; usage: npm run/, ru: /^trace: неизвестный параметр --colour; использование: npm run/ },
      {
        args: [...run, '--preset', '__proto__'],
        en: /^trace: unknown preset "__proto__"; presets: seed, seed-redirects, seed-listeners, seed-calico-pod1, seed-vxlan, seed-host-gw, minikube-flannel, seed-calico, seed-calico-vxlan, seed-calico-ipip, minikube-calico, minikube-calico-ipip, seed-cilium, seed-cilium-native, minikube-cilium, seed-weave, seed-cilium-wireguard, seed-cilium-native-wireguard$/,
        ru: /^trace: неизвестный стенд «__proto__»; готовые стенды: seed, seed-redirects, seed-listeners, seed-calico-pod1, seed-vxlan, seed-host-gw, minikube-flannel, seed-calico, seed-calico-vxlan, seed-calico-ipip, minikube-calico, minikube-calico-ipip, seed-cilium, seed-cilium-native, minikube-cilium, seed-weave, seed-cilium-wireguard, seed-cilium-native-wireguard$/,
      },
      { args: [...run, '--topology', notJson], en: /^trace: topology file .*notes\.json is not valid JSON \(line 2, column 3\)$/, ru: /^trace: файл топологии .*notes\.json не является корректным JSON \(строка 2, столбец 3\)$/ },
      {
        args: [...run, '--topology', badMac],
        en: /^trace: invalid topology .*mac\.json: machines\[0\]\.interfaces\[0\]\.mac: expected a MAC like 02:00:0a:0a:0a:01, got "zz"$/,
        ru: /^trace: топология .*mac\.json не прошла проверку: machines\[0\]\.interfaces\[0\]\.mac: ожидается MAC-адрес вида 02:00:0a:0a:0a:01, получено «zz»$/,
      },
      { args: [...run, '--size', '1k'], en: /^trace: --size expects a whole number, got "1k"$/, ru: /^trace: для --size нужно целое число \(только цифры\), получено «1k»$/ },
      { args: [...run, '--size', '70000'], en: /^trace: size: expected a whole number from 0 to 65507, got 70000$/, ru: /^trace: size \(байт данных\): нужно целое число от 0 до 65507, получено 70000$/ },
      { args: [...run, '--pmtudisc', 'maybe'], en: /^trace: --pmtudisc expects want, do or dont, got "maybe"$/, ru: /^trace: для --pmtudisc нужно want, do или dont, получено «maybe»$/ },
      { args: [...run, '--explain', 'long'], en: /^trace: --explain expects short, detailed or none, got "long"$/, ru: /^trace: для --explain нужно short, detailed или none, получено «long»$/ },
    ];
    /** English words that would betray an untranslated message (option names and values aside). */
    const english = /\b(expects?|expected|got|unknown|option|preset|presets|usage|cannot|invalid|file|not|valid|is|no)\b/;
    cases.forEach(({ args, en, ru }, k) => {
      const runs: [string[], RegExp, 'en' | 'ru'][] = [
        [args, en, 'en'],
        // --lang is found first wherever it stands, in both spellings.
        [k % 2 === 0 ? ['--lang', 'ru', ...args] : [...args, '--lang=ru'], ru, 'ru'],
      ];
      for (const [argv, message, lang] of runs) {
        const r = trace(...argv);
        expect(r.code, argv.join(' ')).toBe(2);
        expect(r.err.split('\n').filter(Boolean), argv.join(' ')).toHaveLength(1);
        expect(r.err.trim()).toMatch(message);
        if (lang === 'ru') {
          const words = r.err.replace(/«[^«»]*»/g, '').replace(/\S*[/.[\]]\S*/g, '').replace(/--\w+/g, '');
          expect(words, r.err).toMatch(/[а-яё]/);
          expect(words, r.err).not.toMatch(english);
        }
      }
    });
  }, 120_000);

  it('refuses an unknown --lang in every language, since none was chosen', () => {
    const r = trace('--from', 'pod1', '--to', 'pod3', '--lang', 'de');
    expect(r.code).toBe(2);
    expect(r.err).toBe('trace: --lang expects en or ru, got "de" / для --lang нужно en или ru, получено «de»\n');
  }, 30_000);

  it('adds chapter and outcome records to jsonl, and the story of each event when --explain asks', () => {
    const plain = trace('--from', 'pod1', '--to', '10.10.11.9', '--format', 'jsonl');
    const told = trace('--from', 'pod1', '--to', '10.10.11.9', '--format', 'jsonl', '--explain', 'short', '--lang', 'ru');
    expect(plain.code).toBe(0);
    const recs = plain.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const events = recs.filter((r) => r.record === undefined);
    expect(events.every((e) => !('text' in e))).toBe(true);
    expect(recs.filter((r) => r.record === 'chapter').map((r) => r.kind)).toContain('resolve-dst');
    expect(recs.at(-1)).toMatchObject({ record: 'outcome' });
    expect(String(recs.at(-1)?.text)).toContain('Destination Host Unreachable');
    const toldRecs = told.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const failed = toldRecs.find((r) => r.type === 'neigh' && r.cause === 'failed');
    expect(failed?.text).toBe('На 3 ARP-запроса о 10.10.11.9 никто не ответил: запись переходит в FAILED, ожидавший пакет отбрасывается.');
  }, 30_000);

  it('prints the text trace at the level asked', () => {
    const none = trace('--from', 'pod1', '--to', 'pod3', '--explain', 'none');
    const short = trace('--from', 'pod1', '--to', 'pod3', '--explain', 'short');
    expect(none.out).not.toContain('# ');
    expect(short.out).toContain('# router decrements TTL: 63 → 62.\n');
    expect(short.out).not.toContain('(kernel:');
  }, 30_000);

  it('reads only regular files, and refuses them in the --lang language', () => {
    const dev = trace('--topology', '/dev/zero', '--from', 'pod1', '--to', 'pod3', '--lang', 'ru');
    expect(dev.code).toBe(2);
    expect(dev.err).toBe('trace: /dev/zero — не обычный файл; укажите путь к файлу топологии\n');
    const dir = trace('--topology', tmpdir(), '--from', 'pod1', '--to', 'pod3');
    expect(dir.err).toBe(`trace: ${tmpdir()} is not a regular file; give the path of a topology file\n`);
  }, 30_000);

  it('writes control characters of user-given names escaped, so a lab cannot drive the terminal or forge lines', () => {
    const t = seedTopology();
    const evil = 's\u001b[2J\nFAKE';
    const json = JSON.stringify(t).replaceAll('"lan"', JSON.stringify(evil));
    const dir = mkdtempSync(join(tmpdir(), 'pj-trace-'));
    const file = join(dir, 'evil.json');
    writeFileSync(file, json);
    const r = trace('--topology', file, '--from', 'pod1', '--to', 'pod3');
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toContain('\u001b');
    expect(r.out.split('\n').some((l) => l.startsWith('FAKE'))).toBe(false);
    expect(r.out).toContain('s\\u001b[2J\\u000aFAKE');
  }, 30_000);

  it('runs a lab Linux accepts but that is unwise, and warns on stderr in the --lang language', () => {
    const t = seedTopology();
    const node1 = t.machines[0];
    if (!node1) throw new Error('seed changed');
    // Calico gives every host-side veth the same MAC: legal, and the journey still works.
    const ifaces = (node1.interfaces ?? []).map((i) => (i.kind === 'veth' ? { ...i, mac: 'ee:ee:ee:ee:ee:ee' } : i));
    const dir = mkdtempSync(join(tmpdir(), 'pj-trace-'));
    const file = join(dir, 'shared-mac.json');
    writeFileSync(file, JSON.stringify({ ...t, machines: [{ ...node1, interfaces: ifaces }, ...t.machines.slice(1)] }));
    const r = trace('--topology', file, '--from', 'pod3', '--to', 'pod4', '--lang', 'ru');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^trace: предупреждение: machines\[0\]\.interfaces\[\d\]\.mac: MAC-адрес ee:ee:ee:ee:ee:ee/);
    expect(r.out).toContain('Эхо-ответов вернулось в pod3: 1 из 1.');
  }, 30_000);
});
