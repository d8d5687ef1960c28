import type { Topology } from '../model/topology';
import type { Scenario } from './scenarios';
import { seedTopology } from './seed';
import { namespaceOf, seedListening } from './seedVariants';

/*
 * Reference scenarios for TCP SYN retransmissions and for packets to a broadcast address, recorded
 * on the kernel like the others (spread into SCENARIOS).
 *
 * What the kernel (6.18) showed: a SYN dropped silently (rp_filter, a broadcast destination) is sent
 * again 1, 2 and 3 s later, inside the journey's window (tcp_syn_linear_timeouts=4 keeps the first
 * waits at the initial 1 s). An ICMP error that comes back within the SYN's own softirq run, while
 * connect() still holds the socket, is only noted: the SYN goes once more after 1 s, and the error
 * that answers it ends connect(). A directed broadcast to another subnet travels as unicast up to
 * the host that owns that subnet, which takes it in as a broadcast: echo requests are ignored, a UDP
 * listener gets the datagram, nothing answers a closed port or a SYN.
 */

/**
 * The seed lab where `host` (node2 or the router) has strict rp_filter and a second NIC, eth1, on a
 * management network 172.16.200.0/24, through which it routes 10.10.10.0/24 (via 172.16.200.1): a
 * packet from pod1 arrives on eth0, but the route back to its source leaves through eth1.
 */
export function seedRpFilterBackRoute(host: 'node2' | 'router'): Topology {
  const t = seedTopology();
  const m = namespaceOf(t, host);
  const octet = host === 'node2' ? 2 : 254;
  m.interfaces.push({ kind: 'ether', name: 'eth1', mac: `02:00:ac:10:c8:${octet.toString(16).padStart(2, '0')}`, segment: 'mgmt', addresses: [`172.16.200.${octet}/24`] });
  const back = { dst: '10.10.10.0/24', via: '172.16.200.1', dev: 'eth1' };
  m.routes = [...(m.routes ?? []).filter((r) => r.dst !== back.dst), back];
  m.sysctls = { ...m.sysctls, all: { ...m.sysctls?.all, rp_filter: 1 } };
  return { ...t, name: `seed-rp-filter-${host}`, segments: [...t.segments, { id: 'mgmt', label: '172.16.200.0/24' }] };
}

/** The seed lab with a program on node2 listening on UDP port 53. */
export function seedNode2UdpListener(): Topology {
  return seedListening('node2', [{ proto: 'udp', port: 53 }], 'seed-node2-udp53');
}

/** The seed lab with a program in pod2 listening on UDP port 53. */
export function seedPod2UdpListener(): Topology {
  return seedListening('pod2', [{ proto: 'udp', port: 53 }], 'seed-pod2-udp53');
}

