import { describe, expect, it } from 'vitest';
import { runJourney, seedTopology, stateAt } from '../core';
import { encodeLabLink } from '../core/model/labLink';
import { addPod } from '../core/editing';
import { createAppStore } from '../store/createAppStore';
import { defaultFollow, embedCode, linkParams, stepLink } from '../store/link';
import { defaultSpec } from './defaultSpec';
import { parseUrlParams } from './urlParams';

describe('parseUrlParams', () => {
  it('reads a journey, language, theme, step, speed and view switches', () => {
    expect(parseUrlParams('?from=pod1&to=10.10.12.1&proto=udp&port=53&count=2&ttl=5&warm=1&lang=ru&theme=dark&step=12&speed=0.5&follow=1&panels=0')).toEqual({
      spec: { from: 'pod1', to: '10.10.12.1', proto: 'udp', port: 53, count: 2, ttl: 5, warm: true },
      lang: 'ru',
      theme: 'dark',
      step: 12,
      speed: 0.5,
      follow: true,
      panels: false,
      linkErrors: [],
    });
  });

  it('keeps the default journey for what the link leaves out', () => {
    expect(parseUrlParams('?ttl=2').spec).toEqual({ from: 'pod1', to: 'pod3', proto: 'icmp', count: 1, ttl: 2, warm: false });
    expect(parseUrlParams('').linkErrors).toEqual([]);
  });

  it('names every bad value in both languages and falls back to its default', () => {
    const p = parseUrlParams('?from=pod9&to=10.10.300.1&ttl=999&count=0&proto=sctp&warm=yes&lang=de&theme=pink&step=-3&nodes=9999&pods=0&speed=3&follow=2&panels=x');
    expect(p.topology).toBeUndefined();
    expect(p.spec).toEqual({ from: 'pod1', to: 'pod3', proto: 'icmp', count: 1, ttl: 64, warm: false });
    expect(p.lang).toBeUndefined();
    expect(p.step).toBeUndefined();
    expect(p.speed).toBeUndefined();
    const en = p.linkErrors.map((e) => e.en);
    for (const name of ['from=pod9', 'to=10.10.300.1', 'ttl=999', 'count=0', 'proto=sctp', 'warm=yes', 'lang=de', 'theme=pink', 'step=-3', 'nodes=9999', 'pods=0', 'speed=3', 'follow=2', 'panels=x']) {
      expect(en.filter((m) => m.startsWith(`?${name}:`)), name).toHaveLength(1);
    }
    expect(en.find((m) => m.startsWith('?nodes=9999'))).toBe('?nodes=9999: the number of nodes must be a whole number from 1 to 5000. Showing the seed lab.');
    expect(p.linkErrors.find((e) => e.en.startsWith('?nodes=9999'))?.ru).toBe('?nodes=9999: число нод должно быть целым числом от 1 до 5000. Показан учебный стенд.');
    expect(p.linkErrors.find((e) => e.en.startsWith('?count=0'))).toEqual({
      en: '?count=0: the number of packets must be a whole number from 1 to 10.',
      ru: '?count=0: число пакетов должно быть целым числом от 1 до 10.',
    });
    expect(p.linkErrors.find((e) => e.en.startsWith('?step=-3'))).toEqual({
      en: '?step=-3: the event number must be a whole number, 1 or more; opening at event 1.',
      ru: '?step=-3: номер события должен быть целым числом, не меньше 1; открыто событие 1.',
    });
    expect(p.linkErrors.find((e) => e.en.startsWith('?from=pod9'))).toEqual({
      en: '?from=pod9: “pod9” is not a pod or machine of this lab; “From” is set to pod1.',
      ru: '?from=pod9: «pod9» — не под и не машина этого стенда; в поле «Откуда» выбран pod1.',
    });
    for (const e of p.linkErrors) {
      expect(e.ru, e.en).toMatch(/[а-яё]/i);
      // One colon after the parameter, never a second one right after the subject (R17).
      expect(e.ru.slice(e.ru.indexOf(':') + 1), e.ru).not.toMatch(/^[^.;]*:/);
      // The lab is «стенд» in Russian; «шаг» belongs to the course notes, the counter counts events.
      expect(e.ru, e.en).not.toMatch(/лаборатор|шаг/i);
    }
  });

  it('names unknown and repeated parameters, and pods without nodes', () => {
    const en = parseUrlParams('?node=8&pods=4&lang=en&lang=ru').linkErrors.map((e) => e.en);
    expect(en).toHaveLength(3);
    expect(en[0]).toContain('Unknown link parameter “?node”');
    expect(en[1]).toContain('?lang appears more than once');
    expect(en[2]).toContain('?pods=4: pods per node only apply to a generated cluster');
  });

  it('says ICMP has no ports', () => {
    const p = parseUrlParams('?from=pod1&to=pod3&port=80');
    expect(p.spec?.port).toBeUndefined();
    expect(p.linkErrors.map((e) => e.en)).toEqual(['?port=80: ICMP has no ports, so the port was ignored: add proto=udp or proto=tcp.']);
  });

  it('builds a generated cluster of the asked size', () => {
    const p = parseUrlParams('?nodes=6&pods=3');
    expect(p.topology?.machines.filter((m) => m.role === 'node')).toHaveLength(6);
    expect(p.topology?.machines[0]?.pods).toHaveLength(3);
    const big = parseUrlParams('?nodes=20&pods=10&speed=4');
    expect(big.linkErrors).toEqual([]);
    expect(big.speed).toBe(4);
    expect(big.topology?.machines.flatMap((m) => m.pods ?? [])).toHaveLength(200);
    expect(parseUrlParams('?nodes=20&pods=20').topology?.machines.flatMap((m) => m.pods ?? [])).toHaveLength(400);
    expect(parseUrlParams('?nodes=5001').linkErrors).toHaveLength(1);
    expect(parseUrlParams('?nodes=2&pods=111').linkErrors).toHaveLength(1);
  });

  it('builds clusters up to Kubernetes’ limits and refuses more pods than 150,000 in both languages', () => {
    const p = parseUrlParams('?nodes=5000&pods=30');
    expect(p.linkErrors).toEqual([]);
    expect(p.lab).toEqual({ nodes: 5000, pods: 30 });
    expect(p.topology?.machines).toHaveLength(5001);
    const over = parseUrlParams('?nodes=5000&pods=31');
    expect(over.topology).toBeUndefined();
    expect(over.linkErrors).toEqual([
      {
        en: "pods: 5000 nodes × 31 pods = 155000 pods, over Kubernetes' limit of 150000 pods in a cluster; with 5000 nodes ask for at most 30 pods per node",
        ru: 'pods: 5000 нод × 31 под = 155000 подов, больше предела Kubernetes в 150000 подов на кластер; при 5000 нодах можно не больше 30 подов на ноде',
      },
    ]);
  });

  it('checks names against the lab it opens', () => {
    const p = parseUrlParams('?nodes=3&pods=2&from=pod1&to=pod3-2');
    expect(p.linkErrors.map((e) => e.en)).toEqual(['?from=pod1: “pod1” is not a pod or machine of this lab; “From” is set to pod1-1.']);
    expect(p.spec).toMatchObject({ from: 'pod1-1', to: 'pod3-2' });
  });
});

