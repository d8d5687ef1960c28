import { describe, expect, it } from 'vitest';
import { minikubeFlannel } from '../presets/minikube';
import { minikubeCilium } from '../presets/minikubeCilium';
import { notesCommands, runCommand, startTerminal, type TerminalReply } from './terminal';

function text(r: TerminalReply): string {
  if (r.kind !== 'output') throw new Error(`expected output, got ${r.kind}`);
  return r.text;
}

describe('the terminal on the notes\' cluster under Cilium', () => {
  const lab = minikubeCilium();
  const cluster = lab.cluster;
  if (!cluster) throw new Error('minikube-cilium has a cluster');
  const run = (line: string) => runCommand(lab, cluster, startTerminal(cluster), line).reply;

  it('offers the notes\' commands for --cni cilium', () => {
    expect(notesCommands(lab)).toContain('kubectl rollout restart ds cilium -n kube-system');
    expect(notesCommands(lab)[0]).toBe('minikube start --nodes 3 --cni cilium');
    expect(notesCommands(minikubeFlannel())[0]).toBe('minikube start --nodes 3 --cni flannel');
  });

  it('lists the cilium and cilium-envoy DaemonSets with the OS node selector, beside kube-proxy', () => {
    const rows = text(run('kubectl get ds -A')).split('\n').slice(1).map((l) => l.split(/\s+/));
    expect(rows.map((r) => [r[0], r[1], r[2], r[7]])).toEqual([
      ['kube-system', 'cilium', '3', 'kubernetes.io/os=linux'],
      ['kube-system', 'cilium-envoy', '3', 'kubernetes.io/os=linux'],
      ['kube-system', 'kube-proxy', '3', 'kubernetes.io/os=linux'],
    ]);
  });

  it('greps the cilium pods: the agents, envoys and the operator, all on their node\'s IP (hostNetwork)', () => {
    const rows = text(run('kubectl get pods -A -o wide | grep cilium')).split('\n').map((l) => l.split(/\s+/));
    expect(rows.filter((r) => /^cilium-[0-9a-z]{5}$/.test(r[1] ?? '')).map((r) => [r[6], r[7]]).sort()).toEqual([['192.168.67.2', 'minikube'], ['192.168.67.3', 'minikube-m02'], ['192.168.67.4', 'minikube-m03']]);
    expect(rows.filter((r) => (r[1] ?? '').startsWith('cilium-envoy-'))).toHaveLength(3);
    expect(rows.filter((r) => (r[1] ?? '').startsWith('cilium-operator-')).map((r) => r[7])).toEqual(['minikube']);
    // The lab's pods have addresses from each node's /24 of the cluster pool.
    const all = text(run('kubectl get pods -A -o wide'));
    expect(all).toMatch(/pod-a\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.1\.2\s+minikube-m02/);
  });

  it('restarts the agent DaemonSet and says so', () => {
    const r = run('kubectl rollout restart ds cilium -n kube-system');
    expect(r).toMatchObject({ kind: 'output', text: 'daemonset.apps/cilium restarted', restarted: { namespace: 'kube-system', name: 'cilium' } });
  });
});
