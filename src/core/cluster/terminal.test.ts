import { describe, expect, it } from 'vitest';
import { minikubeFlannel } from '../presets/minikube';
import { humanDuration } from './humanDuration';
import { tabwrite } from './tabwriter';
import { NOTES_COMMANDS, runCommand, startTerminal, TYPING_S, type TerminalReply, type TerminalState } from './terminal';

function text(r: TerminalReply): string {
  if (r.kind !== 'output') throw new Error(`expected output, got ${r.kind}`);
  return r.text;
}

describe('humanDuration (apimachinery util/duration)', () => {
  it('prints kubectl ages at every unit boundary', () => {
    const cases: [number, string][] = [
      [-2, '<invalid>'], [-1, '0s'], [0, '0s'], [36, '36s'], [119, '119s'], [120, '2m'], [125, '2m5s'],
      [599, '9m59s'], [600, '10m'], [179 * 60 + 59, '179m'], [3 * 3600, '3h'], [3 * 3600 + 60, '3h1m'],
      [8 * 3600, '8h'], [47 * 3600, '47h'], [48 * 3600, '2d'], [50 * 3600, '2d2h'], [8 * 86400, '8d'],
      [729 * 86400, '729d'], [730 * 86400, '2y'], [731 * 86400, '2y1d'], [8 * 365 * 86400, '8y'],
    ];
    for (const [s, want] of cases) expect([s, humanDuration(s)]).toEqual([s, want]);
  });
});

describe('tabwrite (kubectl printers: minwidth 6, padding 3)', () => {
  it('reproduces the notes\' `kubectl get nodes` byte for byte', () => {
    const lines = tabwrite([
      ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
      ['minikube', 'Ready', 'control-plane', '36s', 'v1.26.3'],
      ['minikube-m02', 'Ready', '<none>', '18s', 'v1.26.3'],
      ['minikube-m03', 'Ready', '<none>', '1s', 'v1.26.3'],
    ]);
    expect(lines).toEqual([
      'NAME           STATUS   ROLES           AGE   VERSION',
      'minikube       Ready    control-plane   36s   v1.26.3',
      'minikube-m02   Ready    <none>          18s   v1.26.3',
      'minikube-m03   Ready    <none>          1s    v1.26.3',
    ]);
  });
});

