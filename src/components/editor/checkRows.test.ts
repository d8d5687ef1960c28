import { describe, expect, it } from 'vitest';
import { seedTopology, type Topology } from '../../core';
import { addNode, addPod } from '../../core/editing';
import { checkRows } from './ChecksPanel';

function withNode3Pods(): Topology {
  const t = addNode(seedTopology())?.topology;
  if (!t) throw new Error('refused');
  return addPod(t, 'node3').topology;
}

describe('the checks panel rows', () => {
  it('the seed lab has none', () => {
    expect(checkRows(seedTopology(), 'en')).toEqual([]);
  });

  it('a new node with a pod: the router warning, its machine and its fix, in both languages without the path', () => {
    const [en] = checkRows(withNode3Pods(), 'en');
    const [ru] = checkRows(withNode3Pods(), 'ru');
    expect(en).toMatchObject({ severity: 'warning', machine: 'router', fix: { kind: 'add-route', machine: 'router' } });
    expect(en?.text).toMatch(/^router has no route to 10\.10\.12\.0\/24/);
    expect(ru?.text).toMatch(/^у router нет маршрута к 10\.10\.12\.0\/24/);
  });

  it('validation errors come first, pointing at their machine', () => {
    const t = withNode3Pods();
    const broken: Topology = { ...t, machines: t.machines.map((m) => (m.name === 'node3' ? { ...m, routes: [{ dst: 'default', via: '172.16.100.254', dev: 'eth9' }] } : m)) };
    const rows = checkRows(broken, 'en');
    expect(rows[0]?.severity).toBe('error');
    expect(rows[0]?.machine).toBe('node3');
    expect(rows[0]?.text).toContain('eth9');
  });
});
