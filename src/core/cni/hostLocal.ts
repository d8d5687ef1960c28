import { formatIp, parseIp } from '../net/ipv4';
import { isObject } from './goJson';
import { goParse } from './goDecode';
import { loadIpamConfig, rangeContains, rangeFor, rangeSetText, type IpamConfig, type Range } from './hostLocalConfig';
import type { Kernel } from './kernel';
import type { CmdArgs, Plugin, PluginHost } from './plugin';
import { PLUGIN_TEXT as T } from './pluginText';
import { CNI_ERR, CniError, type CniDns, type CniIpConfig, type CniResult } from './types';
import { CURRENT_VERSION, printResult } from './version';

/*
 * The host-local IPAM plugin (containernetworking/plugins plugins/ipam/host-local): addresses
 * handed out from the configured ranges, one file per address in `<dataDir>/<network>/`
 * (backend/disk Store: the file is named by the address and holds `<containerID>\r\n<ifname>`,
 * created only if absent), and `last_reserved_ip.<range set index>` so that the next search
 * starts after the last address given: round-robin (allocator.go GetIter), so an address just
 * freed is not handed out again until the whole range has been gone through.
 */

const LAST_IP = 'last_reserved_ip.';

/** The store of one network (backend/disk Store) on the node's files. */
class Store {
  readonly dir: string;

  constructor(private readonly k: Kernel, dataDir: string, network: string) {
    this.dir = `${dataDir.replace(/\/+$/, '')}/${network}`;
    // disk.New creates the directory and its lock file (NewFileLock).
    if (k.node.files[`${this.dir}/lock`] === undefined) k.writeFile(`${this.dir}/lock`, '');
  }

  /** Reserve: the address's file, created only if absent (O_EXCL), then last_reserved_ip. */
  reserve(id: string, ifname: string, ip: number, rangeId: number): boolean {
    const file = `${this.dir}/${formatIp(ip)}`;
    if (this.k.node.files[file] !== undefined) return false;
    this.k.writeFile(file, `${id.trim()}\r\n${ifname}`);
    this.k.writeFile(`${this.dir}/${LAST_IP}${rangeId}`, formatIp(ip));
    return true;
  }

  lastReserved(rangeId: number): number | null {
    const c = this.k.node.files[`${this.dir}/${LAST_IP}${rangeId}`];
    return c === undefined ? null : parseIp(c.trim());
  }

  /** The reservation files (those named by an address), with what they hold. */
  private entries(): { name: string; ip: number | null; content: string }[] {
    return this.k.listDir(this.dir).map((name) => ({ name, ip: parseIp(name), content: (this.k.node.files[`${this.dir}/${name}`] ?? '').trim() }));
  }

  /** GetByID: the addresses held by this attachment (or by the container, in the old one-line format). */
  byId(id: string, ifname: string): number[] {
    const match = `${id.trim()}\r\n${ifname}`;
    return this.entries().flatMap((e) => (e.ip !== null && (e.content === match || e.content === id.trim()) ? [e.ip] : []));
  }

  /** FindByID (CHECK). */
  findById(id: string, ifname: string): boolean {
    const match = `${id.trim()}\r\n${ifname}`;
    const all = this.entries();
    return all.some((e) => e.content === match) || all.some((e) => e.content === id.trim());
  }

  /** ReleaseByID: removes every file of the attachment (or of the container, old format). */
  releaseById(id: string, ifname: string, emit: PluginHost['emit']): void {
    for (const match of [`${id.trim()}\r\n${ifname}`, id.trim()]) {
      const hit = this.entries().filter((e) => e.content === match);
      for (const e of hit) this.release(e.name, id, ifname, emit);
      if (hit.length > 0) return;
    }
  }

  release(name: string, id: string, ifname: string, emit: PluginHost['emit']): void {
    const file = `${this.dir}/${name}`;
    this.k.removeFile(file);
    emit({ type: 'ipam', op: 'release', ip: name, file, containerId: id, ifname });
  }

  /** Reservations as (file name, containerID, ifname), for GC. */
  reservations(): { name: string; id: string; ifname: string | null }[] {
    return this.entries().flatMap((e) => {
      if (e.ip === null) return [];
      const [id, ifname] = e.content.split('\r\n');
      return [{ name: e.name, id: id ?? '', ifname: ifname ?? null }];
    });
  }
}

/**
 * IPAllocator.Get without a requested address: the iterator of allocator.go (GetIter, Next)
 * started after `last_reserved_ip` when that lies in the range set, else at the first range's
 * start; it skips the gateway, and stops when it comes back to where it began.
 */
