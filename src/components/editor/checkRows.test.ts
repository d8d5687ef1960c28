import { describe, expect, it } from 'vitest';
import { seedTopology, type Topology } from '../../core';
import { addNode, addPod, labChecks } from '../../core/editing';
import { EDITOR_EN, EDITOR_RU } from '../i18n/editorStrings';
import { checkRows } from './ChecksPanel';

function withNode3Pods(): Topology {
  const t = addNode(seedTopology())?.topology;
  if (!t) throw new Error('refused');
  return addPod(t, 'node3').topology;
}

const rows = (t: Topology, lang: 'en' | 'ru') => checkRows(labChecks(t), lang, { route: (lang === 'ru' ? EDITOR_RU : EDITOR_EN).checkRoute, routes: (lang === 'ru' ? EDITOR_RU : EDITOR_EN).checkRoutes });

describe('the checks panel rows', () => {
  it('the seed lab has none', () => {
    expect(rows(seedTopology(), 'en')).toEqual([]);
  });

  it('a new node with a pod: the router warning, its machine, its routing table and its fix, in both languages without the path', () => {
    const [en] = rows(withNode3Pods(), 'en');
    const [ru] = rows(withNode3Pods(), 'ru');
    expect(en).toMatchObject({ severity: 'warning', ns: 'router', at: 'routing table', fix: { kind: 'add-route', machine: 'router' } });
    expect(ru).toMatchObject({ ns: 'router', at: 'таблица маршрутизации' });
    expect(en?.text).toMatch(/^router has no route to 10\.10\.12\.0\/24/);
    expect(ru?.text).toMatch(/^у машины router нет маршрута к 10\.10\.12\.0\/24/);
  });

  it('validation errors come first, pointing at their machine and the route, with the fix when the gateway says which device', () => {
    const t = withNode3Pods();
    const broken: Topology = { ...t, machines: t.machines.map((m) => (m.name === 'node3' ? { ...m, routes: [{ dst: 'default', via: '172.16.100.254', dev: 'eth9' }] } : m)) };
    const [first] = rows(broken, 'en');
    expect(first).toMatchObject({ severity: 'error', ns: 'node3', at: 'route default via 172.16.100.254 dev eth9' });
    expect(first?.text).toContain('eth9');
    expect(first?.fix).toEqual({ kind: 'change-route', machine: 'node3', from: { dst: 'default', via: '172.16.100.254', dev: 'eth9' }, to: { dst: 'default', via: '172.16.100.254', dev: 'eth0' } });
  });

  it('a problem in a pod names the pod (its button selects it) and the interface', () => {
    const t = withNode3Pods();
    // pod5 takes its gateway's address (node3's cni0, on its own layer-2 network): an error on pod5's eth0.
    const pod5 = t.machines.find((m) => m.name === 'node3')?.pods?.[0];
    if (!pod5) throw new Error('no pod5');
    const clash: Topology = {
      ...t,
      machines: t.machines.map((m) => (m.name !== 'node3' ? m : { ...m, pods: [{ ...pod5, interfaces: pod5.interfaces.map((i) => ({ ...i, addresses: ['10.10.12.254/24'] })) }] })),
    };
    const row = rows(clash, 'en').find((r) => r.text.startsWith('10.10.12.254 is also the address of node3/cni0'));
    expect(row).toMatchObject({ severity: 'error', ns: 'pod5', at: 'eth0', fix: { kind: 'set-address', machine: 'pod5', iface: 'eth0', from: '10.10.12.254/24', to: '10.10.12.1/24' } });
  });
});
