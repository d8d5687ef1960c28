import { describe, expect, it } from 'vitest';
import type { HopEvent } from '../events';
import type { JourneyResult } from '../journey';
import { LANGS } from '../i18n/lang';
import { firstSend } from './chapters';
import { storyOf, tellChapters, tellOutcome } from './index';
import { journeySet, journeySpecs } from './journeySet';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import type { StoryChapter } from './story';

/*
 * Every chapter's claim, checked against the events of its own journey over the generated set: a
 * chapter that says routed contains a forward, one that says dropped contains that drop, a
 * correction's event lies inside its chapter, and the outcome counts what reached the source.
 */

const ROUTED = { en: /\b(routes|forwards)\b/, ru: /маршрутизирует|пересылает/ };
const DROPPED = { en: /dropped|drops|no route|nobody answers/, ru: /отброшен|отбрасывает|маршрута нет|нет маршрута|ответа нет/ };

function span(r: JourneyResult, chapters: StoryChapter[], k: number): HopEvent[] {
  const c = chapters[k] as StoryChapter;
  return r.events.slice(c.start, chapters[k + 1]?.start ?? r.events.length);
}

function checkChapter(r: JourneyResult, chapters: StoryChapter[], k: number, main: number): void {
  const c = chapters[k] as StoryChapter;
  const f = c.facts;
  const inSpan = span(r, chapters, k);
  const where = `${JSON.stringify(r.spec)} chapter ${c.n} (${f.kind})`;
  const ofMain = (e: HopEvent): boolean => 'pkt' in e && e.pkt === main;
  if (f.kind === 'route' || f.kind === 'router' || f.kind === 'arrive') {
    const mine = r.events.filter((e) => e.ns === f.ns && ofMain(e));
    if (f.result === 'forward') expect(mine.some((e) => e.type === 'route' && e.result === 'forward'), where).toBe(true);
    if (f.result === 'local') expect(mine.some((e) => e.type === 'route' && e.result === 'local'), where).toBe(true);
    if (f.result === 'drop' || f.result === 'unreachable') expect(mine.some((e) => e.type === 'drop' && e.reason === f.reason), where).toBe(true);
    if (f.result !== 'forward') expect(mine.some((e) => e.type === 'ttl'), `${where}: no TTL decrement without forwarding`).toBe(false);
  }
  if (f.kind === 'bridge') expect(inSpan[0]?.type === 'fdb' && inSpan[0].action === f.action, where).toBe(true);
  if (f.kind === 'resolve-dst') {
    expect(inSpan[0]?.type === 'neigh' && inSpan[0].ip === f.ip && inSpan[0].cause === 'resolve', where).toBe(true);
    expect(r.events.some((e) => e.type === 'neigh' && e.ns === f.ns && e.ip === f.ip && e.cause === 'failed'), where).toBe(f.failed);
  }
  if (f.kind === 'answer') expect(inSpan[0]?.type === 'send' && inSpan[0].cause === f.cause && inSpan[0].about === main, where).toBe(true);
  if (f.kind === 'recheck') {
    // The tail only re-confirms neighbours: it starts on a DELAY → PROBE timer, carries no IP packet, and each host named probes in it.
    expect(inSpan[0]?.type === 'neigh' && inSpan[0].cause === 'timer' && inSpan[0].to === 'PROBE', where).toBe(true);
    expect(inSpan.some((e) => e.type === 'send' || e.type === 'deliver' || e.type === 'route' || (e.type === 'frame' && e.ipv4 !== undefined)), where).toBe(false);
    for (const ns of f.hosts) expect(inSpan.some((e) => e.type === 'neigh' && e.ns === ns && e.to === 'PROBE'), where).toBe(true);
    expect(k, `${where}: the last chapter`).toBe(chapters.length - 1);
  }
  if (f.kind === 'origin') expect(inSpan[0]?.type === 'send' && inSpan[0].pkt === main, where).toBe(true);
  const corr = c.correction;
  if (corr) {
    const has = (p: (e: HopEvent) => boolean): void => expect(inSpan.some(p), `${where}: the event behind "${corr.code}"`).toBe(true);
    switch (corr.code) {
      case 'gateway-arp':
      case 'bridge-no-arp':
        has((e) => e.type === 'neigh' && e.cause === 'resolve' && e.ip === corr.nexthop && ofMain(e));
        break;
      case 'calico-gateway':
        has((e) => e.type === 'route' && e.result === 'proxy-arp');
        break;
      case 'routing-table-decides':
        expect(r.events.some((e) => e.type === 'route' && e.ns === corr.ns && e.match === 'default' && e.result === 'forward' && ofMain(e)), where).toBe(true);
        has((e) => e.type === 'frame' && e.dir === 'out' && ofMain(e));
        break;
      case 'ip-stays-mac-changes':
      case 'node-routes':
        has((e) => e.type === 'ttl' && e.ns === corr.ns && ofMain(e));
        break;
      case 'stack-arps-bridge-floods':
        has((e) => e.type === 'fdb' && e.action === 'flood' && e.ns === corr.ns);
        break;
    }
  }
}

