import { JourneyError, K8S_LIMITS, generateCluster, problemsText, seedLab, type Bilingual, type JourneySpec, type Problem, type Topology } from '../core';
import { SPEEDS } from '../store/appState';
import { rememberGenerated, type LabParams } from '../store/sameLab';
import { labLinkTextOf, readLabLink } from '../store/labReader';
import { findScenario } from '../store/presets';
import { isCniStoryId, type CniStoryId } from '../core/presets/cniStoryIds';
import { completeSpec, isIpv4, MAX_COUNT, MAX_SIZE, namespaceNames } from '../store/specDraft';
import type { Lang, Theme } from '../store/types';
import { defaultSpec } from './defaultSpec';

/** What the player opens with: shared by links (`?from=…`) and the App's props. */
export interface OpenOptions {
  topology?: Topology;
  spec?: JourneySpec;
  /** Start in this language / theme instead of the remembered or browser one. */
  lang?: Lang;
  theme?: Theme;
  /** 1-based number of the event to open at (the counter's «Событие N из M»). @default 1 */
  step?: number;
  /** Playback speed, one of {@link SPEEDS}. @default 1 */
  speed?: number;
  /** Camera follows the packet. @default true for labs of more than 4 machines */
  follow?: boolean;
  /** Show the packet and side panels (false: the drawing and this event's explanation take the width). @default true */
  panels?: boolean;
  /** The size `topology` was generated with (`?nodes&pods`), so links to the app repeat it. */
  lab?: LabParams;
  /** The reference scenario `topology` and `spec` come from (`?preset=`), so links to the app repeat it. */
  preset?: string;
  /** The event log lists only the events up to the one shown (`future=0`). @default false */
  hideFuture?: boolean;
  /** A CNI scenario to play over the lab (`?preset=cni-…`): a story of the plugins, not a journey. */
  cniStory?: CniStoryId;
}

/** What a link (or a slide's iframe src) can ask the player to show. */
export interface UrlParams extends OpenOptions {
  /**
   * What was wrong with the link, one message per bad parameter, in both languages. Everything
   * else in the link still applies; a bad value falls back to the default.
   */
  linkErrors: Bilingual[];
  /** A `?lab=` that does not read: its text (decompressed when it decompresses, else as written), to download and repair. */
  brokenLab?: { raw: string; problems: Problem[] };
}

/**
 * Largest generated cluster a link may ask for: Kubernetes' own limits (5,000 nodes, 110 pods per
 * node, 150,000 pods in all; generateCluster refuses a product above that in both languages). A
 * lab that large is drawn as an overview (geometry/overview.ts).
 */
export const MAX_NODES = K8S_LIMITS.nodes;
export const MAX_PODS = K8S_LIMITS.podsPerNode;

/** Every parameter the player understands, in the order the help lists them. */
export const KNOWN_PARAMS = ['lab', 'preset', 'nodes', 'pods', 'from', 'to', 'proto', 'port', 'count', 'ttl', 'size', 'warm', 'lang', 'theme', 'step', 'speed', 'follow', 'panels', 'future'] as const;

/** A value as quoted in a message: never so long it floods the banner. */
function quote(v: string): string {
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}

/** A message about one parameter, starting with how it was written in the link. */
function bad(name: string, value: string, en: string, ru: string): Bilingual {
  const p = `?${name}=${quote(value)}`;
  return { en: `${p}: ${en}`, ru: `${p}: ${ru}` };
}

/** A whole number lo–hi, or null (also for leading zeros, signs, decimals and empty values). */
function int(v: string, lo: number, hi: number): number | null {
  if (!/^(0|[1-9]\d{0,8})$/.test(v)) return null;
  const n = Number(v);
  return n >= lo && n <= hi ? n : null;
}

/**
 * "X must be a whole number from lo to hi." in both languages: one sentence, the same range the
 * form states. `must` is the Russian verb agreeing with X («число … должно», «порт должен»).
 */
