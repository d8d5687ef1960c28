import type { Frame } from '../events';
import type { JourneySpec } from '../journey';

/** One frame as one interface saw it: the `Frame` layers plus the capture direction. */
export type TraceFrame = Frame & { dir: 'in' | 'out' };

/**
 * Frames per interface, keyed `<ns>/<iface>` with the topology's namespace names, each list in the
 * order the interface saw its frames. This is what the kernel lab records and what the engine's
 * frame events are reduced to, so the two can be compared interface by interface.
 */
export type InterfaceTraces = Record<string, TraceFrame[]>;

/**
 * `fixtures/kernel/<id>.json`: what the real kernel did for one reference scenario.
 * Not recorded on purpose: the IPv4 id and the ICMP echo identifier (they change every run).
 */
export interface KernelFixture {
  /** Scenario id (`SCENARIOS[i].id`). */
  scenario: string;
  /** The journey that was run, to spot a fixture recorded for an older scenario definition. */
  journey: JourneySpec;
  /** `uname -r` of the kernel that produced it. */
  kernel: string;
  /** ISO date of the recording. */
  recordedAt: string;
  /** Every interface of the topology, also those that saw nothing (empty list). */
  interfaces: InterfaceTraces;
}
