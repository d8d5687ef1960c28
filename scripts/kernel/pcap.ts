/**
 * A minimal reader for classic pcap files as `tcpdump -w` writes them (not pcapng).
 * Timestamps are kept as bigint nanoseconds since the epoch: they exceed 2^53.
 */

/** One captured packet. */
export interface PcapRecord {
  /** Capture time, nanoseconds since the epoch. */
  tsNs: bigint;
  /** The captured bytes (up to the snap length). */
  data: Uint8Array;
  /** Length of the packet on the wire. */
  origLen: number;
}

/** A parsed capture file. */
export interface Pcap {
  /** Link-layer type: 1 is Ethernet. */
  linkType: number;
  records: PcapRecord[];
}

const MAGIC_MICRO = 0xa1b2c3d4;
const MAGIC_NANO = 0xa1b23c4d;

/** Parses a whole pcap file: 24-byte global header, then 16-byte record headers each followed by its data. */
export function readPcap(bytes: Uint8Array): Pcap {
  if (bytes.length < 24) throw new Error(`pcap: file too short (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // tcpdump writes in the host's byte order; the magic tells which one it was.
  let little: boolean;
  let nano: boolean;
  const le = view.getUint32(0, true);
  const be = view.getUint32(0, false);
  if (le === MAGIC_NANO || le === MAGIC_MICRO) {
    little = true;
    nano = le === MAGIC_NANO;
  } else if (be === MAGIC_NANO || be === MAGIC_MICRO) {
    little = false;
    nano = be === MAGIC_NANO;
  } else {
    throw new Error(`pcap: unknown magic 0x${le.toString(16)} (pcapng is not supported)`);
  }
  const linkType = view.getUint32(20, little) & 0x0fffffff;
  const records: PcapRecord[] = [];
  let off = 24;
  while (off + 16 <= bytes.length) {
    const sec = BigInt(view.getUint32(off, little));
    const frac = BigInt(view.getUint32(off + 4, little));
    const inclLen = view.getUint32(off + 8, little);
    const origLen = view.getUint32(off + 12, little);
    off += 16;
    // A capture stopped mid-write may end in a partial record: drop it rather than fail.
    if (off + inclLen > bytes.length) break;
    records.push({ tsNs: sec * 1_000_000_000n + (nano ? frac : frac * 1000n), data: bytes.subarray(off, off + inclLen), origLen });
    off += inclLen;
  }
  return { linkType, records };
}
