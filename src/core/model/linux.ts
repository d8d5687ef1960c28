/*
 * What Linux answers when it is asked to build what a topology describes, exactly as `ip` (iproute2)
 * and `sysctl` print it. Each line was checked on kernel 6.18 with iproute2 6.1, in a throwaway
 * network namespace; the comments name where the kernel decides. Problems carry these lines as
 * their `kernel` parameter, and every language shows them unchanged beside its own explanation.
 */

/** The kernel's (or iproute2's) answers, by what was asked. */
export const LINUX = {
  /**
   * EEXIST. `ip link add` of a name the namespace already has, `lo` included, or a veth whose peer
   * has its own name (register_netdevice → dev_get_valid_name); `ip route add` of a prefix and
   * metric the table already has (fib_table_insert with NLM_F_EXCL); `ip neigh add` of an entry
   * that exists (neigh_add with NLM_F_EXCL).
   */
  fileExists: 'RTNETLINK answers: File exists',
  /** `ip link set BR master X` for a bridge BR: br_add_if() refuses with -ELOOP and this extack message. */
  bridgeInBridge: 'Error: Can not enslave a bridge to a bridge.',
  /** `ip link set X master Y` where Y is not a bridge: do_set_master() finds no ndo_add_slave (-EOPNOTSUPP). */
  notSupported: 'RTNETLINK answers: Operation not supported',
  /** A multicast or all-zero MAC on a new or existing device: is_valid_ether_addr() fails (-EADDRNOTAVAIL). */
  badMac: 'RTNETLINK answers: Cannot assign requested address',
  /** `ip addr add` of an address and prefix the device already has (__inet_insert_ifa). */
  addressAssigned: 'Error: ipv4: Address already assigned.',
  /** A gateway no link-scope route through the device covers (fib_check_nh_v4_gw). */
  invalidGateway: 'Error: Nexthop has invalid gateway.',
  /** A preferred source that is not a local address (fib_create_info → fib_valid_prefsrc). */
  invalidPrefsrc: 'Error: Invalid prefsrc address.',
  /** A route prefix with host bits set (fib_valid_key_len). */
  invalidPrefix: 'Error: Invalid prefix for given prefix length.',
  /** An interface named `.`, `..`, or with `:` or `/` in it (dev_valid_name). */
  invalidArgument: 'RTNETLINK answers: Invalid argument',
  /** An interface name of 16 bytes or more: the IFLA_IFNAME policy (IFNAMSIZ - 1). */
  nameTooLong: 'Error: Attribute failed policy validation.',
  /** `ip link set X mtu N` below the device's min_mtu (dev_validate_mtu). */
  mtuTooSmall: 'Error: mtu less than device minimum.',
  /** `ip link set X mtu N` above the device's max_mtu (dev_validate_mtu). */
  mtuTooBig: 'Error: mtu greater than device maximum.',
  /** `sysctl -w net.ipv4.ip_default_ttl=N` outside 1-255 (proc_dointvec_minmax). */
  ttlRange: 'sysctl: setting key "net.ipv4.ip_default_ttl": Invalid argument',
  /** iproute2, before asking the kernel: `ip route add … dev X`, `ip neigh add … dev X` for a missing X. */
  noDevice: (dev: string): string => `Cannot find device "${dev}"`,
  /** iproute2, before asking the kernel: `ip link set … master X` for a missing X. */
  noMaster: (dev: string): string => `Error: argument "${dev}" is wrong: Device does not exist`,
  /** iproute2: a name with white space in it. */
  badIfname: (name: string): string => `Error: argument "${name}" is wrong: "dev" not a valid ifname`,
  /** iproute2: a metric that is not a 32-bit unsigned number. */
  badMetric: (value: string): string => `Error: argument "${value}" is wrong: "metric" value is invalid`,
} as const;
