import { LINUX } from './linux';

/*
 * The naming rules of interfaces and namespaces, as plain functions: the zod schema (./schema.ts)
 * checks them on input, and validation, the inspector and the pages use them without loading it.
 */

/** An interface name: 1-15 letters, digits, `_`, `.`, `-` (IFNAMSIZ). */
export const IFNAME = /^[A-Za-z0-9_.-]{1,15}$/;
/** A pod or machine name: 1-31 characters, starting with a letter or digit. */
export const NS_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,30}$/;

/** UTF-8 length of a string, as the kernel counts IFNAMSIZ. */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** What `ip link add NAME` answers for a name Linux refuses too (our rule is narrower). */
export function ifnameKernel(name: string): string | undefined {
  if (name === '' || /[\s/]/.test(name)) return name.length <= 64 ? LINUX.badIfname(name) : undefined;
  if (utf8Length(name) > 15) return LINUX.nameTooLong;
  if (name === '.' || name === '..' || name.includes(':')) return LINUX.invalidArgument;
  return undefined;
}

/** Whether an interface name follows the naming rule (1-15 letters, digits, `_`, `.`, `-`; not `.` or `..`). */
export function isIfaceName(name: string): boolean {
  return IFNAME.test(name) && name !== '.' && name !== '..';
}

/** Whether a pod or machine name follows the naming rule (1-31 characters, starting with a letter or digit). */
export function isNsName(name: string): boolean {
  return NS_NAME.test(name);
}

