import type { SpecErrorCatalog } from '../specErrors';

/** English texts of journey request problems. */
export const specErrorsEn: SpecErrorCatalog = {
  pmtudisc: (p) => `pmtudisc: expected want, do or dont (as ping -M), got "${p.got}"`,
  proto: (p) => `proto: expected icmp, udp or tcp, got "${p.got}"`,
  range: (p) => `${p.field}: expected a whole number from ${p.lo} to ${p.hi}, got ${p.got}`,
  'from-missing': () => 'from: expected a pod or machine name',
  'to-missing': () => 'to: expected a pod name, a machine name or an IPv4 address',
  'from-unknown': (p) => `from: no pod or machine named "${p.name}"`,
  'to-no-address': (p) => `to: "${p.name}" has no IPv4 address to send to`,
  'to-unknown': (p) => `to: "${p.name}" is neither a pod, a machine nor an IPv4 address`,
  'to-zero': (p) => `to: ${p.name} means "this host" (Linux sends it to 127.0.0.1 over loopback); ask for 127.0.0.1 instead.`,
  'to-multicast': (p) => `to: ${p.name} is a multicast address; multicast is not simulated yet.`,
  internal: () => 'the simulator failed on this journey. This is a bug in Packet Journey, not a mistake in your lab; your lab and settings are kept.',
};
