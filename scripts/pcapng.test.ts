import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runJourney, seedTopology, tellEvent, type FrameEvent, type JourneyResult } from '../src/core';
import { SCENARIOS } from '../src/core/presets/scenarios';
import { seedCiliumNativeWireguard, seedCiliumWireguard } from '../src/core/presets/ciliumScenarios';
import { journeyPcapng } from '../src/core/export/pcapng';

/*
 * The pcapng export read by Wireshark's own dissectors (tshark, Debian's package): every frame
 * decodes with no malformed packet and no bad checksum, the interface names and comments survive,
 * and the frames tshark lists are the engine's, field by field.
 */

const dir = mkdtempSync(join(tmpdir(), 'pj-pcapng-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The journey written to a file, and tshark's fields of every frame (tab-separated rows). */
function viaTshark(r: JourneyResult, name: string, fields: string[]): string[][] {
  const file = join(dir, `${name}.pcapng`);
  const frames = r.events.flatMap((e, k) => (e.type === 'frame' ? [k] : []));
  const byEvent = new Map(frames.map((k) => [r.events[k] as FrameEvent, k]));
  writeFileSync(file, journeyPcapng(r.events, { startMs: Date.UTC(2026, 10, 30, 9), comment: (e) => tellEvent(r, byEvent.get(e) ?? 0, 'ru', 'short') }));
  // Port 8472 is Linux's VXLAN port, not IANA's: tshark decodes it as VXLAN only when told.
  const out = execFileSync('tshark', ['-r', file, '-d', 'udp.port==8472,vxlan', '-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-T', 'fields', '-E', 'separator=\t', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
  return out.trimEnd() === '' ? [] : out.trimEnd().split('\n').map((l) => l.split('\t'));
}

/** Fields of every frame: where and how it was seen, its headers, and what tshark finds wrong with it. */
const FIELDS = ['frame.interface_name', 'frame.comment', 'eth.src', 'eth.dst', 'arp.opcode', 'ip.src', 'ip.dst', 'ip.ttl', 'icmp.type', 'icmp.seq', 'ip.frag_offset', 'frame.p2p_dir', '_ws.malformed', 'ip.checksum.status', 'icmp.checksum.status', 'udp.checksum.status', 'tcp.checksum.status', '_ws.expert.severity', 'udp.dstport', 'udp.payload'];

/**
 * Checks the capture of `r` row by row against its frame events: the interface (`ns/iface`), the
 * direction (p2p_dir 0 sent, 1 received), MACs, ARP opcode, addresses, TTL, ICMP type and sequence,
 * fragment offset (tshark 4 counts it in 8-byte units, as the header does);
 * and that nothing is wrong with it: no malformed packet, no checksum tshark
 * computes otherwise (status 0, "Bad": IPv4 header, ICMP, UDP, TCP, quoted packets included), no
 * expert error. Expert warnings that describe the journey itself (a TTL of 1) are the lesson.
 */
function checkCapture(r: JourneyResult, name: string): void {
  const frames = r.events.filter((e): e is FrameEvent => e.type === 'frame');
  const rows = viaTshark(r, name, FIELDS);
  expect(rows, name).toHaveLength(frames.length);
  rows.forEach((row, k) => {
    const e = frames[k] as FrameEvent;
    const [iface, comment, src, dst, op, ipSrc, ipDst, ttl, type, seq, frag, dir, malformed, ...rest] = row;
    const at = `${name} frame ${k + 1}`;
    expect([iface, dir], at).toEqual([`${e.ns}/${e.iface}`, e.dir === 'in' ? '1' : '0']);
    expect(comment, at).toMatch(/[а-яё]/i);
    // A VXLAN datagram lists the outer layers' values first, then the inner frame's; a frame seen on a
    // WireGuard device (LINKTYPE_RAW) has no Ethernet header, only the inner frame's of a VXLAN datagram.
    if (e.raw) expect(src?.split(',')[0], at).toBe(e.inner?.eth.src ?? '');
    else expect([src?.split(',')[0], dst?.split(',')[0]], at).toEqual([e.eth.src, e.eth.dst]);
    if (e.arp) expect(op, at).toBe(e.arp.op === 'request' ? '1' : '2');
    if (e.ipv4) expect([ipSrc?.split(',')[0], ipDst?.split(',')[0], ttl?.split(',')[0], frag?.split(',')[0]], at).toEqual([e.ipv4.src, e.ipv4.dst, String(e.ipv4.ttl), String((e.ipv4.fragOffset ?? 0) / 8)]);
    // tshark decodes a fragmented packet's ICMP once it has reassembled it: compare whole packets.
    const whole = !e.ipv4?.mf && !e.ipv4?.fragOffset;
    if (e.icmp && whole) expect(type?.split(',')[0], at).toBe(String(e.icmp.type));
    // An error has no sequence of its own: the one tshark lists is its quoted echo's.
    if (e.icmp?.seq !== undefined && whole) expect(seq?.split(',')[0], at).toBe(String(e.icmp.seq));
    // The lab's `echo x` (2 bytes) to port 53 is not DNS, and Wireshark says so on the real capture too.
    const echoToDns = rest[5] === '53' && rest[6] === '780a';
    expect(echoToDns ? '' : malformed, at).toBe('');
    expect(rest.slice(0, 4).filter((v) => v.split(',').includes('0')), at).toEqual([]);
    if (!echoToDns) expect((rest[4] ?? '').split(','), at).not.toContain('8388608');
  });
}

describe('pcapng export, read by tshark', () => {
  it('the seed journey: every frame on its interface, with its direction, comment and fields', () => {
    checkCapture(runJourney(seedTopology(), { from: 'pod1', to: 'pod3' }), 'seed');
  }, 60_000);

  it('WireGuard under Cilium: cilium_wg0 as LINKTYPE_RAW, UDP 51871 read by Wireshark\'s dissector as handshake and Transport Data, ciphertext only', () => {
    for (const [name, lab] of [['wg-tunnel', seedCiliumWireguard], ['wg-native', seedCiliumNativeWireguard]] as const) {
      const r = runJourney(lab(), { from: 'pod1', to: 'pod3' });
      checkCapture(r, name);
      const frames = r.events.filter((e): e is FrameEvent => e.type === 'frame');
      const rows = viaTshark(r, `${name}-wg`, ['frame.interface_name', 'frame.protocols', 'wg.type', 'wg.sender', 'wg.receiver', 'wg.counter', 'udp.length', 'icmp.type']);
      rows.forEach((row, k) => {
        const e = frames[k] as FrameEvent;
        const [iface, protocols, type, sender, receiver, counter, udpLen, icmpType] = row;
        const at = `${name} frame ${k + 1} (${iface ?? ''})`;
        // cilium_wg0's frames start with the IP header: Wireshark's "raw" link layer, no eth.
        if (e.raw) expect(protocols?.split(':').slice(0, 2), at).toEqual(['raw', 'ip']);
        const w = e.wireguard;
        if (!w) {
          expect(type, at).toBe('');
          return;
        }
        const hex = (n: number | undefined): string => `0x${(n ?? 0).toString(16).padStart(8, '0')}`;
        expect([type, udpLen], at).toEqual([{ initiation: '1', response: '2', data: '4' }[w.type], String(8 + w.len)]);
        if (w.type !== 'data') expect(sender, at).toBe(hex(w.sender));
        if (w.type !== 'initiation') expect(receiver, at).toBe(hex(w.receiver));
        if (w.type === 'data') expect(counter, at).toBe(String(w.counter));
        // Nothing of the packet inside is readable: no ICMP under the WireGuard layer.
        expect(icmpType, at).toBe('');
      });
      expect(rows.filter((row) => row[2] === '4').length, name).toBe(4);
    }
  }, 60_000);

  it('every kernel scenario (fragments, ICMP errors quoting their packet, TCP, UDP, loopback): the same, and nothing wrong', () => {
    for (const s of SCENARIOS) checkCapture(runJourney(s.topology(), s.journey), s.id);
    // One tshark run per scenario: most of a minute on a busy machine.
  }, 180_000);
});