function* candidates(set: readonly Range[], last: number | null): Generator<{ ip: number; range: Range }> {
  let idx = 0;
  let cur: number | null = null;
  let startIp: number | null = null;
  if (last !== null && set.some((r) => rangeContains(r, last))) {
    idx = set.findIndex((r) => rangeContains(r, last));
    cur = last;
  } else startIp = (set[0] as Range).start;
  for (;;) {
    let r = set[idx] as Range;
    if (cur === null) {
      cur = r.start;
      startIp = cur;
    } else {
      if (cur === r.end) {
        idx = (idx + 1) % set.length;
        r = set[idx] as Range;
        cur = r.start;
      } else cur += 1;
      if (startIp === null) startIp = cur;
      else if (cur === startIp) return;
    }
    yield { ip: cur, range: r };
  }
}

/** Reserves one address of range set `idx` for the attachment (IPAllocator.Get). @throws Error. */
function allocate(h: PluginHost, store: Store, conf: IpamConfig, idx: number, a: CmdArgs, requested: number | undefined): CniIpConfig {
  const set = conf.ranges[idx] as Range[];
  const setText = rangeSetText(set);
  if (requested !== undefined) {
    h.emit({ type: 'ipam', op: 'start', network: conf.name, rangeSet: setText, from: 'requested', first: formatIp(requested) });
    const r = rangeFor(set, requested);
    if (!r) throw new Error(T.notInRangeSet(formatIp(requested), setText));
    if (requested === r.gateway) throw new Error(T.requestedGateway(formatIp(requested)));
    if (!store.reserve(a.containerId, a.ifname, requested, idx)) throw new Error(T.requestedTaken(formatIp(requested), setText));
    h.emit({ type: 'ipam', op: 'reserve', ip: formatIp(requested), gateway: formatIp(r.gateway), file: `${store.dir}/${formatIp(requested)}`, containerId: a.containerId, ifname: a.ifname });
    return { address: `${formatIp(requested)}/${r.prefix}`, gateway: formatIp(r.gateway) };
  }
  // "duplicate allocation is not allowed in SPEC": one address per attachment and range set.
  for (const ip of store.byId(a.containerId, a.ifname)) if (rangeFor(set, ip)) throw new Error(T.duplicate(formatIp(ip), a.containerId));
  const last = store.lastReserved(idx);
  const fromLast = last !== null && rangeFor(set, last) !== undefined;
  let first: string | null = null;
  for (const c of candidates(set, last)) {
    if (first === null) {
      first = formatIp(c.ip);
      h.emit({ type: 'ipam', op: 'start', network: conf.name, rangeSet: setText, from: fromLast ? 'last-reserved' : 'range-start', ...(fromLast && last !== null ? { last: formatIp(last) } : {}), first });
    }
    if (c.ip === c.range.gateway) {
      h.emit({ type: 'ipam', op: 'skip', ip: formatIp(c.ip), why: 'gateway' });
      continue;
    }
    if (store.reserve(a.containerId, a.ifname, c.ip, idx)) {
      h.emit({ type: 'ipam', op: 'reserve', ip: formatIp(c.ip), gateway: formatIp(c.range.gateway), file: `${store.dir}/${formatIp(c.ip)}`, containerId: a.containerId, ifname: a.ifname });
      return { address: `${formatIp(c.ip)}/${c.range.prefix}`, gateway: formatIp(c.range.gateway) };
    }
    h.emit({ type: 'ipam', op: 'skip', ip: formatIp(c.ip), why: 'reserved' });
  }
  h.emit({ type: 'ipam', op: 'full', rangeSet: setText });
  throw new Error(T.rangeFull(setText));
}

/** dns.go parseResolvConf: nameserver, domain, search, options lines. */
function resolvConf(k: Kernel, path: string): CniDns {
  const text = k.readFile(path);
  if (text === undefined) throw new Error(T.noSuchFile(path));
  const dns: CniDns = {};
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    const [key, ...rest] = f;
    if (key === 'nameserver' && rest[0]) (dns.nameservers ??= []).push(rest[0]);
    else if (key === 'domain' && rest[0]) dns.domain = rest[0];
    else if (key === 'search') dns.search = rest;
    else if (key === 'options') (dns.options ??= []).push(...rest);
  }
  return dns;
}

/** Whether range set `idx` still has an address to give (for STATUS). */
function hasFree(store: Store, set: readonly Range[], idx: number, files: Record<string, string>): boolean {
  for (const c of candidates(set, store.lastReserved(idx))) if (c.ip !== c.range.gateway && files[`${store.dir}/${formatIp(c.ip)}`] === undefined) return true;
  return false;
}

