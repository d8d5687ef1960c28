import { describe, expect, it } from 'vitest';
import { seedTopology } from './presets/seed';
import { runJourney } from './sim/runJourney';
import { stateAt } from './state';

describe('stateAt', () => {
  const r = runJourney(seedTopology(), { from: 'pod1', to: 'pod3' });

  it('before the first event is the initial snapshot: routes, no learned entries, bridge-local FDB rows', () => {
    const s = stateAt(r, -1);
    expect(s.ns.pod1?.neigh).toEqual([]);
    // Table main as `ip route` dumps it: the trie's key order, default (0.0.0.0/0) first.
    expect(s.ns.pod1?.routes.map((x) => x.text)).toEqual([
      'default via 10.10.10.254 dev eth0',
      '10.10.10.0/24 dev eth0 proto kernel scope link src 10.10.10.1',
      'local 10.10.10.1 dev eth0 table local proto kernel scope host src 10.10.10.1',
      'broadcast 10.10.10.255 dev eth0 table local proto kernel scope link src 10.10.10.1',
    ]);
    expect(s.ns.node1?.routes.filter((x) => x.table === 'local').map((x) => x.text.split(' dev')[0])).toEqual([
      'local 10.10.10.254', 'broadcast 10.10.10.255', 'local 172.16.100.1', 'broadcast 172.16.100.255',
    ]);
    expect(s.ns.node1?.fdb.cni0?.every((row) => row.local)).toBe(true);
    expect(s.segments.lan).toEqual([]);
  });

  it('follows the neighbour states step by step: INCOMPLETE, then REACHABLE once the reply arrives', () => {
    const created = r.events.findIndex((e) => e.type === 'neigh' && e.ns === 'pod1' && e.to === 'INCOMPLETE');
    const resolved = r.events.findIndex((e) => e.type === 'neigh' && e.ns === 'pod1' && e.to === 'REACHABLE');
    expect(stateAt(r, created).ns.pod1?.neigh).toEqual([{ ip: '10.10.10.254', iface: 'eth0', mac: null, state: 'INCOMPLETE' }]);
    expect(stateAt(r, resolved).ns.pod1?.neigh).toEqual([{ ip: '10.10.10.254', iface: 'eth0', mac: '02:00:0a:0a:0a:fe', state: 'REACHABLE' }]);
  });

  it('adds FDB entries as bridges and the segment learn them', () => {
    const end = stateAt(r, r.events.length - 1);
    expect(end.ns.node1?.fdb.cni0?.filter((row) => !row.local)).toEqual([{ mac: '02:00:0a:0a:0a:01', port: 'veth-pod1', local: false }]);
    expect(end.segments.lan?.map((row) => row.port).sort()).toEqual(['node1/eth0', 'node2/eth0', 'router/eth0']);
  });

  it('never changes the initial snapshot and shares untouched namespaces with it', () => {
    const before = JSON.stringify(r.initial);
    const end = stateAt(r, r.events.length - 1);
    expect(JSON.stringify(r.initial)).toBe(before);
    expect(end.ns.pod4).toBe(r.initial.ns.pod4);
    expect(end.ns.pod1).not.toBe(r.initial.ns.pod1);
  });

  it('seeking back gives exactly the earlier state', () => {
    const mid = Math.floor(r.events.length / 2);
    expect(stateAt(r, mid)).toEqual(stateAt(r, mid));
    expect(JSON.stringify(stateAt(r, 3))).toBe(JSON.stringify(stateAt({ initial: r.initial, events: r.events.slice(0, 4) }, 99)));
  });
});
