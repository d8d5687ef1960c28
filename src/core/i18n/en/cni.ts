import type { CniCatalog, CniCtx, CniTold } from '../../narrate/cniCatalog';
import { HOST_NS } from '../../cni/state';
import { count } from '../plural';

/*
 * The CNI story in English: each event of src/core/cni/events.ts at two levels, chapter titles,
 * corrections, the last line. Names (plugins, devices, files, variables) are quoted as the tools
 * print them.
 */

const told = (short: string, more = ''): CniTold => ({ short, detailed: more === '' ? short : `${short} — ${more}` });

/** A namespace as the reader knows it: the node's own, or the pod's. */
function where(ns: string, c: CniCtx): string {
  return ns === HOST_NS ? c.node : c.pod;
}

function whoName(c: CniCtx): string {
  return c.who === '' ? 'The runtime' : c.who;
}

const dst = (d: string) => (d === '0.0.0.0/0' ? 'default' : d);
const subnetOf = (env: string | undefined) => /FLANNEL_SUBNET=(\S+)/.exec(env ?? '')?.[1] ?? '?';

export const cniEn: CniCatalog = {
  locale: 'en',
  events: {
    netns: (e, c) =>
      e.op === 'add'
        ? told(`The runtime creates ${c.pod}'s network namespace ${e.path}`, 'as `ip netns add` would; for now it holds only lo, down. containerd or CRI-O does this before it calls any plugin')
        : told(`The runtime removes the namespace ${e.path}`, `as \`ip netns del\` would; ${c.pod} is gone, and with it whatever the namespace still held`),
    exec: (e) => {
      const cmd = e.env.CNI_COMMAND ?? '?';
      if (e.caller.by === 'runtime') {
        const prev = e.stdin.includes('"prevResult"') ? ' and prevResult, the result cached at ADD' : '';
        return told(`The runtime runs the ${e.plugin} plugin: CNI_COMMAND=${cmd}`, `CNI_CONTAINERID=${e.env.CNI_CONTAINERID ?? ''}, CNI_NETNS=${e.env.CNI_NETNS ?? ''}, CNI_IFNAME=${e.env.CNI_IFNAME ?? ''}; the network configuration goes on stdin, with name and cniVersion${prev}`);
      }
      const ipam: Record<string, string> = { ADD: 'to allocate the address', DEL: 'to release the address', CHECK: 'to check the reservation' };
      const why = e.plugin === 'host-local' ? `${e.caller.plugin} asks its IPAM plugin ${ipam[cmd] ?? `for ${cmd}`}, ` : '';
      // CNI spec §4: a plugin hands its IPAM plugin the same environment and the whole stdin it got;
      // only a meta-plugin (flannel) builds a new configuration for the plugin it delegates to.
      const stdin = e.caller.plugin === 'flannel'
        ? `with the same environment and, on stdin, the configuration ${e.caller.plugin} built`
        : `with the same environment and the same configuration on stdin${e.plugin === 'host-local' ? ' (host-local reads its ipam section)' : ''}`;
      return told(`${e.caller.plugin} runs ${e.plugin} (${cmd})`, `${why}${stdin}`);
    },
    exit: (e, c) => {
      if (e.exitCode !== 0) {
        const err = /"msg":\s*"([^"]*)"/.exec(e.stdout)?.[1] ?? '';
        return told(`${e.plugin} exits with 1: error ${e.code ?? '?'}, «${err}»`, `the error goes to stdout as JSON (code, msg): the reference library (skel) prints it there and the runtime's libcni reads it there, though the spec's overview says stderr${e.code === 999 ? '; 999 is the reference library\'s code for an error the plugin gives without one of its own' : ''}`);
      }
      if (e.stdout === '') return told(`${e.plugin} exits with 0`, `${c.op} succeeded; ${c.op} prints nothing`);
      const ip = /"address":\s*"([^"]+)"/.exec(e.stdout)?.[1];
      return told(`${e.plugin} exits with 0 and prints its result`, `on stdout, for ${c.caller === '' ? 'the runtime' : c.caller}${ip !== undefined ? `: ${ip}` : ''}`);
    },
    delegate: (e) => {
      // hairpinMode and isDefaultGateway are never flannel's own: they come from the conflist's delegate section.
      const listed = ['hairpinMode', 'isDefaultGateway'].filter((k) => e.conf.includes(`"${k}"`));
      const fromList = listed.length > 0 ? `; ${listed.join(' and ')} from the conflist's delegate section` : '';
      return told(`${e.plugin} builds the configuration for ${e.to}`, `from subnet.env: host-local over the node's subnet with a route to the cluster network, the MTU, ipMasq (off when flanneld masquerades itself)${e.to === 'bridge' ? '; isGateway, flannel\'s own default for bridge' : ''}${fromList}`);
    },
    file: (e, c) => {
      const p = e.path;
      if (p === '/run/flannel/subnet.env') return told(`flannel reads ${p}`, `flanneld wrote it: this node's pod subnet FLANNEL_SUBNET=${subnetOf(e.content)}, the cluster network, the MTU. flannel itself creates no device`);
      if (p.startsWith('/var/lib/cni/flannel/')) {
        if (e.op === 'write') return told(`flannel saves the configuration it generated in ${p}`, 'DEL will read it back, so it delegates with the same one even if subnet.env changed');
        if (e.op === 'read') return told(`flannel reads the configuration it saved at ADD, ${p}`);
        if (e.op === 'remove') return told(`flannel removes ${p}`);
      }
      if (p.startsWith('/var/lib/cni/results/')) {
        if (e.op === 'write') return told(`The runtime caches the result in ${p}`, 'DEL and CHECK will get it as prevResult');
        if (e.op === 'remove') return told(`The runtime removes the cached result ${p}`);
      }
      if (/last_reserved_ip\.\d+$/.test(p) && e.op === 'write') return told(`host-local moves its cursor: ${p.slice(p.lastIndexOf('/') + 1)} = ${e.content ?? ''}`, 'the next search starts after this address');
      if (p.endsWith('/lock') && e.op === 'write') return told(`host-local creates its lock file ${p}`, 'the first reservation in this network');
      if (p.startsWith('/var/lib/cni/networks/')) {
        if (e.op === 'write') return told(`host-local writes ${p}`, 'one file per address, holding the container ID and the interface');
        if (e.op === 'remove') return told(`host-local removes ${p}`, 'the address is free again');
      }
      const verb = { read: 'reads', write: 'writes', remove: 'removes', missing: 'finds no' }[e.op];
      return told(`${whoName(c)} ${verb} ${p}`);
    },
    link: (e, c) => {
      const at = where(e.ns, c);
      switch (e.op) {
        case 'add':
          if (e.kind === 'bridge') return told(`bridge creates the bridge ${e.name}`, `ip link add ${e.name} type bridge, in ${c.node}'s namespace: it did not exist before this pod`);
          if (e.kind === 'veth' && e.ns !== HOST_NS && c.who === 'calico') return told(`calico creates the veth pair: ${e.name} in ${c.pod}, ${e.peer?.name ?? '?'} in ${c.node}`, 'made inside the pod\'s namespace, its host end straight in the node\'s; the name is cali and the first 11 hex digits of sha1("<namespace>.<pod>"), the same for the same pod every time. No bridge: the node routes to the pod over this veth');
          if (e.kind === 'veth' && e.ns !== HOST_NS && c.who === 'cilium-cni') return told(`cilium-cni creates the veth pair: ${e.name} in ${c.pod}, ${e.peer?.name ?? '?'} in ${c.node}`, 'connector.SetupVeth: the host end is lxc and the first 12 hex digits of sha256 of the container ID, and it joins no bridge: the agent attaches its eBPF program to it');
          if (e.kind === 'veth' && e.ns !== HOST_NS) return told(`bridge creates the veth pair: ${e.name} in ${c.pod}, ${e.peer?.name ?? '?'} in ${c.node}`, `made inside the pod's namespace; the host end, veth and 8 random hex digits, moves to the node's`);
          if (e.kind === 'veth') return told(`${e.name} appears in ${c.node}, the host end of ${c.pod}'s ${e.peer?.name ?? 'eth0'}`, `MAC ${e.mac ?? '?'}`);
          return told(`${e.name} is created in ${at}`);
        case 'exists':
          return told(`${e.name} already exists: bridge uses it`, `the first pod's ADD created it; bridge checks it is a bridge and goes on`);
        case 'del':
          return e.ns !== HOST_NS ? told(`bridge deletes ${e.name} in ${c.pod}`, 'deleting one end of a veth pair deletes the other: its peer in the node goes too') : told(`${e.name} is gone from ${c.node}`, 'the other end of the pair went with it');
        case 'up':
          return told(`${e.name} is up in ${at}`);
        case 'down':
          return told(`${e.name} is down in ${at}`);
        case 'master':
          return told(`${e.name} is attached to the bridge ${e.master ?? '?'}`, `ip link set ${e.name} master ${e.master ?? '?'}: the bridge now switches frames to and from the pod`);
        case 'mac':
          if (e.kind === 'veth' && e.set === true && e.mac === 'ee:ee:ee:ee:ee:ee') return told(`calico sets ${e.name}'s MAC to ee:ee:ee:ee:ee:ee`, 'every cali* host end has this MAC: the link is point to point and routed, so the MAC only has to answer the pod\'s ARP');
          if (e.kind === 'bridge' && e.set === true) return told(`bridge pins ${e.name}'s MAC at ${e.mac ?? '?'}`, 'with isGateway it sets the MAC the bridge had when it was created, explicitly: from now on it no longer follows the ports as pods come and go');
          return told(`${e.name}'s MAC is now ${e.mac ?? '?'}`, e.kind === 'bridge' ? 'a bridge whose MAC was never set takes the lowest MAC among its ports' : '');
        case 'hairpin':
          return told(`Hairpin mode on ${e.name}: ${e.on === false ? 'off' : 'on'} (hairpinMode)`, 'a frame may leave by the port it came in, so a pod can reach itself through a Service');
        case 'promisc':
          return told(`${e.name}: promiscuous mode ${e.on === false ? 'off' : 'on'}`);
        case 'mtu':
          return told(`${e.name}'s MTU is ${e.mtu ?? '?'}`);
      }
      return told(e.name);
    },
    addr: (e, c) => {
      if (e.op === 'exists') return told(`${e.dev} already has ${e.address}`, 'the first pod\'s ADD set it; bridge finds it and changes nothing');
      if (e.op === 'del') return told(`${e.address} is removed from ${e.dev} in ${where(e.ns, c)}`);
      if (c.who === 'calico') return told(`${e.dev} gets ${e.address} in ${c.pod}`, 'the address calico-ipam assigned, as a /32: no subnet, so no connected route; everything goes through 169.254.1.1');
      if (e.ns === HOST_NS) return told(`${e.dev} gets ${e.address}`, 'the gateway address: with isGateway the bridge becomes the pods\' gateway into the node');
      if (c.who === 'cilium-cni') return told(`${e.dev} gets ${e.address} in ${c.pod}`, 'the address the Cilium agent allocated from the node\'s pod CIDR (cluster-pool), as a /32: the pod shares no subnet with anyone');
      return told(`${e.dev} gets ${e.address} in ${c.pod}`, 'the address host-local reserved');
    },
    route: (e, c) => {
      const at = where(e.ns, c);
      const r = `${dst(e.dst)}${e.gw !== undefined ? ` via ${e.gw}` : ''} dev ${e.dev}`;
      if (e.proto === 'kernel') return told(`The kernel adds the connected route ${r} in ${at}`, 'it comes with the address, for its subnet');
      if (e.op === 'del') return told(`Route ${r} is removed in ${at}`);
      if (c.who === 'calico') {
        if (e.ns === HOST_NS) return told(`Route ${r} in ${at}`, `the node reaches ${c.pod} by this /32 route over its veth, not through a bridge`);
        if (e.gw === undefined) return told(`Route ${r} in ${at}`, '169.254.1.1 is a placeholder next hop no interface owns: this device route only makes it reachable, so a default route can name it');
        return told(`Route ${r} in ${at}`, 'every packet leaving the pod goes to 169.254.1.1, so the pod ARPs for that address alone; the node answers by proxy ARP');
      }
      if (c.who === 'cilium-cni') return told(`Route ${r} in ${at}`, e.dst === '0.0.0.0/0' ? 'everything goes via the router IP, cilium_host\'s address; the pod\'s ARP for it is answered by eBPF at its lxc device' : 'a link route to the router IP: with a /32 address, this is what makes the gateway reachable');
      return told(`Route ${r} in ${at}`, e.dst === '0.0.0.0/0' ? 'isDefaultGateway: the pod\'s default route goes through the bridge\'s address' : 'a route host-local\'s configuration asked for');
    },
    sysctl: (e, c) => {
      const at = where(e.ns, c);
      if (e.key === 'net.ipv4.ip_forward') return told(`${at}: net.ipv4.ip_forward = ${e.value}`, e.was === e.value ? 'it was on already' : `it was ${e.was}; isGateway turns forwarding on, so the node routes between its pods and the rest of the network`);
      if (e.key.endsWith('.accept_ra')) return told(`${at}: ${e.key} = ${e.value}`, 'IPv6 router advertisements are ignored on this device');
      if (e.key.endsWith('.arp_notify')) return told(`${at}: ${e.key} = ${e.value}`, 'the interface will announce its address with a gratuitous ARP when it comes up');
      if (e.key.endsWith('.accept_dad')) return told(`${at}: ${e.key} = ${e.value}`, 'no IPv6 duplicate address detection on this device');
      if (e.key.endsWith('.proxy_arp')) return told(`${at}: ${e.key} = ${e.value}`, 'the node answers ARP on this device for addresses it would route out of another one, with the device\'s own MAC: that is how the pod\'s ARP for 169.254.1.1 gets an answer');
      if (e.key.endsWith('.proxy_delay')) return told(`${at}: ${e.key} = ${e.value}`, 'a proxy ARP answer goes out at once; the kernel would otherwise wait up to 0.8 s');
      if (e.key.endsWith('.forwarding')) return told(`${at}: ${e.key} = ${e.value}`, 'packets coming in from the pod may be forwarded');
      if (e.key.endsWith('.route_localnet')) return told(`${at}: ${e.key} = ${e.value}`, 'so traffic from the pod may be NATed to the node\'s own 127.0.0.1');
      return told(`${at}: ${e.key} = ${e.value}`);
    },
    nat: (e) => told(`iptables -t nat: ${e.op} ${e.chain}${e.rule !== undefined ? ` ${e.rule}` : ''}`),
    ipam: (e) => {
      switch (e.op) {
        case 'start':
          return told(`host-local looks for a free address in ${e.rangeSet}, from ${e.first}`, e.from === 'last-reserved' ? `the address after last_reserved_ip (${e.last ?? '?'}): round-robin, not the lowest free one` : e.from === 'requested' ? 'the address the runtime asked for' : 'nothing reserved yet in this network: it starts at the range\'s start');
        case 'skip':
          // Why the first pod is .2 here when the notes' pod1 is .1 (teacher review, item 18).
          return e.why === 'gateway'
            ? told(`${e.ip} is skipped: it is the gateway, the bridge's address`, 'host-local never hands out the gateway, which isGateway gives to the bridge, so the first pod gets the next address. The seed lab\'s pod1 at .1 with its gateway at .254 are the course notes\' own static addresses, not host-local\'s')
            : told(`${e.ip} is skipped`, 'a file says it is reserved already');
        case 'reserve':
          return told(`host-local reserves ${e.ip} for ${e.containerId}`, `interface ${e.ifname}, gateway ${e.gateway}`);
        case 'release':
          return told(`host-local releases ${e.ip}`, `held by ${e.containerId}; its file goes, but last_reserved_ip stays, so the next pod does not get ${e.ip} back at once`);
        case 'full':
          return told(`No free address left in ${e.rangeSet}`);
        case 'block':
          return e.how === 'affine'
            ? told(`calico-ipam takes an address from ${e.block}, a block ${e.host} holds`, 'each node holds blocks of the pool by affinity and hands out their addresses itself')
            : told(`calico-ipam claims the block ${e.block} for ${e.host}`, 'a block of the pool nobody holds: from now on it is this node\'s, and the other nodes route the whole block to it');
        case 'assign':
          return told(`calico-ipam assigns ${e.ip} to ${e.handle}`, e.requested ? 'the address asked for' : `the first free address of ${e.block} (ordinal ${e.ordinal}): its network address is handed out like any other`);
        case 'unassign':
          return told(`calico-ipam releases ${e.ip}`, `held by ${e.handle}; it goes to the end of the block's free list`);
        case 'exhausted':
          return told(`No free block left in the pool ${e.pool}`);
      }
      return told('IPAM');
    },
    datastore: (e) => {
      const verb = { read: 'reads', missing: 'finds no', create: 'creates', update: 'updates', delete: 'deletes' }[e.op];
      return told(`The datastore: ${verb} ${e.key}`, 'Calico keeps its blocks, handles and endpoints in its datastore, shared by the whole cluster, not in files on the node');
    },
    check: (e) => {
      const what = { bridge: 'the bridge', 'container-iface': 'the pod\'s interface', 'host-veth': 'the host end', address: 'the address', route: 'the route', reservation: 'the reservation of' }[e.what];
      return told(`${e.plugin} checks ${what} ${e.subject}: ${e.ok ? 'as in prevResult' : 'does not match'}`, 'CHECK changes nothing; it compares the pod with the result cached at ADD');
    },
  },
  chapters: (f) => {
    switch (f.kind) {
      case 'netns':
        return `The runtime prepares ${f.pod}'s network namespace`;
      case 'call':
        return `The runtime calls ${f.plugin ?? 'the plugin'} with ${f.op}`;
      case 'flannel':
        return f.op === 'ADD' ? 'flannel reads subnet.env and delegates to bridge' : 'flannel delegates to bridge with the configuration it saved';
      case 'bridge':
        return f.exists ? `bridge finds ${f.bridge ?? 'cni0'} already there` : `bridge creates ${f.bridge ?? 'cni0'}`;
      case 'veth':
        return f.bridge !== undefined ? `The veth pair: eth0 in ${f.pod}, ${f.hostVeth ?? '?'} on the bridge` : `The veth pair: eth0 in ${f.pod}, ${f.hostVeth ?? '?'} in ${f.node}, on no bridge`;
      case 'ipam': {
        const p = f.plugin ?? 'host-local';
        return f.op === 'ADD' ? `${p} allocates ${f.address ?? 'an address'}` : f.op === 'DEL' ? `${p} releases ${f.address ?? 'the address'}` : `${p} checks the reservation`;
      }
      case 'pod':
        return `Address and routes in ${f.pod}`;
      case 'gateway':
        return `The gateway on ${f.bridge ?? 'the bridge'}, forwarding on`;
      case 'teardown':
        return f.netnsGone ? 'The namespace is gone: nothing to remove in it' : `bridge removes ${f.pod}'s interface`;
      case 'check':
        return `bridge checks ${f.pod} against prevResult`;
      case 'result':
        return f.error ? `CHECK fails: error ${f.error.code}` : f.op === 'ADD' ? 'The result goes back up the chain' : `Every plugin exits with 0: ${f.op} succeeded`;
      case 'netns-del':
        return 'The runtime removes the namespace';
    }
  },
  corrections: {
    'runtime-not-kubelet': () => ({
      short: 'The runtime (containerd, CRI-O), not the kubelet, calls the plugin; only the dockershim, removed in Kubernetes 1.24, had the kubelet do it.',
      long: 'The container runtime (containerd, CRI-O), not the kubelet, creates the pod\'s network namespace and runs the CNI plugins; the kubelet only asks the runtime for a pod sandbox over CRI. Only with Docker\'s dockershim, removed in Kubernetes 1.24, did the kubelet call the plugins itself.',
    }),
    'flannel-creates-nothing': (f) => ({
      short: `flannel creates no device: it only writes bridge's configuration.`,
      long: `The flannel plugin creates no device and no address: it reads what flanneld wrote in subnet.env and delegates to bridge, which creates ${f.bridge} and the veth pair. flanneld, the daemon of the kube-flannel DaemonSet, takes no part in this call: it wrote subnet.env and programs the routes to the other nodes.`,
    }),
    'cni0-created-by-bridge': (f) => ({
      short: `${f.bridge} is created here, by bridge, on the first pod's ADD: not by flannel.`,
      long: `${f.bridge} did not exist until this moment, and flannel does not create it: the bridge plugin creates it on the first pod's ADD on ${f.node}. Nothing deletes it afterwards, not even the last pod's DEL.`,
    }),
    'cni0-exists': (f) => ({
      short: `${f.bridge} exists: the first pod's ADD created it, and it stays.`,
      long: `${f.bridge} is already there: the bridge plugin created it at the first pod's ADD on ${f.node}, and nothing has deleted it since. This ADD only adds a port to it.`,
    }),
    'bridge-gateway-ip': (f) => ({
      short: `${f.bridge} has an IP because, with isGateway, it is the pods' gateway.`,
      long: `A bridge needs no address to switch frames. ${f.bridge} gets ${f.address ?? 'one'} because the configuration says isGateway: the bridge becomes the pods' gateway, their way into ${f.node}'s routing table.`,
    }),
    'host-local-round-robin': () => ({
      short: 'host-local: one file per address, round-robin, starting after last_reserved_ip.',
      long: 'host-local keeps one file per allocated address and hands addresses out round-robin, starting after last_reserved_ip: an address freed a moment ago is not reused at once.',
    }),
    'freed-not-reused': () => ({
      short: 'The address\'s file goes; last_reserved_ip stays, so it is not reused at once.',
      long: 'Releasing removes the address\'s file but not last_reserved_ip: the next pod gets the address after the cursor, not the one just freed.',
    }),
    'del-netns-gone': () => ({
      short: 'DEL must succeed even when the namespace is already gone.',
      long: 'The spec asks DEL to succeed even when the namespace or some resources are already gone: the runtime may call it again after a failure, and what is left on the node (host-local\'s file) must still be freed.',
    }),
    'cni0-stays': (f) => ({
      short: `DEL removes the veth pair, never ${f.bridge}.`,
      long: `DEL removes the pod's veth pair and frees its address, but ${f.bridge} stays, with its address, even when the last pod on ${f.node} goes.`,
    }),
  },
  outcome: (o) => {
    const steps = count('en', o.steps, { one: 'event', other: 'events' });
    if (o.error) return `${o.op} failed with error ${o.error.code}: «${o.error.msg}» (${steps}).`;
    if (o.op === 'ADD') return `${o.pod} has its network on ${o.node}: ${o.address ?? '?'} on eth0, gateway ${o.gateway ?? '?'} (${steps}).`;
    if (o.op === 'DEL') return o.netnsGone ? `DEL succeeded with ${o.pod}'s namespace already gone; its address is free (${steps}).` : `${o.pod}'s network is gone; cni0 stays (${steps}).`;
    return `CHECK found ${o.pod} as prevResult says (${steps}).`;
  },
};
