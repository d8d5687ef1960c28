import { describe, expect, it } from 'vitest';
import { minikubeFlannel } from './minikube';
import { buildMinikubeFlannel } from './minikubeBuild';

describe('the minikube lab kept as data', () => {
  it('is what the one path makes now (else run `npm run presets`)', () => {
    expect(minikubeFlannel()).toEqual(buildMinikubeFlannel());
  });

  it('is a fresh copy each time, so a caller may change it', () => {
    const a = minikubeFlannel();
    a.machines.pop();
    expect(minikubeFlannel().machines).toHaveLength(3);
  });
});