describe('links written from the app’s state', () => {
  const engine = { runJourney, stateAt };
  /** The app as a link would open it, stepped to `step` (1-based). */
  function opened(search: string) {
    const p = parseUrlParams(search);
    const topology = p.topology ?? seedTopology();
    const s = createAppStore({ engine, topology, spec: p.spec ?? defaultSpec(topology), preset: p.preset ?? null, lang: p.lang ?? 'en', theme: p.theme ?? 'light', ...(p.follow !== undefined ? { follow: p.follow } : {}), ...(p.panels !== undefined ? { panels: p.panels } : {}) });
    if (p.speed !== undefined) s.getState().setSpeed(p.speed);
    if (p.step !== undefined) s.getState().seek(p.step - 1);
    return { p, s };
  }

  it('write the journey shown, the event and the view, and read back to the same app', () => {
    const { p, s } = opened('?from=pod2&to=10.10.11.1&proto=udp&port=9999&count=2&ttl=5&warm=1&lang=ru&theme=dark&step=7&speed=2&follow=1&panels=0');
    expect(p.linkErrors).toEqual([]);
    const q = linkParams(s.getState(), null);
    expect(q).toBe('from=pod2&to=10.10.11.1&proto=udp&port=9999&count=2&ttl=5&warm=1&lang=ru&theme=dark&step=7&speed=2&follow=1&panels=0');
    const again = parseUrlParams(`?${q}`);
    expect(again.linkErrors).toEqual([]);
    expect(again).toMatchObject({ spec: p.spec, lang: 'ru', theme: 'dark', step: 7, speed: 2, follow: true, panels: false });
  });

  it('remember the log’s hidden future as future=0, and nothing while it is shown', () => {
    const p = parseUrlParams('?future=0');
    expect(p.hideFuture).toBe(true);
    expect(parseUrlParams('?future=1').hideFuture).toBe(false);
    expect(parseUrlParams('?future=maybe').linkErrors[0]?.en).toMatch(/future=maybe/);
    const s = createAppStore({ engine, topology: seedTopology(), spec: defaultSpec(seedTopology()), hideFuture: p.hideFuture ?? false });
    expect(linkParams(s.getState(), null)).toMatch(/&future=0$/);
    s.getState().setHideFuture(false);
    expect(linkParams(s.getState(), null)).not.toMatch(/future/);
  });

  it('leave out what the player chooses anyway, and repeat a generated cluster’s size', () => {
    const seed = opened('?lang=en');
    expect(linkParams(seed.s.getState(), null)).toBe('from=pod1&to=pod3&proto=icmp&count=1&ttl=64&warm=0&lang=en&theme=light&step=1');
    const big = opened('?nodes=6&pods=3&step=4');
    expect(big.p.lab).toEqual({ nodes: 6, pods: 3 });
    // A lab of more than 4 machines follows the packet by default: the link need not say so.
    expect(big.s.getState().follow).toBe(defaultFollow(big.s.getState().topology));
    const q = linkParams(big.s.getState(), big.p.lab ?? null) ?? '';
    expect(q).toMatch(/^nodes=6&pods=3&from=pod1-1&to=pod6-1&proto=icmp&.*&step=4$/);
    expect(parseUrlParams(`?${q}`).linkErrors).toEqual([]);
  });

  it('carry any other lab whole (?lab=): an edited seed, an edited scenario or cluster', () => {
    const edited = addPod(seedTopology(), 'node1').topology;
    const s = createAppStore({ engine, topology: edited, spec: { from: 'pod1', to: 'pod5' }, lang: 'en', theme: 'light' });
    const q = linkParams(s.getState(), null) ?? '';
    expect(q).toMatch(/^lab=[^&]+&from=pod1&to=pod5&/);
    const back = parseUrlParams(`?${q}`);
    expect(back.linkErrors, JSON.stringify(back.linkErrors)).toEqual([]);
    expect(back.topology).toEqual(edited);
    expect(back.spec).toMatchObject({ from: 'pod1', to: 'pod5' });
    // A scenario's lab once edited is no longer that scenario; a generated cluster likewise.
    const scenario = opened('?preset=tcp-handshake-listener');
    expect(linkParams(scenario.s.getState(), null)).toMatch(/^preset=tcp-handshake-listener&/);
    const big = opened('?nodes=3&pods=1');
    const grown = createAppStore({ engine, topology: addPod(big.s.getState().topology, 'node1').topology, spec: { from: 'pod1-1', to: 'pod3-1' }, lang: 'en', theme: 'light' });
    expect(linkParams(grown.getState(), { nodes: 3, pods: 1 })).toMatch(/^lab=/);
  });

  it('name a lab link that cannot be read, in both languages, and open the seed lab', () => {
    const cut = parseUrlParams('?lab=N4Igdghg');
    expect(cut.topology).toBeUndefined();
    expect(cut.linkErrors[0]?.en).toMatch(/^\?lab=: lab: the lab in this link cannot be read/);
    expect(cut.linkErrors[0]?.ru).toMatch(/стенд из этой ссылки не читается/);
    // The notice says the seed lab opens: a preset beside the unreadable lab does not replace it.
    const cutWithPreset = parseUrlParams('?lab=N4Igdghg&preset=ttl-1');
    expect([cutWithPreset.topology, cutWithPreset.preset]).toEqual([undefined, undefined]);
    const code = linkParams(createAppStore({ engine, topology: addPod(seedTopology(), 'node2').topology, spec: { from: 'pod1', to: 'pod3' }, lang: 'en', theme: 'light' }).getState(), null)?.split('&')[0] ?? '';
    const both = parseUrlParams(`?${code}&preset=ttl-1`);
    expect(both.topology?.machines.find((m) => m.name === 'node2')?.pods).toHaveLength(3);
    expect(both.linkErrors.map((e) => e.en)).toEqual(['?preset=ttl-1: the link carries a lab of its own (?lab=), so this was ignored.']);
  });

  it('hand the text of an unreadable lab link over for download: decompressed when it decompresses, else as written', () => {
    expect(parseUrlParams('?lab=N4Igdghg').brokenLab?.raw).toBe('N4Igdghg');
    const bad = { ...seedTopology(), name: '' };
    const read = parseUrlParams(`?lab=${encodeLabLink(bad)}`);
    expect(read.topology).toBeUndefined();
    expect(read.brokenLab?.raw).toBe(JSON.stringify(bad));
    expect(read.brokenLab?.problems[0]?.path).toBe('name');
    expect(parseUrlParams(`?lab=${encodeLabLink(seedTopology())}`).brokenLab).toBeUndefined();
  });

  it('pass on the panels only when someone chose them, not a small screen’s default', () => {
    const { s } = opened('?lang=en');
    expect(s.getState().panelsAuto).toBe(true);
    s.getState().fitPanels(false);
    expect(s.getState().panels).toBe(false);
    expect(linkParams(s.getState(), null)).not.toContain('panels');
    s.getState().setPanels(true);
    expect(linkParams(s.getState(), null)).toContain('&panels=1');
    s.getState().setPanels(false);
    expect(linkParams(s.getState(), null)).toContain('&panels=0');
    expect(linkParams(opened('?panels=1').s.getState(), null)).toContain('&panels=1');
  });

  it('never write a half-typed value: the link follows the journey shown', () => {
    const { s } = opened('?ttl=5');
    s.getState().typeDraft({ ttl: '50' });
    expect(linkParams(s.getState(), null)).toContain('ttl=5&');
    s.getState().commitDraft();
    expect(linkParams(s.getState(), null)).toContain('ttl=50&');
  });

  it('build the step link and an iframe for a slide, escaped, showing the embed view beside the player', () => {
    const { s } = opened('?to=pod4&step=3&lang=en');
    const host = { linkBase: 'https://example.org/pj/', lab: null };
    expect(stepLink(host, s.getState())).toBe('https://example.org/pj/?from=pod1&to=pod4&proto=icmp&count=1&ttl=64&warm=0&lang=en&theme=light&step=3');
    expect(stepLink({ linkBase: null, lab: null }, s.getState())).toBeNull();
    const code = embedCode(host, s.getState(), 'Packet Journey: pod1 → pod4, event 3 "<x>"');
    expect(code).toBe(
      '<iframe src="https://example.org/pj/embed.html?from=pod1&amp;to=pod4&amp;proto=icmp&amp;count=1&amp;ttl=64&amp;warm=0&amp;lang=en&amp;theme=light&amp;step=3" width="960" height="540" title="Packet Journey: pod1 → pod4, event 3 &quot;&lt;x&gt;&quot;" style="border:0" loading="lazy" allowfullscreen></iframe>',
    );
    expect(embedCode({ linkBase: 'https://example.org/pj/index.html', lab: null }, s.getState(), 'x')).toContain('src="https://example.org/pj/embed.html?');
  });

  it('name the scenario whose lab is shown, and the size, and read back to the same lab and journey', () => {
    const { s } = opened('?lang=en');
    expect(s.getState().loadScenario('mtu-frag-needed-router')).toBe(true);
    const q = linkParams(s.getState(), { nodes: 6, pods: 2 }) ?? '';
    // The scenario's lab replaces a generated cluster's size; its 1400-byte payload is in the link.
    expect(q).toBe('preset=mtu-frag-needed-router&from=pod1&to=pod3&proto=icmp&count=1&ttl=64&size=1400&warm=0&lang=en&theme=light&step=1');
    const again = opened(`?${q}`);
    expect(again.p.linkErrors).toEqual([]);
    expect(again.p.preset).toBe('mtu-frag-needed-router');
    expect(again.s.getState().topology.name).toBe(s.getState().topology.name);
    expect(again.s.getState().result?.events.length).toBe(s.getState().result?.events.length);
  });
});

