import { describe, expect, it, vi } from 'vitest';
import { seedCalicoIpip } from './presets/calicoPresets';
import { seedCiliumNativeWireguard, seedCiliumWireguard } from './presets/ciliumScenarios';
import { seedVxlan } from './presets/datapathScenarios';
import { seedTopology } from './presets/seed';
import { seedWeave } from './presets/weaveScenarios';
import { runJourney } from './sim/runJourney';
import { packsOf } from './sim/packs';
import { tellEvent } from './narrate/index';

/*
 * The datapath packs (core/packs.ts): which a lab needs, the refusal without them, and their load
 * (engine and sentences) as a page does it. The tests' setup registers every pack (core/allPacks.ts),
 * so the page's side runs on fresh copies of the core's modules (vi.resetModules), which start with none.
 */

/**
 * Fresh copies of the modules a page holds, with no pack registered and only `langs`' narrators;
 * the validator too unless `validator` is false (the labs built outside the fresh copies are not
 * vouched for in them, as a lab from outside is not).
 */
async function freshPage(langs: readonly ('en' | 'ru')[], validator = true) {
  vi.resetModules();
  if (validator) await import('./model/validate');
  const packs = await import('./packs');
  const run = await import('./sim/runJourney');
  const narrate = await import('./narrate/index');
  const narrators = await import('./i18n/narrators');
  const languages = await import('./i18n/languages');
  const told = await import('./i18n/packNarration');
  const tellers = await import('./narrate/packTellers');
  if (langs.includes('en')) narrators.registerNarrator('en', (await import('./i18n/en/narrator')).narratorEn);
  if (langs.includes('ru')) narrators.registerNarrator('ru', (await import('./i18n/ru/narrator')).narratorRu);
  const seed = await import('./presets/seed');
  return { ...packs, ...run, ...narrate, ...languages, ...told, ...tellers, ...seed };
}

describe('the validator, a part loaded like a pack', () => {
  it('a lab from outside waits for the validator; our own labs, vouched valid, run without it', async () => {
    const page = await freshPage(['en'], false);
    const spec = { from: 'pod1', to: 'pod3' };
    // The page's own seed lab is vouched for: it needs nothing and runs.
    expect(page.missingPacks(page.seedLab())).toEqual([]);
    expect(page.runJourney(page.seedLab(), spec).events.at(-1)?.type).toBe('deliver');
    // The same lab read from outside (a link, a file, storage) is not: it is refused, naming the part.
    const outside = structuredClone(seedTopology());
    expect(page.missingPacks(outside)).toEqual(['validation']);
    expect(() => page.runJourney(outside, spec)).toThrow(expect.objectContaining({ kinds: ['validation'] }));
    await page.loadPacks(page.missingPacks(outside));
    expect(page.missingPacks(outside)).toEqual([]);
    expect(page.runJourney(outside, spec).events).toEqual(runJourney(seedTopology(), spec).events);
    // And a broken lab from outside is refused by the validator, as before (codes: this fresh page holds no problems' sentences).
    const broken = { ...outside, machines: [...outside.machines, ...outside.machines.slice(0, 1)] };
    expect(() => page.runJourney(broken, spec)).toThrow(expect.objectContaining({ text: expect.objectContaining({ en: expect.stringContaining('duplicate-name') }) }));
  });
});

describe('datapath packs', () => {
  it('a lab needs the packs of its devices, and the seed lab none', () => {
    expect(packsOf(seedTopology())).toEqual([]);
    expect(packsOf(seedVxlan())).toEqual(['vxlan']);
    expect(packsOf(seedCalicoIpip())).toEqual(['ipip']);
    expect(packsOf(seedWeave())).toEqual(['vxlan', 'ovs']);
    expect(packsOf(seedCiliumWireguard())).toEqual(['vxlan', 'wireguard', 'bpf']);
    expect(packsOf(seedCiliumNativeWireguard())).toEqual(['wireguard', 'bpf']);
  });

  it('runJourney refuses a lab whose packs are not loaded, naming them, and runs it the same once they are', async () => {
    const page = await freshPage(['en']);
    const lab = seedVxlan();
    const spec = { from: 'pod1', to: 'pod3' };
    expect(page.missingPacks(lab)).toEqual(['vxlan']);
    let refused: unknown = null;
    try {
      page.runJourney(lab, spec);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(page.PacksMissingError);
    expect((refused as InstanceType<typeof page.PacksMissingError>).kinds).toEqual(['vxlan']);
    // The seed lab needs no pack: it runs on the base engine alone.
    expect(page.runJourney(seedTopology(), spec).events.at(-1)?.type).toBe('deliver');
    await page.loadPacks(page.missingPacks(lab));
    expect(page.missingPacks(lab)).toEqual([]);
    const loaded = page.runJourney(lab, spec);
    expect(loaded.events).toEqual(runJourney(lab, spec).events);
    expect(loaded.events.some((e) => e.type === 'vxlan')).toBe(true);
  });

  it('a pack brings its sentences in the page’s language; a language loaded later brings them too', async () => {
    const page = await freshPage(['en']);
    const lab = seedCiliumWireguard();
    const spec = { from: 'pod1', to: 'pod3' };
    await page.loadPacks(page.missingPacks(lab));
    const result = page.runJourney(lab, spec);
    const wg = result.events.findIndex((e) => e.type === 'wireguard');
    expect(wg).toBeGreaterThan(0);
    expect(page.tellEvent(result, wg, 'en')).toBe(tellEvent(runJourney(lab, spec), wg, 'en'));
    expect(page.hasPackNarration('wireguard', 'ru')).toBe(false);
    expect(page.hasLanguage('ru')).toBe(false);
    await page.loadLanguage('ru');
    expect(page.hasPackNarration('wireguard', 'ru')).toBe(true);
    expect(page.hasPackNarration('bpf', 'ru')).toBe(true);
    // A pack the page never held stays unloaded in either language.
    expect(page.hasPackNarration('ipip', 'ru')).toBe(false);
    expect(page.tellEvent(result, wg, 'ru')).toBe(tellEvent(runJourney(lab, spec), wg, 'ru'));
  });

  it('telling a pack’s event before its sentences are here fails loudly, never silently', async () => {
    const page = await freshPage(['en']);
    const lab = seedCalicoIpip();
    const spec = { from: 'pod1', to: 'pod3' };
    const result = runJourney(lab, spec);
    const ipip = result.events.findIndex((e) => e.type === 'ipip');
    expect(ipip).toBeGreaterThan(0);
    // Neither the pack's choice of messages nor its sentences are here: the pack is named.
    expect(() => page.tellEvent(result, ipip, 'en')).toThrow(/packs-not-loaded: ipip/);
    // Its choosers alone are not enough: the sentences are named.
    page.registerPackTeller('ipip', (await import('./narrate/tellIpip')).ipipTeller);
    expect(() => page.tellEvent(result, ipip, 'en')).toThrow(/ipip-narration-not-loaded: en/);
    await page.loadPacks(['ipip']);
    expect(page.tellEvent(result, ipip, 'en')).toBe(tellEvent(result, ipip, 'en'));
  });
});
