import { describe, expect, it } from 'vitest';
import { decodeEthernet, tcpFlags } from './decodeFrame';
import { readPcap } from './pcap';

const hex = (s: string): number[] => s.split(/[:.]/).map((x) => parseInt(x, 16));
const ip = (s: string): number[] => s.split('.').map(Number);
const be16 = (n: number): number[] => [n >> 8, n & 0xff];

function eth(dst: string, src: string, type: number, payload: number[]): Uint8Array {
  return new Uint8Array([...hex(dst), ...hex(src), ...be16(type), ...payload]);
}

function ipv4(src: string, dst: string, ttl: number, proto: number, payload: number[]): number[] {
  // id 0x1234 must not show up anywhere in the decoded frame.
  return [0x45, 0, ...be16(20 + payload.length), 0x12, 0x34, 0x40, 0, ttl, proto, 0, 0, ...ip(src), ...ip(dst), ...payload];
}

const A = '02:00:0a:0a:0a:01';
const B = '02:00:0a:0a:0a:fe';

describe('decodeEthernet', () => {
  it('decodes an ARP request', () => {
    const arp = [0, 1, 8, 0, 6, 4, 0, 1, ...hex(A), ...ip('10.10.10.1'), 0, 0, 0, 0, 0, 0, ...ip('10.10.10.254')];
    expect(decodeEthernet(eth('ff:ff:ff:ff:ff:ff', A, 0x0806, arp))).toEqual({
      frame: {
        eth: { src: A, dst: 'ff:ff:ff:ff:ff:ff', type: 'arp' },
        arp: { op: 'request', sha: A, spa: '10.10.10.1', tha: '00:00:00:00:00:00', tpa: '10.10.10.254' },
      },
    });
  });

  it('decodes an echo request with its sequence number but not its identifier', () => {
    const icmp = [8, 0, 0, 0, 0xbe, 0xef, 0, 7, 1, 2, 3];
    expect(decodeEthernet(eth(B, A, 0x0800, ipv4('10.10.10.1', '10.10.11.1', 64, 1, icmp)))).toEqual({
      frame: {
        eth: { src: A, dst: B, type: 'ipv4' },
        ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl: 64, proto: 'icmp' },
        icmp: { type: 8, code: 0, seq: 7 },
      },
    });
  });

  it('marks fragments, and decodes no transport header in a later one', () => {
    const first = ipv4('10.10.10.1', '10.10.11.1', 64, 1, [8, 0, 0, 0, 0xbe, 0xef, 0, 1, 1, 2]);
    first[6] = 0x20; // MF, offset 0 (and no DF)
    const later = ipv4('10.10.10.1', '10.10.11.1', 64, 1, [0xc0, 0xc1, 0xc2, 0xc3]);
    later[6] = 0x00;
    later[7] = 0xb9; // offset 185 * 8 = 1480, last fragment
    expect(decodeEthernet(eth(B, A, 0x0800, first))).toEqual({
      frame: {
        eth: { src: A, dst: B, type: 'ipv4' },
        ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl: 64, proto: 'icmp', fragOffset: 0, mf: true },
        icmp: { type: 8, code: 0, seq: 1 },
      },
    });
    expect(decodeEthernet(eth(B, A, 0x0800, later))).toEqual({
      frame: { eth: { src: A, dst: B, type: 'ipv4' }, ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl: 64, proto: 'icmp', fragOffset: 1480, mf: false } },
    });
  });

  it('decodes a port unreachable with the quoted header and ports', () => {
    const quoted = ipv4('10.10.10.1', '10.10.11.1', 61, 17, [...be16(46011), ...be16(9999), 0, 10, 0, 0]);
    const icmp = [3, 3, 0, 0, 0, 0, 0, 0, ...quoted];
    const d = decodeEthernet(eth(A, B, 0x0800, ipv4('10.10.11.1', '10.10.10.1', 61, 1, icmp)));
    expect(d).toMatchObject({
      frame: { icmp: { type: 3, code: 3, quote: { ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl: 61, proto: 'udp' }, sport: 46011, dport: 9999 } } },
    });
  });

  it('decodes a redirect with its gateway and a quote without ports', () => {
    const quoted = ipv4('172.16.100.1', '10.10.11.1', 63, 1, [8, 0, 0, 0, 0, 1, 0, 1]);
    const icmp = [5, 1, 0, 0, ...ip('172.16.100.2'), ...quoted];
    const d = decodeEthernet(eth(A, B, 0x0800, ipv4('172.16.100.254', '172.16.100.1', 64, 1, icmp)));
    expect(d).toEqual({
      frame: {
        eth: { src: B, dst: A, type: 'ipv4' },
        ipv4: { src: '172.16.100.254', dst: '172.16.100.1', ttl: 64, proto: 'icmp' },
        icmp: { type: 5, code: 1, gateway: '172.16.100.2', quote: { ipv4: { src: '172.16.100.1', dst: '10.10.11.1', ttl: 63, proto: 'icmp' } } },
      },
    });
  });

  it('decodes TCP ports and flags in tcpdump notation', () => {
    const tcp = [...be16(80), ...be16(35424), 0, 0, 0, 0, 0, 0, 0, 1, 0x50, 0x14, 0, 0, 0, 0, 0, 0];
    expect(decodeEthernet(eth(A, B, 0x0800, ipv4('10.10.11.1', '10.10.10.1', 61, 6, tcp)))).toMatchObject({ frame: { tcp: { sport: 80, dport: 35424, flags: 'R.' } } });
    expect([0x02, 0x12, 0x14, 0x10, 0x18, 0x11, 0x19, 0].map(tcpFlags)).toEqual(['S', 'S.', 'R.', '.', 'P.', 'F.', 'FP.', 'none']);
  });

  it('reports frames the project does not model instead of guessing', () => {
    expect(decodeEthernet(eth(A, B, 0x86dd, [0x60, 0, 0, 0]))).toEqual({ ignored: 'ethertype 0x86dd' });
    expect(decodeEthernet(eth(A, B, 0x0800, ipv4('10.0.0.1', '224.0.0.22', 1, 2, [0x22, 0, 0, 0])))).toEqual({ ignored: 'IPv4 protocol 2' });
  });
});

