/*
 * The packet inspector's texts for a WireGuard message (PacketInspector.tsx): its readable header,
 * the opaque rest and how its length adds up, and the note on a device without Ethernet. Spread
 * into `panels` of STRINGS; the Russian ones are in `ru/wgPanelStrings.ts`.
 */

/** English. */
export const WG_PANEL_EN = {
  wgType: 'Message type',
  wgTypes: { initiation: '1, handshake initiation', response: '2, handshake response', data: '4, transport data' },
  wgSender: 'Sender index',
  wgReceiver: 'Receiver index',
  wgCounter: 'Counter (nonce)',
  wgOpaque: (ip: number, opaque: number, data: boolean) =>
    data
      ? `${ip} bytes of outer IP = IPv4 20 + UDP 8 + WireGuard header 16 + ${opaque - 16} bytes of ciphertext (the packet padded to a multiple of 16) + tag 16. ` +
        'The packet inside is not shown: on the wire it is opaque without the keys. Cilium sets cilium_wg0\'s MTU to the NIC\'s minus 80 (1500 − 80 = 1420).'
      : `${ip} bytes of outer IP = IPv4 20 + UDP 8 + ${ip - 28} bytes of handshake message, ${opaque} of them keys and MACs no tool can read.`,
  /** A frame on a device without a link layer: a WireGuard device, or an IP-in-IP tunnel (`tunnel`). */
  rawDevice: (tunnel: boolean) =>
    `No Ethernet header: this device is layer 3 (${tunnel ? 'an IP-in-IP tunnel' : 'WireGuard'}), tcpdump captures the IP packet alone (link-type RAW).`,
};