describe('?preset= and ?size=', () => {
  it('open a scenario’s lab and journey, which the other journey parameters change', () => {
    const p = parseUrlParams('?preset=tcp-handshake-listener');
    expect(p.linkErrors).toEqual([]);
    expect(p.preset).toBe('tcp-handshake-listener');
    expect(p.topology?.name).toBe('seed-listeners');
    expect(p.spec).toEqual({ from: 'pod1', to: 'pod3', proto: 'tcp', port: 80, count: 1, ttl: 64, warm: false });
    expect(parseUrlParams('?preset=tcp-handshake-listener&port=81&ttl=3').spec).toMatchObject({ proto: 'tcp', port: 81, ttl: 3 });
    // A scenario's own interval between packets stays: the form has no field for it.
    expect(parseUrlParams('?preset=delay-probe-after-5s&ttl=9').spec).toMatchObject({ count: 3, intervalMs: 2000, ttl: 9 });
  });

  it('name an unknown scenario in both languages and show the seed lab', () => {
    const p = parseUrlParams('?preset=no-such-case');
    expect(p.topology).toBeUndefined();
    expect(p.preset).toBeUndefined();
    expect(p.linkErrors).toEqual([
      { en: '?preset=no-such-case: there is no scenario “no-such-case”, so the seed lab is shown; the “Scenario” list has them all.', ru: '?preset=no-such-case: сценария «no-such-case» нет, поэтому показан учебный стенд; все сценарии есть в списке «Сценарий».' },
    ]);
  });

  it('say that a scenario’s lab wins over a generated cluster', () => {
    const p = parseUrlParams('?preset=ttl-1&nodes=6&pods=2');
    expect(p.lab).toBeUndefined();
    expect(p.spec).toMatchObject({ ttl: 1 });
    expect(p.linkErrors.map((e) => e.en)).toEqual(['?nodes=6: the scenario “ttl-1” has a lab of its own, so no cluster was generated.']);
  });

  it('read a payload size 0–65507 for ICMP and UDP, and name a bad one or one TCP cannot use', () => {
    expect(parseUrlParams('?size=1400').spec).toMatchObject({ proto: 'icmp', size: 1400 });
    expect(parseUrlParams('?proto=udp&size=0').spec).toMatchObject({ proto: 'udp', size: 0 });
    expect(parseUrlParams('?size=65508').linkErrors.map((e) => e.ru)).toEqual(['?size=65508: размер (байт данных) должен быть целым числом от 0 до 65507.']);
    const tcp = parseUrlParams('?proto=tcp&size=10');
    expect(tcp.spec?.size).toBeUndefined();
    expect(tcp.linkErrors.map((e) => e.en)).toEqual(['?size=10: a TCP SYN carries no data here, so the size was ignored.']);
  });
});

