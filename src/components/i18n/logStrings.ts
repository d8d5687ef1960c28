import type { FdbEvent, HopEvent, HopEventType } from '../../core';
import { count, type PluralForms } from '../../core/i18n/plural';

/*
 * The texts of the event log and the packet inspector: header field names, event types, drop and
 * ignore reasons, fragmentation lines. Spread into the panels' table (panelStrings.ts), so they
 * are read as `t.fields`, `t.types`… like every other string; the drop reasons, which the drawing
 * shows too, are in the player's (dropsStrings.ts).
 */

/** Event types the UI labels: every type of the core's log, and `consume` (a frame ignored without error). */
export type EventTypeKey = HopEventType | 'consume';

/** Reasons of a `consume` event (derived from the core's union, so the table follows it). */
type ConsumeReason = Extract<HopEvent, { type: 'consume' }> extends { reason: infer R extends string } ? R : never;

const EVENTS_EN: PluralForms = { one: 'event', other: 'events' };

/** The rest of the log's and the inspector's texts, in English: the app's panels only (`panelStrings.ts`). */
export const logEn = {
  fields: {
    'eth.src': 'Source MAC',
    'eth.dst': 'Destination MAC',
    'eth.type': 'EtherType',
    'arp.op': 'Operation',
    'arp.sha': 'Sender MAC',
    'arp.spa': 'Sender IP',
    'arp.tha': 'Target MAC',
    'arp.tpa': 'Target IP',
    'ipv4.src': 'Source IP',
    'ipv4.dst': 'Destination IP',
    'ipv4.ttl': 'TTL',
    'ipv4.proto': 'Protocol',
    'ipv4.fragOffset': 'Fragment offset (bytes)',
    'ipv4.mf': 'More fragments (MF)',
    'icmp.mtu': 'Next-hop MTU',
    'icmp.type': 'Type',
    'icmp.code': 'Code',
    'icmp.seq': 'Sequence (seq)',
    'icmp.gateway': 'Gateway',
    'udp.sport': 'Source port',
    'udp.dport': 'Destination port',
    'tcp.sport': 'Source port',
    'tcp.dport': 'Destination port',
    'tcp.flags': 'Flags',
  } as Record<string, string>,
  /** Values of the ARP operation field. */
  arpOps: { request: 'request', reply: 'reply' } satisfies Record<'request' | 'reply', string>,
  /** A header flag's value, as Wireshark reads it ("Set"). */
  flagValue: (on: boolean): string => (on ? 'set' : 'not set'),
  types: {
    frame: 'frame',
    route: 'route',
    neigh: 'ARP table',
    fdb: 'FDB',
    ttl: 'TTL',
    send: 'send',
    deliver: 'deliver',
    drop: 'dropped',
    consume: 'ignored',
    fragment: 'fragments',
    defrag: 'reassembly',
    pmtu: 'path MTU',
    vxlan: 'VXLAN',
    ipip: 'IP-in-IP',
    bpf: 'eBPF',
    ovs: 'OVS',
    wireguard: 'WireGuard',
    halt: 'stopped',
  } satisfies Record<EventTypeKey, string>,
  frame: { in: 'in', out: 'out', unreachable: 'no route' },
  fdbActions: { learn: 'learns', forward: 'forwards', flood: 'floods', local: 'passes up' } satisfies Record<FdbEvent['action'], string>,
  /** The journey stopped at the simulator's budget (a `halt` event): of events, or of queued actions. */
  halts: { events: (n: number) => `the simulator's limit: ${count('en', n, EVENTS_EN)}`, actions: (n: number) => `the simulator's limit: ${count('en', n, { one: 'action', other: 'actions' })}` },
  /** Why a frame was ignored: Linux consumed it without error (consume_skb), so it is no drop. */
  consumes: {
    'arp-other-target': 'ARP request for another address',
    'arp-unsolicited': 'unsolicited ARP reply (arp_accept=0)',
  } satisfies Record<ConsumeReason, string>,
  /** Log lines of fragmentation events (bytes, fragments, MTU). */
  fragmentLines: {
    fragment: (len: number, n: number, mtu: number) => `${len} bytes → ${count('en', n, { one: 'fragment', other: 'fragments' })} (MTU ${mtu})`,
    held: (offset: number) => `fragment at offset ${offset} held`,
    done: (n: number, len: number) => `${count('en', n, { one: 'fragment', other: 'fragments' })} → ${len} bytes`,
    pmtu: (dst: string, mtu: number) => `path to ${dst}: MTU ${mtu}`,
  },
  /** Log lines of a VXLAN device's encapsulation and decapsulation (bytes). */
  vxlanLines: {
    encap: (vni: number, inner: number, outer: number) => `VNI ${vni}: ${inner} bytes in ${outer}`,
    decap: (vni: number, inner: number, outer: number) => `VNI ${vni}: ${inner} bytes out of ${outer}`,
  },
  /** Log lines of an IPIP tunnel's encapsulation and decapsulation (bytes, outer TTL). */
  ipipLines: {
    encap: (inner: number, outer: number, ttl: number) => `${inner} bytes in ${outer}, outer TTL ${ttl}`,
    decap: (inner: number, outer: number, ttl: number) => `${inner} bytes out of ${outer}, outer TTL ${ttl}`,
  },
  /** Cilium's eBPF decisions (a `bpf` event): the ARP it answered, the pod it delivered to, the node it tunnels to, the stack. */
  bpfLines: {
    'arp-reply': (ip: string, mac: string) => `ARP answered: ${ip} is at ${mac}`,
    'local-delivery': (pod: string, from: number, to: number) => `into ${pod}, TTL ${from} → ${to}`,
    encap: (remote: string, vni: number) => `tunnel to ${remote}, VNI ${vni}`,
    'to-stack': () => 'to the host\'s stack',
    'to-wireguard': (dev: string) => `redirected to ${dev} for encryption`,
  },
  /** WireGuard (a `wireguard` event): staged, handshake messages, session, encryption and decryption (bytes). */
  wgLines: {
    stage: (peer: string) => `waits for a session with ${peer}`,
    initiation: (send: boolean, peer: string) => (send ? `handshake initiation to ${peer} (148 bytes)` : `handshake initiation from ${peer}`),
    response: (send: boolean, peer: string) => (send ? `handshake response to ${peer} (92 bytes)` : `handshake response from ${peer}`),
    session: (peer: string, n: number) => `session with ${peer}: ${count('en', n, { one: 'staged packet leaves', other: 'staged packets leave' })}`,
    encrypt: (peer: string, inner: number, outer: number) => `to ${peer}: ${inner} bytes encrypted in ${outer}`,
    decrypt: (peer: string, inner: number) => `from ${peer}: ${inner} bytes decrypted`,
  },
  /** Weave Net's OVS datapath (an `ovs` event): no flow (miss), weaver's answer (upcall), a flow's actions (hit); `out` names the ports or the tunnel. */
  ovsLines: {
    miss: () => 'no flow: up to weaver',
    upcall: (out: string, install: boolean) => `weaver: ${out}${install ? ', flow installed' : ', no flow'}`,
    hit: (out: string) => `flow: ${out}`,
    tunnel: (peer: string, vni: number) => `VXLAN to ${peer}, VNI ${vni}`,
    drop: 'dropped',
  },
  ignored: (reason: string) => `Ignored: ${reason}`,
};

/** Their shape: the Russian table must have the English one's. */
export type LogStrings = typeof logEn;