function wholeMsg(what: Bilingual, must: 'должно' | 'должен', lo: number, hi: number): Bilingual {
  return { en: `${what.en} must be a whole number from ${lo} to ${hi}.`, ru: `${what.ru} ${must} быть целым числом от ${lo} до ${hi}.` };
}

/**
 * Read `?from=pod1&to=pod3&proto=udp&port=53&count=2&ttl=5&size=100&warm=1&lang=ru&theme=dark&step=12&speed=2&follow=1&nodes=6&pods=2`.
 * `nodes`/`pods` swap the seed lab for a generated cluster of that size; `preset` for a reference
 * scenario's lab and journey (the other journey parameters then change that journey). A bad or unknown parameter
 * never stops the page: it is named in `linkErrors` (shown on the page) and its default is used.
 */
export function parseUrlParams(search: string): UrlParams {
  const q = new URLSearchParams(search);
  const errors: Bilingual[] = [];
  const out: UrlParams = { linkErrors: errors };
  const known = new Set<string>(KNOWN_PARAMS);
  const seen = new Set<string>();
  for (const key of q.keys()) {
    if (!known.has(key)) {
      if (!seen.has(key)) {
        errors.push({
          en: `Unknown link parameter “?${quote(key)}”: it was ignored. The player understands ${KNOWN_PARAMS.join(', ')}.`,
          ru: `Неизвестный параметр ссылки «?${quote(key)}» пропущен. Плеер понимает ${KNOWN_PARAMS.join(', ')}.`,
        });
      }
    } else if (seen.has(key)) {
      errors.push({ en: `?${key} appears more than once in the link: the first value is used.`, ru: `?${key} встречается в ссылке несколько раз: взято первое значение.` });
    }
    seen.add(key);
  }
  const get = (k: (typeof KNOWN_PARAMS)[number]) => q.get(k);

  // A whole lab in the link (an edited one) comes before any other way of choosing one.
  const labRaw = get('lab');
  if (labRaw !== null) {
    // The page loaded the reader before reading an address with a lab (store/labReader.ts).
    const read = readLabLink(labRaw);
    if (read.ok) {
      out.topology = read.topology;
      for (const other of ['preset', 'nodes', 'pods'] as const) {
        const v = get(other);
        if (v !== null) errors.push(bad(other, v, 'the link carries a lab of its own (?lab=), so this was ignored.', 'в ссылке есть свой стенд (?lab=), поэтому этот параметр пропущен.'));
      }
    } else {
      out.brokenLab = { raw: labLinkTextOf(labRaw) ?? labRaw, problems: read.problems };
      const en = problemsText(read.problems, 'en');
      const ru = problemsText(read.problems, 'ru');
      errors.push({ en: `?lab=: ${en}. Showing the seed lab.`, ru: `?lab=: ${ru}. Показан учебный стенд.` });
    }
  }
  // The lab: a reference scenario's, the seed, or a generated cluster.
  // A ?lab= link chose its lab: a readable one opened above, an unreadable one falls back to the seed lab, as its notice says.
  const presetRaw = labRaw !== null ? null : get('preset');
  const cniId = presetRaw?.trim() ?? '';
  if (isCniStoryId(cniId)) out.cniStory = cniId;
  const scenario = presetRaw === null || out.cniStory ? undefined : findScenario(presetRaw.trim());
  if (presetRaw !== null && !scenario && !out.cniStory) {
    const q = quote(presetRaw);
    errors.push(bad('preset', presetRaw, `there is no scenario “${q}”, so the seed lab is shown; the “Scenario” list has them all.`, `сценария «${q}» нет, поэтому показан учебный стенд; все сценарии есть в списке «Сценарий».`));
  }
  const nodesRaw = get('nodes');
  const podsRaw = get('pods');
  let pods = 2;
  if (scenario) {
    out.topology = scenario.topology();
    out.preset = scenario.id;
    const name = nodesRaw !== null ? 'nodes' : 'pods';
    const raw = nodesRaw ?? podsRaw;
    if (raw !== null) errors.push(bad(name, raw, `the scenario “${scenario.id}” has a lab of its own, so no cluster was generated.`, `у сценария «${scenario.id}» свой стенд, поэтому кластер не создан.`));
  } else if (podsRaw !== null && labRaw === null) {
    const n = int(podsRaw, 1, MAX_PODS);
    const m = wholeMsg({ en: 'the number of pods per node', ru: 'число подов на ноде' }, 'должно', 1, MAX_PODS);
    if (n === null) errors.push(bad('pods', podsRaw, m.en, m.ru));
    else if (nodesRaw === null) errors.push(bad('pods', podsRaw, `pods per node only apply to a generated cluster: add ?nodes=N (N from 1 to ${MAX_NODES}) to the link. Showing the seed lab.`, `число подов задаётся только для сгенерированного кластера: добавьте в ссылку ?nodes=N (N от 1 до ${MAX_NODES}). Показан учебный стенд.`));
    else pods = n;
  }
  if (nodesRaw !== null && !scenario && labRaw === null) {
    const nodes = int(nodesRaw, 1, MAX_NODES);
    if (nodes === null) {
      const m = wholeMsg({ en: 'the number of nodes', ru: 'число нод' }, 'должно', 1, MAX_NODES);
      errors.push(bad('nodes', nodesRaw, `${m.en} Showing the seed lab.`, `${m.ru} Показан учебный стенд.`));
    } else {
      try {
        out.topology = generateCluster({ nodes, podsPerNode: pods });
        out.lab = { nodes, pods };
        rememberGenerated(out.topology, out.lab);
      } catch (e) {
        if (!(e instanceof JourneyError)) throw e;
        errors.push(e.text);
      }
    }
  }

  // The journey: any journey parameter overrides the default journey of this lab (a scenario's own).
  const lab = out.topology ?? seedLab();
  const base = scenario ? completeSpec(lab, scenario.journey) : defaultSpec(lab);
  const names = namespaceNames(lab);
  const isNs = (v: string) => names.pods.includes(v) || names.machines.includes(v);
  const spec: JourneySpec = { ...base };
  let journeyAsked = scenario !== undefined;
  const from = get('from');
  if (from !== null) {
    journeyAsked = true;
    if (isNs(from)) spec.from = from;
    else errors.push(bad('from', from, `“${quote(from)}” is not a pod or machine of this lab; “From” is set to ${base.from}.`, `«${quote(from)}» — не под и не машина этого стенда; в поле «Откуда» выбран ${base.from}.`));
  }
  const to = get('to');
  if (to !== null) {
    journeyAsked = true;
    if (isNs(to) || isIpv4(to)) spec.to = to.trim();
    else errors.push(bad('to', to, `“${quote(to)}” is neither a pod or machine of this lab nor an IPv4 address; “To” is set to ${base.to}.`, `«${quote(to)}» — не под, не машина этого стенда и не IPv4-адрес; в поле «Куда» выбран ${base.to}.`));
  }
  const proto = get('proto');
  if (proto !== null) {
    journeyAsked = true;
    if (proto === 'icmp' || proto === 'udp' || proto === 'tcp') spec.proto = proto;
    else errors.push(bad('proto', proto, 'the protocol must be icmp, udp or tcp; using icmp.', 'протокол должен быть icmp, udp или tcp; взят icmp.'));
  }
  const port = get('port');
  if (port !== null) {
    journeyAsked = true;
    const n = int(port, 1, 65535);
    if (n === null) {
      const m = wholeMsg({ en: 'the port', ru: 'порт' }, 'должен', 1, 65535);
      errors.push(bad('port', port, m.en, m.ru));
    } else if ((spec.proto ?? 'icmp') === 'icmp') {
      errors.push(bad('port', port, 'ICMP has no ports, so the port was ignored: add proto=udp or proto=tcp.', 'у ICMP нет портов, порт пропущен: добавьте proto=udp или proto=tcp.'));
    } else spec.port = n;
  }
  const count = get('count');
  if (count !== null) {
    journeyAsked = true;
    const n = int(count, 1, MAX_COUNT);
    const m = wholeMsg({ en: 'the number of packets', ru: 'число пакетов' }, 'должно', 1, MAX_COUNT);
    if (n === null) errors.push(bad('count', count, m.en, m.ru));
    else spec.count = n;
  }
  const ttl = get('ttl');
  if (ttl !== null) {
    journeyAsked = true;
    const n = int(ttl, 1, 255);
    const m = wholeMsg({ en: 'TTL', ru: 'TTL' }, 'должен', 1, 255);
    if (n === null) errors.push(bad('ttl', ttl, m.en, m.ru));
    else spec.ttl = n;
  }
  const size = get('size');
  if (size !== null) {
    journeyAsked = true;
    const n = int(size, 0, MAX_SIZE);
    if (n === null) {
      const m = wholeMsg({ en: 'the size (bytes of data)', ru: 'размер (байт данных)' }, 'должен', 0, MAX_SIZE);
      errors.push(bad('size', size, m.en, m.ru));
    } else if ((spec.proto ?? 'icmp') === 'tcp') {
      errors.push(bad('size', size, 'a TCP SYN carries no data here, so the size was ignored.', 'TCP SYN здесь не несёт данных, размер пропущен.'));
    } else spec.size = n;
  }
  const warm = get('warm');
  if (warm !== null) {
    journeyAsked = true;
    if (warm === '1' || warm === '0') spec.warm = warm === '1';
    else errors.push(bad('warm', warm, 'must be 1 (caches start warm) or 0 (caches start empty).', 'должно быть 1 (кэши заполнены) или 0 (кэши пусты).'));
  }
  if (journeyAsked) out.spec = spec;

  // The view.
  const lang = get('lang');
  if (lang !== null) {
    if (lang === 'en' || lang === 'ru') out.lang = lang;
    else errors.push(bad('lang', lang, 'the language must be en or ru.', 'язык должен быть en или ru.'));
  }
  const theme = get('theme');
  if (theme !== null) {
    if (theme === 'light' || theme === 'dark') out.theme = theme;
    else errors.push(bad('theme', theme, 'the theme must be light or dark.', 'тема должна быть light или dark.'));
  }
  const step = get('step');
  if (step !== null) {
    const n = int(step, 1, 999_999_999);
    if (n === null) errors.push(bad('step', step, 'the event number must be a whole number, 1 or more; opening at event 1.', 'номер события должен быть целым числом, не меньше 1; открыто событие 1.'));
    else out.step = n;
  }
  const speed = get('speed');
  if (speed !== null) {
    const v = SPEEDS.find((s) => String(s) === speed.trim());
    const list = SPEEDS.join(', ');
    if (v === undefined) errors.push(bad('speed', speed, `the speed must be one of ${list}; using 1.`, `скорость должна быть одной из ${list}; взята 1.`));
    else out.speed = v;
  }
  const follow = get('follow');
  if (follow !== null) {
    if (follow === '1' || follow === '0') out.follow = follow === '1';
    else errors.push(bad('follow', follow, 'must be 1 (the view follows the packet) or 0 (the whole lab).', 'должно быть 1 (вид следует за пакетом) или 0 (весь стенд).'));
  }
  const panels = get('panels');
  if (panels !== null) {
    if (panels === '1' || panels === '0') out.panels = panels === '1';
    else errors.push(bad('panels', panels, 'must be 1 (packet and side panels shown) or 0 (only the drawing and the explanation).', 'должно быть 1 (панели видны) или 0 (только схема и объяснение).'));
  }
  const future = get('future');
  if (future !== null) {
    if (future === '1' || future === '0') out.hideFuture = future === '0';
    else errors.push(bad('future', future, 'must be 1 (the event log lists every event) or 0 (only the events up to the one shown).', 'должно быть 1 (журнал показывает все события) или 0 (только события до показанного).'));
  }
  return out;
}