/** The `cni.dev/valid-attachments` of a GC request, as `containerID\r\nifname` keys. */
function validAttachments(stdin: string): Set<string> {
  const parsed = goParse(stdin);
  const list = parsed.ok && isObject(parsed.value) ? parsed.value['cni.dev/valid-attachments'] : undefined;
  const out = new Set<string>();
  for (const a of Array.isArray(list) ? list : []) {
    if (isObject(a) && typeof a.containerID === 'string' && typeof a.ifname === 'string') out.add(`${a.containerID}\r\n${a.ifname}`);
  }
  return out;
}

/** The host-local plugin. */
export const hostLocal: Plugin = {
  name: 'host-local',

  add(a: CmdArgs, h: PluginHost): string {
    const conf = loadIpamConfig(a.stdin, a.args);
    const result: CniResult = { cniVersion: CURRENT_VERSION, dns: {} };
    if (conf.resolvConf !== '') result.dns = resolvConf(h.kernel, conf.resolvConf);
    const store = new Store(h.kernel, conf.dataDir, conf.name);
    const left = new Map(conf.requested.map((ip) => [ip, ip]));
    const done: number[] = [];
    const ips: CniIpConfig[] = [];
    conf.ranges.forEach((set, idx) => {
      const req = [...left.keys()].find((ip) => rangeFor(set, ip) !== undefined);
      if (req !== undefined) left.delete(req);
      try {
        ips.push(allocate(h, store, conf, idx, a, req));
        done.push(idx);
      } catch (e) {
        for (const _ of done) store.releaseById(a.containerId, a.ifname, h.emit);
        throw new Error(T.allocate(idx, (e as Error).message), { cause: e });
      }
    });
    if (left.size > 0) {
      store.releaseById(a.containerId, a.ifname, h.emit);
      throw new Error(T.requestedLeft([...left.keys()].map(formatIp)));
    }
    result.ips = ips;
    if (conf.routes.length > 0) result.routes = conf.routes;
    return printResult({ cniVersion: result.cniVersion, ips: result.ips, ...(result.routes ? { routes: result.routes } : {}), dns: result.dns }, conf.cniVersion || '0.1.0');
  },

  del(a: CmdArgs, h: PluginHost): void {
    const conf = loadIpamConfig(a.stdin, a.args);
    const store = new Store(h.kernel, conf.dataDir, conf.name);
    // One pass per range set, as cmdDel does: the first releases everything of the attachment.
    for (const _ of conf.ranges) store.releaseById(a.containerId, a.ifname, h.emit);
  },

  check(a: CmdArgs, h: PluginHost): void {
    const conf = loadIpamConfig(a.stdin, a.args);
    const store = new Store(h.kernel, conf.dataDir, conf.name);
    const ok = store.findById(a.containerId, a.ifname);
    h.emit({ type: 'check', plugin: 'host-local', what: 'reservation', subject: `${a.containerId}/${a.ifname}`, ok });
    if (!ok) throw new Error(T.notFoundByContainer(a.containerId));
  },

  /**
   * GC (spec 1.1 §2): releases every reservation whose attachment is not in
   * `cni.dev/valid-attachments`. The reference host-local leaves GC unimplemented (FIXME in
   * main.go, so GC succeeds and releases nothing); we do what the spec asks of an IPAM plugin.
   */
  gc(a: CmdArgs, h: PluginHost): void {
    const conf = loadIpamConfig(a.stdin, a.args);
    const store = new Store(h.kernel, conf.dataDir, conf.name);
    const valid = validAttachments(a.stdin);
    const ids = new Set([...valid].map((v) => v.split('\r\n')[0]));
    for (const r of store.reservations()) {
      const keep = r.ifname === null ? ids.has(r.id) : valid.has(`${r.id}\r\n${r.ifname}`);
      if (!keep) store.release(r.name, r.id, r.ifname ?? '', h.emit);
    }
  },

  /**
   * STATUS (spec 1.1 §2): an error 50 when a range set has no address left, as the spec asks of
   * a plugin whose resources are exhausted (the reference host-local answers success always).
   */
  status(a: CmdArgs, h: PluginHost): void {
    const conf = loadIpamConfig(a.stdin, a.args);
    const store = new Store(h.kernel, conf.dataDir, conf.name);
    conf.ranges.forEach((set, idx) => {
      if (!hasFree(store, set, idx, h.kernel.node.files)) throw new CniError(CNI_ERR.unavailable, T.rangeFull(rangeSetText(set)));
    });
  },
};
