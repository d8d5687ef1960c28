import type { FrameEvent, HopEvent } from '../events';
import { utf8Bytes } from '../net/utf8';
import { frameBytes, packetFacts } from './packetBytes';
import { concatBytes } from './bytes';

/*
 * A journey as a pcapng capture (draft-ietf-opsawg-pcapng): a Section Header Block, one Interface
 * Description Block per interface the journey's frames were seen on (named `pod1/eth0`, as
 * `tcpdump -i` in that namespace; LINKTYPE_ETHERNET, or LINKTYPE_RAW for a WireGuard device), and one Enhanced Packet Block per frame event, with its
 * direction (epb_flags) and a comment (opt_comment) such as the narrator's sentence. Timestamps
 * are in nanoseconds (if_tsresol 9) from `startMs`, the journey's virtual clock added to it.
 */

/** Block types and option codes, as the pcapng draft numbers them. */
const SHB = 0x0a0d0d0a;
const IDB = 0x00000001;
const EPB = 0x00000006;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const OPT_END = 0;
const OPT_COMMENT = 1;
const SHB_USERAPPL = 4;
const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const IF_TSRESOL = 9;
const EPB_FLAGS = 2;
const LINKTYPE_ETHERNET = 1;
/** A device without a link-layer header (WireGuard's): the IP packet alone, as tcpdump captures it there. */
const LINKTYPE_RAW = 101;
const ETH_HEADER = 14;
/** epb_flags bits 0-1: 01 inbound, 10 outbound. */
const INBOUND = 1;
const OUTBOUND = 2;

/** What {@link journeyPcapng} needs beyond the events. */
export interface PcapngOptions {
  /** Wall-clock time of the journey's start, in ms since the epoch (the file's first timestamp). */
  startMs: number;
  /** The comment of a frame (the narrator's sentence in the reader's language), or null for none. */
  comment?: (e: FrameEvent) => string | null;
  /** The description of an interface (`veth, host end of pod1's eth0`), or null for none. */
  describe?: (ns: string, iface: string) => string | null;
  /** Application name written in the section header. @default 'Packet Journey' */
  app?: string;
}

const text = { encode: (s: string): Uint8Array => Uint8Array.from(utf8Bytes(s)) };

/** An option: code, length, value, padded to 32 bits. */
function option(code: number, value: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + Math.ceil(value.length / 4) * 4);
  const v = new DataView(out.buffer);
  v.setUint16(0, code, true);
  v.setUint16(2, value.length, true);
  out.set(value, 4);
  return out;
}

/** A block: type, total length, body, options (with opt_endofopt when any), total length again. */
function block(type: number, body: Uint8Array, options: Uint8Array[]): Uint8Array {
  const opts = options.length > 0 ? [...options, option(OPT_END, new Uint8Array(0))] : [];
  const optLen = opts.reduce((n, o) => n + o.length, 0);
  const bodyLen = Math.ceil(body.length / 4) * 4;
  const total = 12 + bodyLen + optLen;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setUint32(0, type, true);
  v.setUint32(4, total, true);
  out.set(body, 8);
  let at = 8 + bodyLen;
  for (const o of opts) {
    out.set(o, at);
    at += o.length;
  }
  v.setUint32(total - 4, total, true);
  return out;
}


/**
 * The journey's frame events as a pcapng file (little-endian): interfaces in the order their first
 * frame appears, frames in event order. Wireshark and tshark open it as a capture of the journey.
 *
 * @param events the journey's events (`JourneyResult.events`); only `frame` events are written.
 * @returns the file's bytes.
 */
export function journeyPcapng(events: readonly HopEvent[], opts: PcapngOptions): Uint8Array {
  const facts = packetFacts(events);
  const shbBody = new Uint8Array(16);
  const shb = new DataView(shbBody.buffer);
  shb.setUint32(0, BYTE_ORDER_MAGIC, true);
  shb.setUint16(4, 1, true);
  shb.setUint16(6, 0, true);
  // Section length unknown (-1): readers walk the blocks.
  shb.setInt32(8, -1, true);
  shb.setInt32(12, -1, true);
  const parts: Uint8Array[] = [block(SHB, shbBody, [option(SHB_USERAPPL, text.encode(opts.app ?? 'Packet Journey'))])];
  const ids = new Map<string, number>();
  const startNs = BigInt(Math.round(opts.startMs)) * 1_000_000n;
  for (const e of events) {
    if (e.type !== 'frame') continue;
    const key = `${e.ns}/${e.iface}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
      const idb = new Uint8Array(8);
      const v = new DataView(idb.buffer);
      v.setUint16(0, e.raw ? LINKTYPE_RAW : LINKTYPE_ETHERNET, true);
      v.setUint32(4, 262144, true);
      const desc = opts.describe?.(e.ns, e.iface) ?? null;
      const idbOpts = [option(IF_NAME, text.encode(key)), option(IF_TSRESOL, new Uint8Array([9]))];
      if (desc) idbOpts.push(option(IF_DESCRIPTION, text.encode(desc)));
      parts.push(block(IDB, idb, idbOpts));
    }
    // A raw frame's bytes are the IP packet: the all-zero Ethernet header the event keeps is not on the wire.
    const bytes = e.raw ? frameBytes(e, facts).subarray(ETH_HEADER) : frameBytes(e, facts);
    const body = new Uint8Array(20 + bytes.length);
    const v = new DataView(body.buffer);
    const ts = startNs + BigInt(Math.round(e.t));
    v.setUint32(0, id, true);
    v.setUint32(4, Number(ts >> 32n), true);
    v.setUint32(8, Number(ts & 0xffffffffn), true);
    v.setUint32(12, bytes.length, true);
    v.setUint32(16, bytes.length, true);
    body.set(bytes, 20);
    const flags = new Uint8Array(4);
    new DataView(flags.buffer).setUint32(0, e.dir === 'in' ? INBOUND : OUTBOUND, true);
    const epbOpts = [option(EPB_FLAGS, flags)];
    const comment = opts.comment?.(e) ?? null;
    if (comment) epbOpts.push(option(OPT_COMMENT, text.encode(comment)));
    parts.push(block(EPB, body, epbOpts));
  }
  return concatBytes(parts);
}
