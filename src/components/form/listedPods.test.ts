import { describe, expect, it } from 'vitest';
import { generateCluster } from '../../core';
import { namespaceNames } from '../../store/specDraft';
import { FORM_PODS_MAX, listedPods } from './JourneyForm';

describe('the pods the From and To lists offer', () => {
  it('are every pod in a classroom lab', () => {
    const t = generateCluster({ nodes: 20, podsPerNode: 10 });
    const { pods } = namespaceNames(t);
    expect(listedPods(t, pods, ['pod1-1', 'pod20-10'])).toEqual({ pods, machines: null });
  });

  it('are the pods of the endpoints’ machines in a Kubernetes-sized lab, whether an endpoint is a pod or a machine', () => {
    const t = generateCluster({ nodes: 500, podsPerNode: 5 });
    const { pods } = namespaceNames(t);
    expect(pods.length).toBeGreaterThan(FORM_PODS_MAX);
    expect(listedPods(t, pods, ['pod1-1', 'node400'])).toEqual({
      pods: ['pod1-1', 'pod1-2', 'pod1-3', 'pod1-4', 'pod1-5', 'pod400-1', 'pod400-2', 'pod400-3', 'pod400-4', 'pod400-5'],
      machines: ['node1', 'node400'],
    });
    // An IP address as the destination: only the source's node's pods.
    expect(listedPods(t, pods, ['pod7-2', '10.244.3.3']).machines).toEqual(['node7']);
  });
});
