import { describe, expect, it } from 'vitest';
import { formatProblem, problemSeverity } from '../../i18n/problems';
import { seedCiliumNativeWireguard, seedCiliumWireguard } from '../../presets/ciliumScenarios';
import { runJourney } from '../../sim/runJourney';
import { labChecks } from '../labChecks';
import { withoutWg } from './wireguardCases';

/*
 * A Cilium node without cilium_wg0 in a WireGuard lab (`wg-no-device`): the warning names the node,
 * the nodes that list no peer for it, and the consequence the engine shows: in tunnel mode the
 * senders' cilium_wg0 drop what is for it (wg-no-peer), in native routing its pods' packets cross in
 * clear.
 */

const found = (lab: Parameters<typeof labChecks>[0]) => labChecks(lab).filter((c) => c.problem.code === 'wg-no-device');

describe('a Cilium node without cilium_wg0', () => {
  it('is not raised when every node has its device', () => {
    expect(found(seedCiliumWireguard())).toEqual([]);
    expect(found(seedCiliumNativeWireguard())).toEqual([]);
  });

  it('in tunnel mode: a warning naming node2 and node1, and node1 drops what is for node2 (wg-no-peer)', () => {
    const lab = withoutWg();
    const [c] = found(lab);
    expect(c?.problem.params).toEqual({ node: 'node2', peers: 'node1', routing: 'tunnel' });
    if (!c) return;
    expect(problemSeverity(c.problem.code)).toBe('warning');
    const en = formatProblem(c.problem, 'en');
    expect(en).toContain('node2 has no cilium_wg0');
    expect(en).toContain('drops it (wg-no-peer)');
    expect(formatProblem(c.problem, 'ru')).toContain('На ноде node2 нет интерфейса cilium_wg0');
    const there = runJourney(lab, { from: 'pod1', to: 'pod3' });
    expect(there.events.some((e) => e.type === 'drop' && e.ns === 'node1' && e.reason === 'wg-no-peer')).toBe(true);
    expect(there.events.some((e) => e.type === 'deliver' && e.ns === 'pod3')).toBe(false);
    // node2's own pods reach pod1 (in clear VXLAN), but the answer is dropped on node1 the same way.
    const back = runJourney(lab, { from: 'pod3', to: 'pod1' });
    expect(back.events.some((e) => e.type === 'deliver' && e.ns === 'pod1')).toBe(true);
    expect(back.events.some((e) => e.type === 'deliver' && e.ns === 'pod3')).toBe(false);
  });

  it('in native routing: the warning says the packets cross unencrypted, as the engine sends them', () => {
    const lab = withoutWg(seedCiliumNativeWireguard);
    const [c] = found(lab);
    expect(c?.problem.params).toEqual({ node: 'node2', peers: 'node1', routing: 'native' });
    if (!c) return;
    expect(formatProblem(c.problem, 'en')).toContain('cross unencrypted');
    expect(formatProblem(c.problem, 'ru')).toContain('идут незашифрованными');
    const r = runJourney(lab, { from: 'pod1', to: 'pod3' });
    expect(r.events.some((e) => e.type === 'deliver' && e.ns === 'pod1' && e.cause === 'echo-reply')).toBe(true);
    expect(r.events.some((e) => e.type === 'frame' && e.iface === 'cilium_wg0')).toBe(false);
  });
});
