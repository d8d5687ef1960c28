import { describe, expect, it } from 'vitest';
import { seedVxlan } from '../../src/core/presets/datapathScenarios';
import { seedTopology } from '../../src/core/presets/seed';
import { SCENARIOS } from '../../src/core/presets/scenarios';
import type { Topology } from '../../src/core/model/topology';
import { planLab } from './labPlan';

const PREFIX = 'pjk4242-';

/** The namespace a command acts in, or why it acts in none of the lab's. */
function nsOf(cmd: string[]): string | undefined {
  if (cmd[0] !== 'ip') return undefined;
  if (cmd[1] === '-n') return cmd[2];
  if (cmd[1] === 'netns' && ['add', 'exec', 'del'].includes(cmd[2] ?? '')) return cmd[3];
  return undefined;
}

describe('planLab safety', () => {
  for (const s of SCENARIOS) {
    it(`${s.id}: every command runs in one of the lab's own namespaces`, () => {
      const plan = planLab(s.topology(), PREFIX);
      const all = [...plan.build, ...plan.finish];
      for (const cmd of all) {
        const ns = nsOf(cmd);
        expect(ns, cmd.join(' ')).toBeDefined();
        expect(plan.namespaces, cmd.join(' ')).toContain(ns);
        // A veth's far end goes straight into a lab namespace, never the root one.
        const i = cmd.indexOf('netns', 2);
        if (cmd.includes('veth')) expect(plan.namespaces, cmd.join(' ')).toContain(cmd[i + 1]);
      }
      for (const ns of plan.namespaces) expect(ns.startsWith(PREFIX)).toBe(true);
    });
  }

  it('refuses a prefix that is not pjk<pid>-', () => {
    expect(() => planLab(seedTopology(), 'lab-')).toThrow(/pjk<pid>-/);
  });
});

describe('planLab', () => {
  const plan = planLab(seedTopology(), PREFIX);

  it('creates one namespace per machine and pod, and one switch per segment', () => {
    expect(plan.namespaces).toEqual(['node1', 'pod1', 'pod2', 'router', 'node2', 'pod3', 'pod4', 'sw-lan'].map((n) => PREFIX + n));
    expect(plan.real.pod3).toBe(`${PREFIX}pod3`);
  });

  it('pins sysctls before any device exists, ip_forward before the all.* values', () => {
    // Namespace-wide sysctls (the pins and the topology's `all`) all come before the first device.
    const firstDevice = plan.build.findIndex((c) => c.includes('link') && c.includes('add'));
    const nsWide = plan.build.map((c, i) => ({ c, i })).filter(({ c }) => c.includes('sysctl') && !c.some((a) => a.startsWith('net/ipv4/neigh/')));
    expect(nsWide.length).toBeGreaterThan(0);
    for (const { c, i } of nsWide.filter(({ c }) => !c.some((a) => /^net\/ipv4\/conf\/(?!all\/)/.test(a)))) expect(i, c.join(' ')).toBeLessThan(firstDevice);
    const router = plan.build.filter((c) => c[3] === `${PREFIX}router` && c.includes('sysctl')).map((c) => c.slice(7).join(' '));
    expect(router[0]).toMatch(/^net.ipv6.conf.all.disable_ipv6=1 .* net.ipv4.ip_forward=0 .* net.ipv4.conf.default.proxy_arp=0$/);
    expect(router[2]).toBe('net/ipv4/ip_forward=1 net/ipv4/conf/all/send_redirects=0');
    expect(router[3]).toContain('net/ipv4/conf/eth0/send_redirects=0');
  });

  it('creates each veth pair once, both ends named and addressed as in the topology', () => {
    const veths = plan.build.filter((c) => c.includes('veth'));
    expect(veths).toHaveLength(4 + 3);
    expect(veths).toContainEqual(['ip', '-n', `${PREFIX}node1`, 'link', 'add', 'veth-pod1', 'address', '02:01:0a:0a:0a:01', 'mtu', '1500', 'type', 'veth', 'peer', 'name', 'eth0', 'address', '02:00:0a:0a:0a:01', 'mtu', '1500', 'netns', `${PREFIX}pod1`]);
    expect(veths).toContainEqual(['ip', '-n', `${PREFIX}sw-lan`, 'link', 'add', 'p2', 'address', '02:fe:00:00:01:02', 'mtu', '1500', 'type', 'veth', 'peer', 'name', 'eth0', 'address', '02:00:ac:10:64:fe', 'mtu', '1500', 'netns', `${PREFIX}router`]);
  });

  it('makes quiet bridges with fixed MACs, and adds routes only after links are up', () => {
    expect(plan.build).toContainEqual(['ip', '-n', `${PREFIX}node2`, 'link', 'add', 'cni0', 'address', '02:00:0a:0a:0b:fe', 'mtu', '1500', 'type', 'bridge', 'stp_state', '0', 'mcast_snooping', '0']);
    expect(plan.finish).toContainEqual(['ip', '-n', `${PREFIX}router`, 'route', 'add', '10.10.11.0/24', 'via', '172.16.100.2', 'dev', 'eth0']);
    expect(plan.build.some((c) => c.includes('route'))).toBe(false);
  });

  it('captures every topology interface and each namespace\'s lo, nothing of the switch', () => {
    expect(plan.captures.map((c) => c.key)).toEqual([
      'node1/eth0', 'node1/cni0', 'node1/veth-pod1', 'node1/veth-pod2', 'node1/lo', 'pod1/eth0', 'pod1/lo', 'pod2/eth0', 'pod2/lo',
      'router/eth0', 'router/lo',
      'node2/eth0', 'node2/cni0', 'node2/veth-pod3', 'node2/veth-pod4', 'node2/lo', 'pod3/eth0', 'pod3/lo', 'pod4/eth0', 'pod4/lo',
    ]);
    expect(plan.captures.find((c) => c.key === 'pod3/lo')).toEqual({ key: 'pod3/lo', ns: `${PREFIX}pod3`, iface: 'lo' });
  });

  it('adds each route with the verb its op names (add by default, prepend, append)', () => {
    const t: Topology = seedTopology();
    const node1 = t.machines[0];
    if (!node1) throw new Error('seed lab without node1');
    node1.routes = [
      { dst: '10.10.10.0/24', via: '172.16.100.2', dev: 'eth0', op: 'prepend' },
      { dst: '10.10.10.0/24', via: '172.16.100.254', dev: 'eth0', op: 'append', src: '10.10.10.254' },
      { dst: '10.10.12.0/24', via: '172.16.100.254', dev: 'eth0', op: 'add', metric: 5 },
    ];
    const routes = planLab(t, PREFIX).finish.filter((c) => c[2] === `${PREFIX}node1` && c[3] === 'route').map((c) => c.slice(4).join(' '));
    expect(routes).toEqual([
      'prepend 10.10.10.0/24 via 172.16.100.2 dev eth0',
      'append 10.10.10.0/24 via 172.16.100.254 dev eth0 src 10.10.10.254',
      'add 10.10.12.0/24 via 172.16.100.254 dev eth0 metric 5',
    ]);
  });

  it('rejects a veth whose peer does not name it back', () => {
    const t: Topology = seedTopology();
    const pod1 = t.machines[0]?.pods?.[0];
    const eth0 = pod1?.interfaces[0];
    if (eth0?.kind === 'veth') eth0.peer = { ns: 'node1', iface: 'veth-pod2' };
    expect(() => planLab(t, PREFIX)).toThrow(/must exist and name it back/);
  });
});

