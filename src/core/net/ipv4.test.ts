import { describe, expect, it } from 'vitest';
import { broadcastOf, formatIp, inPrefix, maskOf, networkOf, parseCidr, parseIp, parseMac } from './ipv4';

describe('IPv4 helpers', () => {
  it('parses and formats dotted quads, rejecting out-of-range octets', () => {
    expect(parseIp('10.10.11.1')).toBe(0x0a0a0b01);
    expect(formatIp(0xac1064fe)).toBe('172.16.100.254');
    expect(parseIp('256.1.1.1')).toBeNull();
    expect(parseIp('10.10.10')).toBeNull();
    expect(parseIp('a.b.c.d')).toBeNull();
  });

  it('parses prefixes and computes masks, networks and broadcasts', () => {
    expect(parseCidr('10.10.10.1/24')).toEqual({ ip: 0x0a0a0a01, prefix: 24 });
    expect(parseCidr('10.10.10.1/33')).toBeNull();
    expect(parseCidr('10.10.10.1')).toBeNull();
    expect(maskOf(0)).toBe(0);
    expect(maskOf(24)).toBe(0xffffff00);
    expect(maskOf(32)).toBe(0xffffffff);
    expect(formatIp(networkOf(parseIp('10.10.11.77') as number, 24))).toBe('10.10.11.0');
    expect(formatIp(broadcastOf(parseIp('10.10.11.77') as number, 24))).toBe('10.10.11.255');
    expect(inPrefix(parseIp('10.10.11.1') as number, parseIp('10.10.11.0') as number, 24)).toBe(true);
    expect(inPrefix(parseIp('10.10.12.1') as number, parseIp('10.10.11.0') as number, 24)).toBe(false);
    expect(inPrefix(parseIp('8.8.8.8') as number, 0, 0)).toBe(true);
  });

  it('normalises MACs to lower case and rejects malformed ones', () => {
    expect(parseMac('02:00:0A:0A:0A:01')).toBe('02:00:0a:0a:0a:01');
    expect(parseMac('02:00:0a:0a:0a')).toBeNull();
    expect(parseMac('zz:00:0a:0a:0a:01')).toBeNull();
  });
});