describe('readPcap', () => {
  function pcap(magic: number, little: boolean, records: { sec: number; frac: number; data: number[] }[]): Uint8Array {
    const u32 = (n: number): number[] => {
      const b = [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
      return little ? b.reverse() : b;
    };
    const u16 = (n: number): number[] => (little ? [n & 0xff, n >> 8] : [n >> 8, n & 0xff]);
    const head = [...u32(magic), ...u16(2), ...u16(4), ...u32(0), ...u32(0), ...u32(262144), ...u32(1)];
    return new Uint8Array([...head, ...records.flatMap((r) => [...u32(r.sec), ...u32(r.frac), ...u32(r.data.length), ...u32(r.data.length), ...r.data])]);
  }

  it('reads nanosecond timestamps as bigint beyond 2^53, in either byte order', () => {
    for (const little of [true, false]) {
      const p = readPcap(pcap(0xa1b23c4d, little, [{ sec: 1_800_000_000, frac: 123_456_789, data: [1, 2, 3] }, { sec: 1_800_000_001, frac: 5, data: [4] }]));
      expect(p.linkType).toBe(1);
      expect(p.records.map((r) => r.tsNs)).toEqual([1_800_000_000_123_456_789n, 1_800_000_001_000_000_005n]);
      expect(p.records.map((r) => [...r.data])).toEqual([[1, 2, 3], [4]]);
    }
  });

  it('scales microsecond files and drops a truncated last record', () => {
    const bytes = pcap(0xa1b2c3d4, true, [{ sec: 1, frac: 2, data: [9, 9] }, { sec: 2, frac: 0, data: [1, 2, 3, 4] }]);
    const p = readPcap(bytes.subarray(0, bytes.length - 2));
    expect(p.records.map((r) => r.tsNs)).toEqual([1_000_002_000n]);
  });

  it('rejects what is not a pcap file', () => {
    expect(() => readPcap(new Uint8Array(24))).toThrow(/unknown magic/);
  });
});