describe('planLab: flannel VXLAN', () => {
  const plan = planLab(seedVxlan(), PREFIX);
  const node1 = `${PREFIX}node1`;
  const lines = (cmds: string[][]): string[] => cmds.map((c) => c.join(' '));

  it('creates flannel.1 after every other device, with flannel\'s own options, and does not wait for it to be UP', () => {
    const build = lines(plan.build);
    const vx = build.findIndex((l) => l.includes('type vxlan'));
    const mac = seedVxlan().machines[0]?.interfaces.find((i) => i.kind === 'vxlan')?.mac ?? '';
    expect(build[vx]).toBe(`ip -n ${node1} link add flannel.1 address ${mac} mtu 1450 type vxlan id 1 dstport 8472 local 172.16.100.1 dev eth0 nolearning`);
    expect(build.slice(vx + 1).some((l) => / link add .* type (veth|bridge)/.test(l))).toBe(false);
    expect(build).toContain(`ip -n ${node1} addr add 10.10.10.0/32 dev flannel.1`);
    expect(plan.waitUp.some((w) => w.iface === 'flannel.1')).toBe(false);
  });

  it('adds the permanent neighbour, the route onlink and the FDB entry', () => {
    const finish = lines(plan.finish);
    const mac2 = seedVxlan().machines[1]?.interfaces.find((i) => i.kind === 'vxlan')?.mac ?? '';
    expect(finish).toEqual(expect.arrayContaining([
      `ip -n ${node1} route add 10.10.11.0/24 via 10.10.11.0 dev flannel.1 onlink`,
      `ip -n ${node1} neigh add 10.10.11.0 lladdr ${mac2} dev flannel.1 nud permanent`,
      `ip netns exec ${node1} bridge fdb append ${mac2} dev flannel.1 dst 172.16.100.2 self permanent`,
    ]));
  });
});
