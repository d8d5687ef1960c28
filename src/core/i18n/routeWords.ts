import type { RouteSpec } from '../model/topology';

/**
 * A route after its destination, as `ip route` writes it and every language shows it unchanged:
 * `via 10.10.10.254 dev eth0 onlink`. Fix texts put it after their own words.
 */
export function routeTail(r: RouteSpec): string {
  const parts: string[] = [];
  if (r.via !== undefined) parts.push('via', r.via);
  parts.push('dev', r.dev);
  if (r.onlink === true) parts.push('onlink');
  if (r.src !== undefined) parts.push('src', r.src);
  if (r.metric !== undefined && r.metric !== 0) parts.push('metric', String(r.metric));
  return parts.join(' ');
}