describe('the story of every journey in the generated set agrees with its events', () => {
  it('covers the whole set: 7 sources × 11 destinations × 3 protocols × cold/warm × 3 TTLs × 2 counts', () => {
    expect(journeySpecs().length).toBe(7 * 11 * 3 * 2 * 3 * 2);
  });

  it('checks every chapter, correction and outcome, in both languages', () => {
    let chapters = 0;
    let corrections = 0;
    let rechecks = 0;
    for (const r of journeySet()) {
      const story = storyOf(r);
      const main = firstSend(r)?.pkt ?? -1;
      const starts = story.chapters.map((c) => c.start);
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      story.chapters.forEach((_, k) => checkChapter(r, story.chapters, k, main));
      chapters += story.chapters.length;
      corrections += story.chapters.filter((c) => c.correction).length;
      rechecks += story.chapters.filter((c) => c.facts.kind === 'recheck').length;
      for (const lang of LANGS) {
        const told = tellChapters(r, lang);
        told.forEach((c, k) => {
          const f = story.chapters[k]?.facts;
          if (!f || !('result' in f)) return;
          const where = `${JSON.stringify(r.spec)} ${lang} "${c.title}"`;
          expect(ROUTED[lang].test(c.title), where).toBe(f.result === 'forward');
          if (f.result === 'drop' || f.result === 'unreachable') expect(DROPPED[lang].test(c.title), where).toBe(true);
        });
        const o = story.outcome;
        const text = tellOutcome(r, lang);
        const atSrc = r.events.filter((e) => e.type === 'deliver' && e.ns === r.spec.from);
        expect(o.answers, JSON.stringify(r.spec)).toBe(atSrc.filter((e) => e.type === 'deliver' && (e.cause === 'echo-reply' || e.cause === 'tcp-synack')).length);
        if (r.spec.proto === 'icmp' && !o.localNoRoute && o.localTooBig === null) expect(text).toContain(`${o.answers} ${lang === 'en' ? 'of' : 'из'} ${r.spec.count}`);
        if (o.refused > 0) expect(text).toMatch(lang === 'en' ? /Connection refused/ : /Соединение отклонено/);
        if (o.refused === 0) expect(text).not.toMatch(/refused|отклонено/);
        for (const e of o.errors) expect(text).toContain(e.from);
      }
    }
    // The set must exercise the story, not pass by having none.
    expect(chapters).toBeGreaterThan(5000);
    expect(rechecks).toBeGreaterThan(100);
    expect(corrections).toBeGreaterThan(300);
  }, 120_000);

  it('tells the seed journey as the notes\' nine steps plus the way back, corrections where the notes simplify', () => {
    const spec = journeySpecs().find((x) => x.from === 'pod1' && x.to === 'pod3' && x.proto === 'icmp' && !x.warm && x.ttl === 64 && x.count === 1);
    if (!spec) throw new Error('seed journey missing from the set');
    const r = runJourney(seedTopology(), spec);
    const s = storyOf(r);
    expect(s.chapters.map((c) => c.facts.kind)).toEqual(['origin', 'enter-root', 'bridge', 'route', 'leave', 'router', 'arrive', 'resolve-dst', 'into-pod', 'answer']);
    expect(s.chapters.map((c) => c.correction?.code ?? null)).toEqual(['gateway-arp', null, null, 'bridge-no-arp', 'routing-table-decides', 'ip-stays-mac-changes', 'node-routes', 'stack-arps-bridge-floods', null, null]);
  });

  it('gives a warm ping\'s late DELAY → PROBE tail a chapter of its own, after the answer', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: 'pod3', proto: 'icmp', count: 1, ttl: 64, warm: true });
    const s = storyOf(r);
    const kinds = s.chapters.map((c) => c.facts.kind);
    expect(kinds.slice(-2)).toEqual(['answer', 'recheck']);
    const tail = s.chapters[s.chapters.length - 1];
    expect(tail?.facts).toEqual({ kind: 'recheck', hosts: ['pod3', 'node2', 'router', 'node1'] });
    const back = r.events.findIndex((e) => e.type === 'deliver' && e.ns === 'pod1');
    expect(tail?.start).toBe(back + 1);
    expect(tellChapters(r, 'en').at(-1)?.title).toBe('Afterwards, pod3, node2, router and node1 confirm their neighbours with unicast ARP (DELAY → PROBE)');
    expect(tellChapters(r, 'ru').at(-1)?.title).toBe('Затем pod3, node2, router и node1 перепроверяют соседей одноадресными ARP-запросами (DELAY → PROBE)');
  });
});
