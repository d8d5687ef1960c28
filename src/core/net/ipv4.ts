/** IPv4 addresses as unsigned 32-bit numbers, and prefixes. */

/** An address with its prefix length, e.g. 10.10.10.1/24. */
export interface Cidr {
  ip: number;
  prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses dotted-quad IPv4; returns null when it is not one. */
export function parseIp(text: string): number | null {
  const m = IPV4.exec(text);
  if (!m) return null;
  let v = 0;
  for (let i = 1; i <= 4; i++) {
    const o = Number(m[i]);
    if (o > 255) return null;
    v = v * 256 + o;
  }
  return v;
}

const parsed = new Map<string, number | null>();

/**
 * parseIp with a memo: the engine re-reads the same few header addresses at every hop. The memo is
 * cleared when it grows large, so random inputs cannot make it grow without bound.
 */
export function parseIpCached(text: string): number | null {
  const hit = parsed.get(text);
  if (hit !== undefined) return hit;
  if (parsed.size > 4096) parsed.clear();
  const ip = parseIp(text);
  parsed.set(text, ip);
  return ip;
}

/** Parses `a.b.c.d/n`; returns null when it is not one. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIp(text.slice(0, slash));
  const lenText = text.slice(slash + 1);
  if (ip === null || !/^\d{1,2}$/.test(lenText)) return null;
  const prefix = Number(lenText);
  if (prefix > 32) return null;
  return { ip, prefix };
}

/** Dotted-quad text of a 32-bit address. */
export function formatIp(ip: number): string {
  return `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/** Netmask of a prefix length as an unsigned number. */
export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Network address of ip/prefix. */
export function networkOf(ip: number, prefix: number): number {
  return (ip & maskOf(prefix)) >>> 0;
}

/** Directed broadcast address of ip/prefix. */
export function broadcastOf(ip: number, prefix: number): number {
  return (networkOf(ip, prefix) | (~maskOf(prefix) >>> 0)) >>> 0;
}

/** Whether `ip` lies inside `net/prefix`. */
export function inPrefix(ip: number, net: number, prefix: number): boolean {
  return (ip & maskOf(prefix)) >>> 0 === networkOf(net, prefix);
}

/** 127.0.0.0/8: every namespace's own loopback (`local 127.0.0.0/8 dev lo` in its local table). */
export function isLoopback(ip: number): boolean {
  return ip >>> 24 === 127;
}

/** 224.0.0.0/4 (ipv4_is_multicast). */
export function isMulticast(ip: number): boolean {
  return ip >>> 28 === 14;
}

/**
 * What ip_route_input_slow() calls a martian source before any lookup: multicast, the limited
 * broadcast 255.255.255.255, 0.0.0.0/8 and (route_localnet off) 127.0.0.0/8.
 */
export function isMartianSource(ip: number): boolean {
  return ip >>> 28 === 14 || ip === 0xffffffff || ip >>> 24 === 0 || ip >>> 24 === 127;
}

/** 127.0.0.1, the loopback address. */
export const LOOPBACK = 0x7f000001;

/** Canonical MAC text (lower case) or null when malformed. */
export function parseMac(text: string): string | null {
  return /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/.test(text) ? text.toLowerCase() : null;
}

/** Whether a MAC is a group address (broadcast or multicast): the I/G bit, lowest of the first octet. */
export function isGroupMac(mac: string): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 1) === 1;
}

/** The Ethernet broadcast address. */
export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';
/** The all-zero MAC, as an ARP request's target hardware address. */
export const ZERO_MAC = '00:00:00:00:00:00';
