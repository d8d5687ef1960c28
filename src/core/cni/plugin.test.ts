import { describe, expect, it } from 'vitest';
import { BRIDGE_CONF, call, envFor, errorOf, nodeWith } from './testing';
import { versionText } from './version';
import type { Json } from './goJson';

/*
 * skel: what every plugin binary checks before it does anything (containernetworking/cni
 * pkg/skel), with the spec's error codes (SPEC.md §5) and the reference texts.
 */

const conf = (patch: Record<string, Json>): Json => ({ ...(BRIDGE_CONF as Record<string, Json>), ...patch });

describe('skel: the environment, the configuration and the version, before any plugin work', () => {
  it('names every missing variable a command needs (code 4); without CNI_COMMAND the binary says what it is, on stderr', () => {
    const n = nodeWith('pod1');
    expect(errorOf(call(n, 'bridge', { CNI_COMMAND: 'ADD' }, BRIDGE_CONF))).toEqual({ code: 4, msg: 'required env variables [CNI_CONTAINERID,CNI_NETNS,CNI_IFNAME,CNI_PATH] missing' });
    expect(errorOf(call(n, 'bridge', { CNI_COMMAND: 'DEL', CNI_NETNS: '/var/run/netns/pod1' }, BRIDGE_CONF)).msg).toBe('required env variables [CNI_CONTAINERID,CNI_IFNAME,CNI_PATH] missing');
    expect(errorOf(call(n, 'bridge', { CNI_COMMAND: 'CHECK', CNI_CONTAINERID: 'c1', CNI_IFNAME: 'eth0', CNI_PATH: '/opt/cni/bin' }, BRIDGE_CONF)).msg).toBe('required env variables [CNI_NETNS] missing');
    expect(errorOf(call(n, 'bridge', { CNI_COMMAND: 'GC' }, conf({ cniVersion: '1.1.0' }))).msg).toBe('required env variables [CNI_PATH] missing');
    expect(errorOf(call(n, 'host-local', { CNI_COMMAND: 'STATUS' }, conf({ cniVersion: '1.1.0' }))).msg).toBe('required env variables [CNI_PATH] missing');
    // An empty variable is a missing one (os.Getenv).
    expect(errorOf(call(n, 'bridge', envFor('ADD', '', 'pod1'), BRIDGE_CONF)).msg).toBe('required env variables [CNI_CONTAINERID] missing');
    const about = call(n, 'bridge', {}, BRIDGE_CONF);
    expect([about.exitCode, about.stdout]).toEqual([0, '']);
    expect(about.stderr).toMatch(/^CNI bridge plugin .*\nCNI protocol versions supported: 0\.1\.0, .*1\.1\.0\n$/);
  });

  it('VERSION needs nothing else and ignores stdin', () => {
    const r = call(nodeWith(), 'host-local', { CNI_COMMAND: 'VERSION' }, 'not json at all');
    expect([r.exitCode, r.stdout]).toEqual([0, versionText()]);
    expect(JSON.parse(r.stdout)).toEqual({ cniVersion: '1.1.0', supportedVersions: ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0'] });
  });

  it('refuses a container ID or an interface name the spec does not allow (codes 3 and 4)', () => {
    const n = nodeWith('pod1');
    expect(errorOf(call(n, 'bridge', envFor('ADD', '-bad', 'pod1'), BRIDGE_CONF))).toEqual({ code: 4, msg: 'invalid characters in containerID', details: '-bad' });
    expect(errorOf(call(n, 'bridge', envFor('ADD', 'c1', 'pod1', { CNI_IFNAME: 'averyveryverylongname' }), BRIDGE_CONF))).toEqual({ code: 4, msg: 'interface name is too long', details: 'interface name should be less than 16 characters' });
    expect(errorOf(call(n, 'bridge', envFor('ADD', 'c1', 'pod1', { CNI_IFNAME: '..' }), BRIDGE_CONF)).msg).toBe('interface name is . or ..');
    expect(errorOf(call(n, 'bridge', envFor('ADD', 'c1', 'pod1', { CNI_IFNAME: 'eth 0' }), BRIDGE_CONF)).msg).toBe('interface name contains / or : or whitespace characters');
    // Fifteen bytes are the kernel's limit (IFNAMSIZ - 1), counted in UTF-8.
    expect(errorOf(call(n, 'bridge', envFor('ADD', 'c1', 'pod1', { CNI_IFNAME: 'ééééééééé' }), BRIDGE_CONF)).msg).toBe('interface name is too long');
  });

  it('refuses a configuration it cannot read (6) or that has no valid name (7), with Go\'s words', () => {
    const n = nodeWith('pod1');
    const env = envFor('ADD', 'c1', 'pod1');
    expect(errorOf(call(n, 'bridge', env, ''))).toEqual({ code: 6, msg: 'error unmarshall network config: unexpected end of JSON input' });
    expect(errorOf(call(n, 'bridge', env, '{"name": x}')).msg).toBe("error unmarshall network config: invalid character 'x' looking for beginning of value");
    expect(errorOf(call(n, 'bridge', env, '{"name": "a",}')).msg).toBe("error unmarshall network config: invalid character '}' looking for beginning of object key string");
    expect(errorOf(call(n, 'bridge', env, '{"name": "a"} {')).msg).toBe("error unmarshall network config: invalid character '{' after top-level value");
    expect(errorOf(call(n, 'bridge', env, { cniVersion: '1.0.0' }))).toEqual({ code: 7, msg: 'missing network name' });
    expect(errorOf(call(n, 'bridge', env, conf({ name: 'my net' })))).toEqual({ code: 7, msg: 'invalid characters found in network name', details: 'my net' });
    expect(errorOf(call(n, 'bridge', env, conf({ name: 5 }))).code).toBe(6);
  });

  it('checks the version: one it does not know (1), CHECK before 0.4.0, GC and STATUS before 1.1.0 (1), a version that does not parse (6)', () => {
    const n = nodeWith('pod1');
    const unknown = errorOf(call(n, 'bridge', envFor('ADD', 'c1', 'pod1'), conf({ cniVersion: '9.9.9' })));
    expect(unknown.code).toBe(1);
    expect(unknown.details).toBe('config is "9.9.9", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0" "1.0.0" "1.1.0"]');
    expect(errorOf(call(n, 'bridge', envFor('CHECK', 'c1', 'pod1'), conf({ cniVersion: '0.3.1' })))).toEqual({ code: 1, msg: 'config version does not allow CHECK' });
    expect(errorOf(call(n, 'bridge', { CNI_COMMAND: 'GC', CNI_PATH: '/opt/cni/bin' }, BRIDGE_CONF))).toEqual({ code: 1, msg: 'config version does not allow GC' });
    expect(errorOf(call(n, 'bridge', { CNI_COMMAND: 'STATUS', CNI_PATH: '/opt/cni/bin' }, BRIDGE_CONF))).toEqual({ code: 1, msg: 'config version does not allow STATUS' });
    expect(errorOf(call(n, 'bridge', envFor('CHECK', 'c1', 'pod1'), conf({ cniVersion: '2.0.0' })))).toEqual({ code: 1, msg: 'plugin version does not allow CHECK' });
    expect(errorOf(call(n, 'bridge', envFor('CHECK', 'c1', 'pod1'), conf({ cniVersion: 'one.0' })))).toEqual({ code: 6, msg: 'failed to convert major version part "one": strconv.Atoi: parsing "one": invalid syntax' });
    expect(errorOf(call(n, 'bridge', envFor('CHECK', 'c1', 'pod1'), conf({ cniVersion: '1.0.0.0' }))).msg).toBe('invalid version "1.0.0.0": too many parts');
  });

  it('an unknown command is an invalid variable (4); a plugin\'s own failure is 999; an error prints as skel prints it', () => {
    const n = nodeWith('pod1');
    expect(errorOf(call(n, 'bridge', envFor('FOO', 'c1', 'pod1'), BRIDGE_CONF))).toEqual({ code: 4, msg: 'unknown CNI_COMMAND: FOO' });
    const r = call(n, 'bridge', envFor('ADD', 'c1', 'pod1'), conf({ hairpinMode: true, promiscMode: true }));
    expect(r.stdout).toBe('{\n    "code": 999,\n    "msg": "cannot set hairpin mode and promiscuous mode at the same time."\n}');
  });

  it('finds a delegate in CNI_PATH or says where it looked (999)', () => {
    const n = nodeWith('pod1');
    expect(errorOf(call(n, 'bridge', envFor('ADD', 'c1', 'pod1', { CNI_PATH: '/opt/cni/bin:/usr/lib/cni' }), conf({ ipam: { type: 'dhcp-nope' } }))).msg).toBe('failed to find plugin "dhcp-nope" in path [/opt/cni/bin /usr/lib/cni]');
    expect(errorOf(call(n, 'bridge', envFor('ADD', 'c1', 'pod1'), conf({ ipam: { type: '../x' } }))).msg).toBe('invalid plugin name: ../x');
    expect(errorOf(call(n, 'bridge', envFor('ADD', 'c1', 'pod1', { CNI_PATH: ':' }), BRIDGE_CONF)).msg).toBe('no paths provided');
  });
});
