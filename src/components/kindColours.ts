import type { PacketKind } from '../core';

/** Colour variable of each packet kind, shared by glyphs, legend and log (the same in every language). */
export const KIND_VAR: Record<PacketKind, string> = {
  arp: 'var(--kind-arp)',
  request: 'var(--kind-request)',
  reply: 'var(--kind-reply)',
  'icmp-error': 'var(--kind-error)',
};