describe('the minikube terminal', () => {
  const lab = minikubeFlannel();
  const cluster = lab.cluster;
  if (!cluster) throw new Error('minikube lab without its cluster');

  function run(s: TerminalState, line: string): { reply: TerminalReply; state: TerminalState } {
    return runCommand(lab, cluster as NonNullable<typeof cluster>, s, line);
  }

  it('answers the notes\' `kubectl get nodes` as the notes show it, at the moment they show', () => {
    const { reply } = run({ now: 36 - TYPING_S, rollouts: [] }, 'kubectl get nodes');
    expect(text(reply)).toBe([
      'NAME           STATUS   ROLES           AGE   VERSION',
      'minikube       Ready    control-plane   36s   v1.26.3',
      'minikube-m02   Ready    <none>          18s   v1.26.3',
      'minikube-m03   Ready    <none>          1s    v1.26.3',
    ].join('\n'));
  });

  it('lists the nodes as `minikube node list` does, name and IP separated by a tab', () => {
    expect(text(run(startTerminal(cluster), 'minikube node list').reply)).toBe('minikube\t192.168.67.2\nminikube-m02\t192.168.67.3\nminikube-m03\t192.168.67.4');
  });

  it('shows the flannel DaemonSet with no node selector, and kube-proxy with the OS one', () => {
    const out = text(run(startTerminal(cluster), 'kubectl get ds -A').reply).split('\n');
    expect(out[0]).toMatch(/^NAMESPACE\s+NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE$/);
    expect(out[1]).toMatch(/^kube-flannel\s+kube-flannel-ds\s+3\s+3\s+3\s+3\s+3\s+<none>\s+\S+$/);
    expect(out[2]).toMatch(/^kube-system\s+kube-proxy\s+3\s+3\s+3\s+3\s+3\s+kubernetes\.io\/os=linux\s+\S+$/);
  });

  it('greps the flannel pods: hostNetwork, so each has its node\'s IP', () => {
    const out = text(run(startTerminal(cluster), 'kubectl get pods -A -o wide | grep flannel').reply).split('\n');
    expect(out).toHaveLength(3);
    const ips = out.map((l) => l.split(/\s+/)).sort((a, b) => (a[7] ?? '').localeCompare(b[7] ?? ''));
    expect(ips.map((c) => [c[0], c[1]?.replace(/-[b-z2-9]{5}$/, '-?'), c[6], c[7]])).toEqual([
      ['kube-flannel', 'kube-flannel-ds-?', '192.168.67.2', 'minikube'],
      ['kube-flannel', 'kube-flannel-ds-?', '192.168.67.3', 'minikube-m02'],
      ['kube-flannel', 'kube-flannel-ds-?', '192.168.67.4', 'minikube-m03'],
    ]);
  });

  it('lists the lab\'s pods with the addresses the CNI ADD gave them', () => {
    const out = text(run(startTerminal(cluster), 'kubectl get pods -o wide').reply);
    expect(out).toMatch(/^pod-a\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.1\.2\s+minikube-m02\s/m);
    expect(out).toMatch(/^pod-b\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.2\.2\s+minikube-m03\s/m);
  });

  it('rolls a restart out one node at a time: new names, the same node IPs, and the pods\' own addresses untouched', () => {
    let s = startTerminal(cluster);
    const flannelPods = (st: TerminalState): string[][] => text(run(st, 'kubectl get pods -A -o wide | grep flannel').reply).split('\n').map((l) => l.split(/\s+/)).sort((a, b) => (a[7] ?? '').localeCompare(b[7] ?? ''));
    const before = flannelPods(s);
    const restart = run(s, NOTES_COMMANDS[3] ?? '');
    expect(restart.reply).toMatchObject({ kind: 'output', text: 'daemonset.apps/kube-flannel-ds restarted', restarted: { namespace: 'kube-flannel', name: 'kube-flannel-ds' } });
    s = restart.state;
    const during = flannelPods(s);
    expect(during.filter((c, k) => c[1] !== before[k]?.[1])).toHaveLength(1);
    const status = run(s, 'kubectl rollout status ds kube-flannel-ds -n kube-flannel');
    expect(text(status.reply)).toMatch(/Waiting for daemon set "kube-flannel-ds" rollout to finish: \d out of 3 new pods have been updated\.\.\.\ndaemon set "kube-flannel-ds" successfully rolled out$/);
    const after = flannelPods(status.state);
    expect(after.map((c) => c[1])).not.toContain(before[0]?.[1]);
    expect(after.map((c) => [c[3], c[6]])).toEqual(before.map((c) => [c[3], c[6]]));
    expect(text(run(status.state, 'kubectl get pods -o wide').reply)).toMatch(/10\.244\.1\.2/);
  });

  it('answers unknown commands, flags and resources the way the tools do, or says it does not know them', () => {
    const s = startTerminal(cluster);
    expect(run(s, 'rm -rf /').reply).toEqual({ kind: 'unknown', command: 'rm -rf /' });
    expect(run(s, 'kubectl get pods | sort').reply.kind).toBe('unknown');
    expect(run(s, 'kubectl get foo').reply).toMatchObject({ exitCode: 1, text: 'error: the server doesn\'t have a resource type "foo"' });
    expect(run(s, 'kubectl get pods -o yaml').reply).toMatchObject({ exitCode: 1, text: 'error: unknown flag: -o yaml' });
    expect(run(s, 'kubectl rollout restart ds nope -n kube-flannel').reply).toMatchObject({ exitCode: 1, text: 'Error from server (NotFound): daemonsets.apps "nope" not found' });
    expect(run(s, 'kubectl get pods -n nowhere').reply).toMatchObject({ text: 'No resources found in nowhere namespace.' });
    expect(run(s, 'kubectl get pods -A | grep nothing-like-this').reply).toMatchObject({ exitCode: 1, text: '' });
    expect(run(s, 'minikube start --nodes 3 --cni flannel').reply).toEqual({ kind: 'started' });
  });

  it('moves its clock a few seconds per command, and by N for sleep N', () => {
    const s = startTerminal(cluster);
    expect(run(s, 'kubectl get nodes').state.now).toBe(s.now + TYPING_S);
    expect(run(s, 'sleep 60').state.now).toBe(s.now + 60);
    expect(run(s, 'nonsense').state).toBe(s);
  });
});

describe('the minikube lab', () => {
  it('is a valid lab whose cluster names its own machines and pods', async () => {
    const { validateTopology } = await import('../model/validate');
    const lab = minikubeFlannel();
    expect(validateTopology(lab)).toEqual([]);
    const names = new Set(lab.machines.flatMap((m) => [m.name, ...(m.pods ?? []).map((p) => p.name)]));
    for (const n of lab.cluster?.nodes ?? []) expect(names).toContain(n.name);
    for (const p of lab.cluster?.pods ?? []) if (p.ns !== undefined) expect(names).toContain(p.ns);
  });
});

describe('the terminal after the lab changed', () => {
  it('lists a node the editor added, as joined when the lab was described, with its pods in default', async () => {
    const { addNode } = await import('../model/labEdits');
    const { addPod } = await import('../model/podNetwork');
    const lab = minikubeFlannel();
    const edit = addNode(lab);
    if (!edit || !lab.cluster) throw new Error('no node added');
    const withPod = addPod(edit.topology, edit.name, { name: 'web' }).topology;
    const s = startTerminal(lab.cluster);
    const nodes = text(runCommand(withPod, lab.cluster, s, 'minikube node list').reply);
    const ip = (edit.topology.machines.find((m) => m.name === edit.name)?.interfaces[0]?.addresses?.[0] ?? '').split('/')[0];
    expect(nodes.split('\n')).toContain(`${edit.name}\t${ip}`);
    expect(text(runCommand(withPod, lab.cluster, s, 'kubectl get pods -o wide').reply)).toMatch(new RegExp(`^web\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+10\\.244\\.3\\.2\\s+${edit.name}\\s`, 'm'));
  });
});
