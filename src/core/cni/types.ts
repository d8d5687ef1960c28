/*
 * The CNI contract's data: what the runtime passes (SPEC.md §2 "Parameters"), what a plugin
 * answers (§5 "Result Types", "Error"), as plain JSON-ready objects. Field order follows the
 * reference library's Go structs (containernetworking/cni pkg/types, pkg/types/100), so that a
 * result prints in the same order as the reference plugins print it.
 */

/**
 * The runtime's call: the environment variables of SPEC.md §2 (`CNI_COMMAND`, `CNI_CONTAINERID`,
 * `CNI_NETNS`, `CNI_IFNAME`, `CNI_ARGS`, `CNI_PATH`). An absent variable and an empty one are the
 * same to a plugin (skel reads them with os.Getenv).
 */
export interface CniEnv {
  CNI_COMMAND?: string;
  CNI_CONTAINERID?: string;
  CNI_NETNS?: string;
  CNI_IFNAME?: string;
  CNI_ARGS?: string;
  CNI_PATH?: string;
}

/** The environment variable names a plugin reads, in the order skel checks them. */
export const CNI_ENV_NAMES = ['CNI_COMMAND', 'CNI_CONTAINERID', 'CNI_NETNS', 'CNI_IFNAME', 'CNI_ARGS', 'CNI_PATH'] as const;

/** The operations of spec 1.1 (§2; STATUS has its own section but is missing from the list there). */
export type CniCommand = 'ADD' | 'DEL' | 'CHECK' | 'GC' | 'STATUS' | 'VERSION';

/**
 * The error codes of SPEC.md §5 "Error" (0-99 are the spec's; 999 is the reference library's
 * ErrInternal, what skel answers for any error a plugin returns without a code of its own).
 */
export const CNI_ERR = {
  incompatibleVersion: 1,
  unsupportedField: 2,
  unknownContainer: 3,
  invalidEnv: 4,
  io: 5,
  decoding: 6,
  invalidConfig: 7,
  invalidNetns: 8,
  tryAgainLater: 11,
  unavailable: 50,
  unavailableLimited: 51,
  internal: 999,
} as const;

/** The error structure of SPEC.md §5, as the reference `types.Error` prints it (code, msg, details). */
export class CniError extends Error {
  readonly code: number;
  readonly msg: string;
  readonly details: string;

  constructor(code: number, msg: string, details = '') {
    super(msg);
    this.name = 'CniError';
    this.code = code;
    this.msg = msg;
    this.details = details;
  }

  /** The JSON object a plugin prints: `details` only when set (Go's omitempty). */
  toJson(): { code: number; msg: string; details?: string } {
    return this.details === '' ? { code: this.code, msg: this.msg } : { code: this.code, msg: this.msg, details: this.details };
  }
}

/** An interface a plugin created or configured (§5 `interfaces[]`). */
export interface CniInterface {
  name: string;
  mac?: string;
  mtu?: number;
  /** The netns path for an interface inside the container; absent for the host's. */
  sandbox?: string;
  socketPath?: string;
  pciID?: string;
}

/** An address a plugin assigned (§5 `ips[]`); IPAM results have no `interface`. */
export interface CniIpConfig {
  /** Index into `interfaces`. */
  interface?: number;
  /** Address with prefix, `10.22.0.2/24`. */
  address: string;
  gateway?: string;
}

/** A route (§5 `routes[]`): without `gw`, the gateway of the IP config may be used. */
export interface CniRoute {
  dst: string;
  gw?: string;
  mtu?: number;
  advmss?: number;
  priority?: number;
  table?: number;
  scope?: number;
}

/** DNS settings (§5 `dns`); the reference result always prints the object, empty or not. */
export interface CniDns {
  nameservers?: string[];
  domain?: string;
  search?: string[];
  options?: string[];
}

/** A success result in the spec's current shape (1.0.0/1.1.0); older shapes are made by `version.ts`. */
export interface CniResult {
  cniVersion: string;
  interfaces?: CniInterface[];
  ips?: CniIpConfig[];
  routes?: CniRoute[];
  dns: CniDns;
}

/** What one plugin execution gives back: its stdout, and the exit code a real plugin uses (0 or 1). */
export interface PluginOutput {
  stdout: string;
  exitCode: 0 | 1;
  /** The error it printed, when it failed. */
  error?: CniError;
}
