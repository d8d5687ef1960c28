/**
 * Proofs on real machines: the command that shows an event's fact on real Linux, and what its
 * output contains. A module of its own, loaded by the UI when first asked for.
 */
export { frameFragments, proofCommand, proofOf, tcpdumpInstall, wgInstall, type Proof, type ProofKind } from './proofs';
