import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/core/cni/goJson';
import { delegateConfig, type SubnetEnv } from '../../src/core/cni/flannel';
import { emptyNode } from '../../src/core/cni/state';
import { FLANNEL_DELEGATE } from './cases';
import { maskRandom, replay, type Fixture } from './replay';

/*
 * The chain flannel → bridge → host-local against the reference: Debian ships no flannel plugin,
 * so the fixture records the bridge with the configuration flannel hands it (FLANNEL_DELEGATE).
 * Our flannel must build exactly that configuration from subnet.env and kube-flannel.yml's
 * conflist, and running flannel in front of our bridge must give what the reference bridge gave.
 */

const SUBNET_ENV = 'FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n';
const FLANNEL: Json = { cniVersion: '0.3.1', name: 'cbr0', type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } };

describe('flannel in front of the bridge gives what the reference bridge gave with flannel\'s configuration', () => {
  it('builds the delegate configuration byte for byte', () => {
    const env: SubnetEnv = { networks: ['10.244.0.0/16'], subnet: '10.244.1.0/24', mtu: 1450, ipmasq: true };
    expect(JSON.stringify(delegateConfig(FLANNEL as Record<string, Json>, env))).toBe(FLANNEL_DELEGATE);
  });

  it('replays the flannel-delegate fixture through flannel', () => {
    const fx = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'cni', 'flannel-delegate.json'), 'utf8')) as Fixture;
    const start = { ...emptyNode(), files: { '/run/flannel/subnet.env': SUBNET_ENV } };
    const ours = replay(fx, (step) => (step.conf === FLANNEL_DELEGATE ? { plugin: 'flannel', conf: FLANNEL } : undefined), start);
    const ref = maskRandom(fx.steps.map((s) => ('plugin' in s ? `exit ${s.exitCode}\n${s.stdout}` : 'snapshot' in s ? JSON.stringify(s.snapshot, null, 1) : '')));
    const mine = maskRandom(ours.map((o) => (o === null ? '' : 'stdout' in o ? `exit ${o.exitCode}\n${o.stdout}` : JSON.stringify(o.snapshot, null, 1))));
    expect(fx.steps.filter((s) => 'plugin' in s && s.conf === FLANNEL_DELEGATE).length).toBeGreaterThan(3);
    expect(mine).toEqual(ref);
  });
});
