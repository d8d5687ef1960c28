/*
 * The lab editor's functions: adding, removing, moving, cabling, copying machines and pods, giving
 * a pod its network, the design checks and their fixes. An entry of its own beside the core's
 * index: the app loads the editor on demand, and a bundler keeps whatever only this entry reaches
 * out of the player's first page (a module the index re-exported would be shared with it).
 */
export { addPod, TopologyEditError, type AddPodOptions, type AddedPod } from './model/podNetwork';
export { labChecks, applyFix, autoConfigure, fixText, type LabCheck, type LabFix } from './model/labChecks';
export { addNode, addRouter, addSegment, removeNamespace, moveMachine, pinPositions, type LabEdit, type LabPoint } from './model/labEdits';
export { samePositionsAside } from './model/samePositions';
export { linkInterfaces, linkToSegment, type IfaceRef, type LinkResult } from './model/linkEdits';
export { clipboardEmpty, copyNamespaces, pasteNamespaces, PASTE_OFFSET, type LabClipboard, type PasteResult } from './model/clipboard';
