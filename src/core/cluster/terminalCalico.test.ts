import { describe, expect, it } from 'vitest';
import { minikubeCalico } from '../presets/calicoPresets';
import { minikubeFlannel } from '../presets/minikube';
import { podRows, replacedAt } from './clusterView';
import { NOTES_COMMANDS, NOTES_COMMANDS_CALICO, notesCommands, runCommand, startTerminal, type TerminalReply, type TerminalState } from './terminal';

function text(r: TerminalReply): string {
  if (r.kind !== 'output') throw new Error(`expected output, got ${r.kind}`);
  return r.text;
}

describe('the terminal on the notes\' cluster under Calico', () => {
  const lab = minikubeCalico();
  const cluster = lab.cluster;
  if (!cluster) throw new Error('minikube-calico has no cluster');
  const run = (s: TerminalState, line: string) => runCommand(lab, cluster, s, line);

  it('offers Calico\'s commands, and Flannel\'s on the Flannel cluster', () => {
    expect(notesCommands(lab)).toBe(NOTES_COMMANDS_CALICO);
    expect(notesCommands(minikubeFlannel())).toBe(NOTES_COMMANDS);
  });

  it('lists calico-node in kube-system with its node selector, and calico pods with their addresses', () => {
    const s = startTerminal(cluster);
    const ds = text(run(s, 'kubectl get ds -A').reply).split('\n');
    expect(ds[0]).toMatch(/^NAMESPACE\s+NAME\s+DESIRED/);
    expect(ds.find((l) => l.includes('calico-node'))).toMatch(/^kube-system\s+calico-node\s+3\s+3\s+3\s+3\s+3\s+kubernetes\.io\/os=linux\s+/);
    const pods = text(run(s, 'kubectl get pods -A -o wide | grep calico').reply).split('\n');
    // Three calico-node pods on their nodes' own addresses (hostNetwork), calico-kube-controllers on the pod network.
    const nodeIps = pods.filter((l) => /calico-node-/.test(l)).map((l) => /\s(192\.168\.67\.\d)\s/.exec(l)?.[1]);
    expect(nodeIps.sort()).toEqual(['192.168.67.2', '192.168.67.3', '192.168.67.4']);
    const kc = pods.find((l) => l.includes('calico-kube-controllers-'));
    const kcIp = lab.machines.find((m) => m.name === 'minikube')?.pods?.find((p) => p.name === 'calico-kube-controllers')?.interfaces[0]?.addresses?.[0]?.split('/')[0];
    expect(kcIp).toMatch(/^10\.244\./);
    expect(kc).toContain(` ${kcIp ?? '?'} `);
  });

  it('restarts calico-node one node at a time, three init containers each', () => {
    let s = startTerminal(cluster);
    const r = run(s, 'kubectl rollout restart ds calico-node -n kube-system');
    expect(r.reply).toMatchObject({ kind: 'output', text: 'daemonset.apps/calico-node restarted', restarted: { namespace: 'kube-system', name: 'calico-node' } });
    s = r.state;
    const rollout = s.rollouts[0];
    if (!rollout) throw new Error('no rollout');
    // A second after the first node's new pod was created: its three init containers have not run.
    const young = podRows(lab, cluster, s.rollouts, replacedAt(rollout, 0) + 1).filter((p) => p.daemonSet === 'calico-node' && p.status !== 'Running');
    expect(young.map((p) => p.status)).toEqual(['Init:0/3']);
  });
});