/** TCP retransmission and broadcast scenarios. */
export const TCP_SCENARIOS: readonly Scenario[] = [
  {
    id: 'tcp-syn-retries-rp-filter-node2',
    title: { en: 'TCP SYN dropped by strict rp_filter on node2: pod1 sends it again after 1, 2 and 3 s', ru: 'TCP SYN отброшен строгим rp_filter на node2: pod1 повторяет его через 1, 2 и 3 с' },
    topology: () => seedRpFilterBackRoute('node2'),
    journey: { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80 },
  },
  {
    id: 'tcp-syn-retries-rp-filter-router',
    title: { en: 'TCP SYN dropped by strict rp_filter on the router: sent again after 1, 2 and 3 s', ru: 'TCP SYN отброшен строгим rp_filter на маршрутизаторе: повтор через 1, 2 и 3 с' },
    topology: () => seedRpFilterBackRoute('router'),
    journey: { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80 },
  },
  {
    id: 'tcp-syn-no-route-router',
    title: { en: 'TCP SYN to 10.10.12.1: the router has no route; the SYN goes once more, the second error ends connect()', ru: 'TCP SYN на 10.10.12.1: у маршрутизатора нет маршрута; SYN уходит ещё раз, вторая ошибка завершает connect()' },
    topology: seedTopology,
    journey: { from: 'pod1', to: '10.10.12.1', proto: 'tcp', port: 80 },
  },
  {
    id: 'tcp-syn-ttl-1',
    title: { en: 'TCP SYN with TTL 1: node1 answers time exceeded twice, the second ends connect()', ru: 'TCP SYN с TTL 1: node1 дважды отвечает «время истекло», вторая ошибка завершает connect()' },
    topology: seedTopology,
    journey: { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80, ttl: 1 },
  },
  {
    id: 'tcp-syn-arp-fails',
    title: { en: 'TCP SYN to 10.10.10.77: it waits for ARP, is never sent again, and connect() fails after 3 s', ru: 'TCP SYN на 10.10.10.77: он ждёт ARP, повторно не отправляется, connect() завершается ошибкой через 3 с' },
    topology: seedTopology,
    journey: { from: 'pod1', to: '10.10.10.77', proto: 'tcp', port: 80 },
  },
  {
    id: 'tcp-syn-broadcast-remote',
    title: { en: 'TCP SYN to 10.10.11.255: node2 drops a SYN to a broadcast address, pod1 sends it again', ru: 'TCP SYN на 10.10.11.255: node2 отбрасывает SYN на широковещательный адрес, pod1 повторяет его' },
    topology: seedTopology,
    journey: { from: 'pod1', to: '10.10.11.255', proto: 'tcp', port: 80 },
  },
  {
    id: 'ping-broadcast-remote-ignored',
    title: { en: 'ping -b 10.10.11.255: node2 takes it in as a broadcast and ignores the echo request', ru: 'ping -b 10.10.11.255: node2 принимает его как широковещательный и игнорирует эхо-запрос' },
    topology: seedTopology,
    journey: { from: 'pod1', to: '10.10.11.255' },
  },
  {
    id: 'udp-broadcast-remote-listener',
    title: { en: 'UDP to 10.10.11.255:53: the program listening on node2 gets it', ru: 'UDP на 10.10.11.255:53: его получает программа, слушающая порт на node2' },
    topology: seedNode2UdpListener,
    journey: { from: 'pod1', to: '10.10.11.255', proto: 'udp', port: 53 },
  },
  {
    id: 'udp-broadcast-remote-no-listener',
    title: { en: 'UDP to 10.10.11.255:9999: nobody listens, and no ICMP error answers a broadcast', ru: 'UDP на 10.10.11.255:9999: никто не слушает, а на широковещательный пакет ICMP-ошибка не приходит' },
    topology: seedTopology,
    journey: { from: 'pod1', to: '10.10.11.255', proto: 'udp', port: 9999 },
  },
  {
    id: 'ping-broadcast-own-ignored',
    title: { en: 'ping -b 10.10.10.255: one frame to ff:ff:ff:ff:ff:ff with no ARP; pod2 and node1 ignore it', ru: 'ping -b 10.10.10.255: один кадр на ff:ff:ff:ff:ff:ff без ARP; pod2 и node1 его игнорируют' },
    topology: seedTopology,
    journey: { from: 'pod1', to: '10.10.10.255' },
  },
  {
    id: 'udp-broadcast-limited-listener',
    title: { en: 'UDP to 255.255.255.255:53: it stays on pod1\'s link, and the program listening in pod2 gets it', ru: 'UDP-пакет на 255.255.255.255:53 не покидает канал pod1; его получает программа, которая слушает порт 53 в pod2' },
    topology: seedPod2UdpListener,
    journey: { from: 'pod1', to: '255.255.255.255', proto: 'udp', port: 53 },
  },
  {
    id: 'tcp-broadcast-own-refused',
    title: { en: 'TCP to 10.10.10.255: connect() refuses a broadcast address, nothing is sent', ru: 'TCP на 10.10.10.255: connect() отвергает широковещательный адрес, ничего не отправляется' },
    topology: seedTopology,
    journey: { from: 'pod1', to: '10.10.10.255', proto: 'tcp', port: 80 },
  },
];
