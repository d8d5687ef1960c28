import { describe, expect, it } from 'vitest';
import { importCluster } from './build';
import { noteKind, type ImportNote } from './notes';
import { tellNote } from './tell';
import FLANNEL_JSON from './fixtures/minikube-flannel.json?raw';
import NOTES from './fixtures/minikube-notes.txt?raw';
import M02_IP from './fixtures/minikube-m02-ip.txt?raw';

/*
 * Hostile input against issue 12's rules for bad input: every problem is a remark that names its
 * source and line (or field) and says what was expected; nothing throws; no lab comes out of input
 * with an error. The cases: JSON cut short, a table row re-spaced and cut, ip -j output of a node
 * the cluster does not have, ten megabytes of text that is no command's output, nesting deeper
 * than any parser's stack, binary bytes.
 */

const errors = (notes: readonly ImportNote[]) => notes.filter((n) => noteKind(n.code) === 'error');

describe('hostile input', () => {
  it('kubectl JSON cut short (a copy that stopped at 60 %): the line it starts at, no lab', () => {
    const text = `$ kubectl get nodes,pods -A -o json\n${FLANNEL_JSON.slice(0, Math.floor(FLANNEL_JSON.length * 0.6))}`;
    const r = importCluster([{ name: 'paste', text }]);
    expect(r.topology).toBeNull();
    expect(errors(r.notes)).toEqual([{ code: 'json-truncated', params: { startLine: 2 }, source: 'paste', line: 2 }]);
    expect(tellNote(errors(r.notes)[0] as ImportNote, 'en')).toMatch(/starts at line 2 is never closed/);
  });

  it('a pods row re-spaced by a chat and cut short: its line and the columns it lacks, in order', () => {
    const header = 'NAMESPACE   NAME                     READY   STATUS    RESTARTS   AGE   IP           NODE';
    const r = importCluster([{ name: 'paste', text: `${header}\ndefault   nginx-748c667d99-8x2zl   1/1   Running   0   3m12s` }]);
    expect(r.topology).toBeNull();
    expect(errors(r.notes)).toEqual([{ code: 'row-short', params: { missing: 'IP, NODE' }, source: 'paste', line: 2 }]);
  });

  it('a table without a column the lab needs: which one, and the flag that prints it', () => {
    const r = importCluster([{ name: 'paste', text: 'NAMESPACE     NAME               READY   STATUS    RESTARTS   AGE   IP\nkube-system   kube-proxy-x7k2p   1/1     Running   0          5m    192.168.49.2' }]);
    expect(errors(r.notes)).toEqual([{ code: 'table-columns', params: { table: 'pods', columns: 'NODE', flag: '-o wide' }, source: 'paste', line: 1 }]);
    expect(tellNote(errors(r.notes)[0] as ImportNote, 'ru')).toMatch(/^В таблице pods нет столбца NODE: .*-o wide/);
  });

  it('ip -j output of a node the cluster does not have: each block\'s line, the node named, the cluster\'s nodes listed', () => {
    const other = M02_IP.replace(/minikube-m02/g, 'worker-9');
    const r = importCluster([{ name: 'paste', text: NOTES }, { name: 'worker-9.txt', text: other }]);
    expect(r.topology).toBeNull();
    const e = errors(r.notes);
    expect(e.map((n) => n.line)).toEqual([2, 4, 6, 8]);
    for (const n of e) expect(n).toMatchObject({ code: 'ip-node-missing', source: 'worker-9.txt', params: { node: 'worker-9', nodes: 'minikube, minikube-m02, minikube-m03' } });
    // The rest of the input was read: the cluster itself is recognised.
    expect(r.detected?.cni).toBe('flannel');
  });

  it('ten megabytes of text that is no command\'s output: one remark at its first line, not one per line', () => {
    const junk = Array.from({ length: 160_000 }, (_, k) => `lorem ipsum ${k} dolor sit amet, consectetur adipiscing elit, sed do eiusmod`).join('\n');
    expect(junk.length).toBeGreaterThan(10_000_000);
    const r = importCluster([{ name: 'junk.txt', text: junk }]);
    expect(r.topology).toBeNull();
    expect(r.notes).toEqual([{ code: 'unrecognised', params: { text: 'lorem ipsum 0 dolor sit amet, consectetu' }, source: 'junk.txt', line: 1 }]);
  });

  it('junk after a valid paste: the line where it starts, and no lab until it is removed', () => {
    const text = `${NOTES.trimEnd()}\n\nSee you at 5, the notes are on the wiki\n`;
    const r = importCluster([{ name: 'paste', text }]);
    expect(r.topology).toBeNull();
    expect(errors(r.notes)).toEqual([expect.objectContaining({ code: 'unrecognised', source: 'paste', line: NOTES.trimEnd().split('\n').length + 2 })]);
    expect(importCluster([{ name: 'paste', text: NOTES }]).topology).not.toBeNull();
  });

  it('JSON nested deeper than a stack, and a megabyte array never closed: remarks, not a throw', () => {
    const deep = importCluster([{ name: 'x.json', text: `${'['.repeat(200_000)}${']'.repeat(200_000)}` }]);
    expect(errors(deep.notes).map((n) => n.code)).toEqual(['json-unknown']);
    const open = importCluster([{ name: 'x.json', text: `[${'1,'.repeat(500_000)}` }]);
    expect(errors(open.notes)).toEqual([{ code: 'json-truncated', params: { startLine: 1 }, source: 'x.json', line: 1 }]);
  });

  it('binary bytes, as a file read as text gives them', () => {
    const bin = String.fromCharCode(...Array.from({ length: 4096 }, (_, k) => (k * 7919) % 256));
    const r = importCluster([{ name: 'blob.bin', text: bin }]);
    expect(r.topology).toBeNull();
    expect(errors(r.notes).map((n) => [n.code, n.source])).toEqual([['binary', 'blob.bin']]);
  });
});
