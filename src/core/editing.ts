/*
 * The lab editor's functions: adding, removing, moving, cabling, copying machines and pods, giving
 * a pod its network, the design checks and their fixes. An entry of its own beside the core's
 * index: the app loads the editor on demand, and a bundler keeps whatever only this entry reaches
 * out of the player's first page (a module the index re-exported would be shared with it).
 */
// Edits carry values typed by hand: validation checks their shapes with the schema loaded (model/shapes.ts).
import './model/schema';
export { addPod, TopologyEditError, type AddPodOptions, type AddedPod } from './model/podNetwork';
export { labChecks, applyFix, autoConfigure, fixText, type LabCheck, type LabFix } from './model/labChecks';
export { problemPlace, type ProblemPlace } from './model/checks/place';
export { routeTail } from './i18n/routeWords';
export { addNode, addRouter, addSegment, removeNamespace, moveMachine, pinPositions, type LabEdit, type LabPoint } from './model/labEdits';
export { samePositionsAside } from './model/samePositions';
export { linkInterfaces, linkToSegment, removeNic, type IfaceRef, type LinkResult } from './model/linkEdits';
export { clipboardEmpty, copyNamespaces, pasteNamespaces, PASTE_OFFSET, type LabClipboard, type PasteResult } from './model/clipboard';
// The inspector's edits of one namespace (renames, addresses, MAC, pod subnet, routes, sysctls).
export { findNs, findIface, renameNamespace, renameInterface, type NsPlace, type IfacePlace } from './model/nsEdits';
export { setAddresses, setMac, setPodSubnet, podSubnetOf, addressesFromText, type PodSubnet } from './model/ifaceEdits';
export { addRoute, updateRoute, deleteRoute, setRoutes, routeInput, routeLine, routeFromInput, type RouteInput } from './model/routeEdits';
export { setNsSysctl, setIfaceSysctl, sysctlsOf, IFACE_SYSCTL_KEYS, type NsSysctlKey, type IfaceSysctlKey, type ShownSysctl, type SysctlValue, type SysctlsView, type SysctlReading } from './model/sysctlEdits';
// The lab's datapath mode: switch between the seed's bridge, Flannel host-gw and Flannel VXLAN.
export { setDatapath, flannelProgram, flannelNodes, type FlannelProgram, type FlannelNode } from './model/datapath';
