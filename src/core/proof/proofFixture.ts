/**
 * What `scripts/kernel/proofRecord.ts` recorded for a scenario: the output of each proof's command
 * run on the real kernel right after the journey (`fixtures/proofs/<id>.json`). A capture's command
 * was run as `tcpdump -r` over that interface's capture files, both directions.
 */
export interface ProofFixture {
  scenario: string;
  kernel: string;
  recordedAt: string;
  outputs: { ns: string; command: string; output: string }[];
}

/** The scenarios whose proofs are checked on the kernel: the seed lab's ping, an unreachable net, TCP and UDP to a listener, both Flannel backends. */
export const PROOF_SCENARIOS: readonly string[] = [
  'cold-ping-pod1-pod3', 'no-route-10.10.12.1', 'tcp-handshake-listener', 'udp-to-listener',
  'flannel-vxlan-cold-ping-pod1-pod3', 'flannel-host-gw-cold-ping-pod1-pod3',
];
