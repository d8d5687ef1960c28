/*
 * Importing a real cluster: kubectl's JSON and tables, `minikube node list`, and each node's
 * `ip -j addr|route|neigh` and `bridge -j fdb`, read into a lab built through the one path. Loaded
 * with the import dialog only (it brings the CNI model with it).
 */
// A cluster's output is untrusted input: validation checks its shapes with the schema loaded (model/shapes.ts).
import '../model/schema';
export { importCluster, type ImportOptions, type ImportOutcome } from './build';
export { IMPORT_MODES, type ImportMode, type DetectedCni, CNI_SIGNS, detectCni } from './cni';
export { noteKind, type ImportNote, type NoteKind } from './notes';
export { importCatalog, tellNote, tellSummary, tellWhere } from './tell';
export type { ImportSource } from './types';
