import { sha256Hex } from './sha256';

/** `lxc` + the first 12 hex digits of sha256(container ID): connector.Endpoint2IfName (IFNAMSIZ − len("tmp") − 1 = 12). */
export function lxcHostName(containerId: string): string {
  return `lxc${sha256Hex(containerId).slice(0, 12)}`;
}
