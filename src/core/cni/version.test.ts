import { describe, expect, it } from 'vitest';
import { goParse } from './goDecode';
import { goCompact, goIndent, sortedKeys } from './goJson';
import { decodeVersion, parseVersion, printResult, readResult, resultInVersion, versionAtLeast } from './version';
import type { CniResult } from './types';

/*
 * Versions and result shapes (cni pkg/version, pkg/types/020, 040, 100) and Go's JSON, whose
 * exact bytes the runtime reads.
 */

const RESULT: CniResult = {
  cniVersion: '1.1.0',
  interfaces: [{ name: 'cni0', mac: '0a:00:00:00:00:01' }, { name: 'vethabcdef01', mac: '0a:00:00:00:00:02' }, { name: 'eth0', mac: '0a:00:00:00:00:03', sandbox: '/var/run/netns/p' }],
  ips: [{ interface: 2, address: '10.22.0.2/24', gateway: '10.22.0.1' }],
  routes: [{ dst: '10.244.0.0/16' }, { dst: '0.0.0.0/0', gw: '10.22.0.1', mtu: 1400 }],
  dns: {},
};

describe('spec versions and result shapes', () => {
  it('parses and compares versions as pkg/version does', () => {
    expect(parseVersion('')).toEqual([0, 1, 0]);
    expect(parseVersion('1')).toEqual([1, 0, 0]);
    expect(versionAtLeast('0.4.0', '0.3.1')).toBe(true);
    expect(versionAtLeast('0.3.1', '0.4.0')).toBe(false);
    expect(versionAtLeast('1.1.0', '1.1.0')).toBe(true);
    expect(() => parseVersion('1.x')).toThrow('failed to convert minor version part "x": strconv.Atoi: parsing "x": invalid syntax');
    expect(decodeVersion('{}')).toBe('0.1.0');
    expect(() => decodeVersion('{"cniVersion": 1}')).toThrow('decoding version from network config: json: cannot unmarshal number into Go struct field .cniVersion of type string');
  });

  it('prints a result in the version asked for: 1.1.0 whole, 1.0.0 without route extras, 0.3.x/0.4.0 with "version", 0.2.0 as ip4', () => {
    expect(resultInVersion(RESULT, '1.1.0').routes).toEqual([{ dst: '10.244.0.0/16' }, { dst: '0.0.0.0/0', gw: '10.22.0.1', mtu: 1400 }]);
    expect(resultInVersion(RESULT, '1.0.0').routes).toEqual([{ dst: '10.244.0.0/16' }, { dst: '0.0.0.0/0', gw: '10.22.0.1' }]);
    expect(resultInVersion(RESULT, '0.4.0').ips).toEqual([{ version: '4', interface: 2, address: '10.22.0.2/24', gateway: '10.22.0.1' }]);
    expect(resultInVersion(RESULT, '0.2.0')).toEqual({ cniVersion: '0.2.0', ip4: { ip: '10.22.0.2/24', gateway: '10.22.0.1', routes: [{ dst: '10.244.0.0/16' }, { dst: '0.0.0.0/0', gw: '10.22.0.1' }] }, dns: {} });
    expect(() => resultInVersion({ cniVersion: '1.0.0', dns: {} }, '0.2.0')).toThrow('cannot convert: no valid IP addresses');
    expect(printResult(RESULT, '1.0.0').split('\n').slice(0, 3)).toEqual(['{', '    "cniVersion": "1.0.0",', '    "interfaces": [']);
  });

  it('reads any version back into the current shape (a delegate\'s stdout, a prevResult)', () => {
    for (const v of ['1.1.0', '1.0.0', '0.4.0', '0.3.1']) {
      const back = readResult(JSON.parse(printResult(RESULT, v)) as never);
      expect(back.ips, v).toEqual(RESULT.ips);
      expect(back.interfaces, v).toEqual(RESULT.interfaces);
    }
    expect(readResult(JSON.parse(printResult(RESULT, '0.2.0')) as never).ips).toEqual([{ address: '10.22.0.2/24', gateway: '10.22.0.1' }]);
  });
});

describe('Go\'s JSON', () => {
  it('writes as encoding/json: four-space indent, HTML-safe escapes, sorted map keys', () => {
    expect(goIndent({ a: [1, { b: '<&>' }], c: {} })).toBe('{\n    "a": [\n        1,\n        {\n            "b": "\\u003c\\u0026\\u003e"\n        }\n    ],\n    "c": {}\n}');
    expect(goCompact(sortedKeys({ z: 1, a: { y: 2, b: [3] } }))).toBe('{"a":{"b":[3],"y":2},"z":1}');
  });

  it('names the first bad byte as Go\'s scanner does', () => {
    const err = (s: string): string => {
      const r = goParse(s);
      return r.ok ? 'ok' : r.error;
    };
    expect(err('')).toBe('unexpected end of JSON input');
    expect(err('{"a": tru}')).toBe("invalid character '}' in literal true (expecting 'e')");
    expect(err('{"a" 1}')).toBe("invalid character '1' after object key");
    expect(err('{"a": 1 "b"}')).toBe('invalid character \'"\' after object key:value pair');
    expect(err('[1 2]')).toBe("invalid character '2' after array element");
    expect(err('"a\\x"')).toBe("invalid character 'x' in string escape code");
    expect(err('-x')).toBe("invalid character 'x' in numeric literal");
    expect(err('1.e3')).toBe("invalid character 'e' after decimal point in numeric literal");
    expect(err('{"a":\n1}')).toBe('ok');
  });
});
