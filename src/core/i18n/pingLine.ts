/**
 * The words iputils `ping` prints for an ICMP error ("From 10.10.11.254 icmp_seq=1 Destination
 * Host Unreachable"): English in every language, since that is what a student's terminal shows.
 * Null for messages ping does not print this way.
 */
export function pingLine(type: number, code: number): string | null {
  if (type === 11) return 'Time to live exceeded';
  if (type === 3 && code === 0) return 'Destination Net Unreachable';
  if (type === 3 && code === 1) return 'Destination Host Unreachable';
  if (type === 3 && code === 3) return 'Destination Port Unreachable';
  return null;
}
