/**
 * The editor's inspector API: the pure edits of one namespace (renames, addresses, MAC, pod subnet,
 * routes, sysctls). A second entry beside `index.ts`, imported only by edit mode's lazy chunk, so
 * the player's first page does not carry these edits.
 */
export { findNs, findIface, renameNamespace, renameInterface, type NsPlace, type IfacePlace } from './model/nsEdits';
export { setAddresses, setMac, setPodSubnet, podSubnetOf, addressesFromText, type PodSubnet } from './model/ifaceEdits';
export { addRoute, updateRoute, deleteRoute, setRoutes, routeInput, routeLine, routeFromInput, type RouteInput } from './model/routeEdits';
export { setNsSysctl, setIfaceSysctl, sysctlsOf, IFACE_SYSCTL_KEYS, type NsSysctlKey, type IfaceSysctlKey, type ShownSysctl, type SysctlValue, type SysctlsView, type SysctlReading } from './model/sysctlEdits';
