import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticReach } from './staticReach';

/*
 * What the first load of each page may not carry (issue 11's size targets, `npm run bench`): the
 * modules reached from an entry by static imports, as the bundler follows them into the chunks the
 * page loads before it draws. `import()` starts a chunk of its own, loaded on first use; a type-only
 * import is erased. The build's chunks follow these edges, so a module missing here is missing there.
 */

const ROOT = join(import.meta.dirname, '..');
/** Every module and package an entry reaches by static imports. */
const firstLoad = (entry: string): Set<string> => staticReach(ROOT, entry);

const ENTRIES = { 'the first page': 'src/main.tsx', 'the embed': 'src/embed.tsx', '<packet-journey>': 'src/element.tsx' } as const;

/** What loads on first use, and why it must not come with any page's first load. */
const ON_DEMAND: Record<string, string> = {
  'src/components/editor/EditToolbar.tsx': 'the editor loads when Edit is pressed',
  'src/components/editor/EditLayer.tsx': 'the editor loads when Edit is pressed',
  'src/components/editor/ChecksPanel.tsx': 'the checks and the inspector load with the editor',
  'src/components/editor/Inspector.tsx': 'the inspector loads with the editor',
  'src/components/editor/useEditActions.ts': 'edit actions load with the editor (or the first editing key)',
  'src/core/editing.ts': 'the editor’s core (lab edits, checks) loads with the editor',
  'src/core/model/labChecks.ts': 'the design checks load with the editor',
  'src/components/export/ExportButtons.tsx': 'pictures, handout and offline page load when the export menu is reached',
  'src/core/export/pcapng.ts': 'the pcapng writer loads on the first capture download',
  'src/components/library/LabsDialog.tsx': 'My labs loads when its button is pressed',
  'src/app/keeping.ts': 'IndexedDB and the keeper load after the first draw',
  'src/components/terminal/TerminalPanel.tsx': 'the cluster terminal loads when opened',
  'src/core/cluster/terminal.ts': 'the cluster terminal loads when opened',
  'src/components/compare/CompareDialog.tsx': 'the compare view loads when opened',
  'src/components/import/ImportDialog.tsx': 'the cluster import (its readers and the CNI model it builds with) loads when opened',
  'src/core/import/index.ts': 'the cluster import loads when opened',
  'src/components/cni/CniStoryPanel.tsx': 'a CNI story loads when chosen',
  'src/core/presets/cniStories.ts': 'the CNI scenarios (they run the CNI model) load when one is chosen',
  'src/core/model/podNetwork.ts': 'the CNI model (addPod) loads with the editor or a CNI story',
  'src/components/canvas/MovingGlyph.tsx': 'the moving packet (motion) loads when a packet first moves',
  motion: 'motion loads with the first moving packet',
  'idb-keyval': 'IndexedDB loads with the keeper',
  'src/core/i18n/en/narrator.ts': 'the narrator’s prose loads per language',
  'src/core/i18n/ru/narrator.ts': 'the narrator’s prose loads per language',
  'src/components/i18n/strings.ts': 'the interface’s texts load per language (components/i18n/langStrings.ts)',
  'src/components/i18n/ru/strings.ts': 'the interface’s texts load per language (components/i18n/langStrings.ts)',
  'src/core/presets/scenario-titles.en.json': 'the scenarios’ titles load per language (core/presets/scenarioTitles.ts)',
  'src/core/presets/scenario-titles.ru.json': 'the scenarios’ titles load per language (core/presets/scenarioTitles.ts)',
  'src/core/i18n/en/cli.ts': 'the trace command’s messages are the command’s own',
  'src/components/i18n/editorStrings.ts': 'the editor’s texts load with it',
  'src/components/i18n/inspectorStrings.ts': 'the inspector’s texts load with it',
  'src/components/i18n/libraryStrings.ts': 'My labs’ texts load with its dialog',
  'src/components/i18n/terminalStrings.ts': 'the terminal’s texts load with it',
  'src/components/i18n/compareStrings.ts': 'the compare view’s texts load with it',
  'src/components/i18n/exportStrings.ts': 'the exports’ texts load with them',
  'src/core/presets/scenarios.ts': 'the scenarios’ labs load when one is chosen or named by the address; the Scenario list reads their index',
  'src/core/model/schema.ts': 'the topology’s zod schema loads with the first untrusted lab (a link’s, a file, storage, the editor): the pages’ own labs need no shape check',
  'src/core/model/labFile.ts': 'lab files and a link’s lab are read through the schema, loaded when one is read (store/labReader.ts)',
  'src/core/i18n/catalogs.ts': 'the problems’ sentences load with what raises a problem (the schema, TopologyEditError): the pages’ own labs raise none',
  'src/components/canvas/zoomBehaviour.ts': 'd3-zoom (with d3-selection, -transition, -interpolate, -color, -drag, -timer) loads with the first gesture over the drawing, zoom button or animated camera move; the drawing is placed without it',
  'src/core/model/editError.ts': 'an edit’s refusal loads with the code that refuses (the editor, the compare view, the import)',
  'src/core/model/validate.ts': 'the validator loads with the first lab from outside (a link, a file, storage, an edit): core/packs.ts’s “validation” part; our own labs are vouched valid (model/vouch.ts)',
  'src/core/sim/vxlan.ts': 'the VXLAN device is a datapath pack, loaded with the first lab that has one (core/packs.ts)',
  'src/core/sim/wireguard.ts': 'WireGuard is a datapath pack, loaded with the first lab that has the device (core/packs.ts)',
  'src/core/sim/ipip.ts': 'the IPIP tunnel is a datapath pack, loaded with the first lab that has tunl0 (core/packs.ts)',
  'src/core/sim/ovs.ts': 'Weave’s OVS datapath is a datapath pack, loaded with the first lab that has a vport (core/packs.ts)',
  'src/core/sim/bpfCilium.ts': 'Cilium’s eBPF is a datapath pack, loaded with the first lab that attaches a program (core/packs.ts)',
  'src/core/allPacks.ts': 'every pack at once is for Node programs and tests',
  'src/core/narrate/tellVxlan.ts': 'the narrator’s choice of a datapath pack’s messages loads with the pack (narrate/packTellers.ts)',
  'src/core/narrate/tellWg.ts': 'the narrator’s choice of a datapath pack’s messages loads with the pack (narrate/packTellers.ts)',
  'src/core/narrate/tellIpip.ts': 'the narrator’s choice of a datapath pack’s messages loads with the pack (narrate/packTellers.ts)',
  'src/core/narrate/tellOvs.ts': 'the narrator’s choice of a datapath pack’s messages loads with the pack (narrate/packTellers.ts)',
  'src/core/narrate/tellBpf.ts': 'the narrator’s choice of a datapath pack’s messages loads with the pack (narrate/packTellers.ts)',
  'src/core/i18n/en/vxlanEvents.ts': 'a datapath pack’s sentences load with the pack, one language at a time (i18n/packNarration.ts)',
  'src/core/i18n/en/wgEvents.ts': 'a datapath pack’s sentences load with the pack, one language at a time (i18n/packNarration.ts)',
  'src/core/i18n/en/ipipEvents.ts': 'a datapath pack’s sentences load with the pack, one language at a time (i18n/packNarration.ts)',
  'src/core/i18n/en/ovsEvents.ts': 'a datapath pack’s sentences load with the pack, one language at a time (i18n/packNarration.ts)',
  'src/core/i18n/en/bpfEvents.ts': 'a datapath pack’s sentences load with the pack, one language at a time (i18n/packNarration.ts)',
  'src/core/i18n/ru/vxlanEvents.ts': 'a datapath pack’s sentences load with the pack, one language at a time (i18n/packNarration.ts)',
  'src/core/i18n/ru/wgEvents.ts': 'a datapath pack’s sentences load with the pack, one language at a time (i18n/packNarration.ts)',
  'src/core/i18n/ru/ipipEvents.ts': 'a datapath pack’s sentences load with the pack, one language at a time (i18n/packNarration.ts)',
  'src/core/i18n/ru/ovsEvents.ts': 'a datapath pack’s sentences load with the pack, one language at a time (i18n/packNarration.ts)',
  'src/core/i18n/ru/bpfEvents.ts': 'a datapath pack’s sentences load with the pack, one language at a time (i18n/packNarration.ts)',
  'src/components/panels/EventLog.tsx': 'the event log loads when its tab is reached: the side panel opens on the tables',
  'src/components/proof/ProofBlock.tsx': '“Check it on real Linux” is drawn folded (ProofFold); its commands load when it is opened',
  'src/core/proof/proofs.ts': 'the proofs’ commands load when “Check it on real Linux” is opened; the fold asks proofShown.ts alone',
  'src/core/proof/proofWg.ts': 'the WireGuard proofs load with the other proofs, when “Check it on real Linux” is opened',
  'src/components/i18n/proofStrings.ts': 'the proofs’ texts load with them; the fold’s title is in STRINGS',
};

/** What no page loads first: zod reads a lab from outside; commands are read by plain code. */
const NO_ZOD: Record<string, string> = {
  zod: 'zod reads untrusted labs only (a link’s, a file, storage, the editor’s values); commands and parameters are read by plain code',
};

/** What the app's page and the embed leave out too; <packet-journey>'s command methods answer at once, so it reads commands from the start. */
const NOT_IN_FRAMES: Record<string, string> = {
  'src/store/embedMessages.ts': 'the embed reads postMessage commands with the first message that says it is ours',
};

/** What the players for other pages (the embed, <packet-journey>) leave out, though the app's page loads it at start. */
const NOT_IN_PLAYERS: Record<string, string> = {
  'src/store/createAppStore.ts': 'the players never edit: their store (createPlayerStore) has no editor slice and no undo history',
  'src/store/slices/editSlice.ts': 'the players never edit: the editor’s slice (edit gate, afterTopology) is the app’s',
  zundo: 'the players keep no undo history',
  'src/store/slices/cniSlice.ts': 'the players play no CNI story',
  'src/components/player/Controls.tsx': 'the full controls load only for controls=full (components/embed/FullControlsSlot.tsx)',
  'src/components/player/Timeline.tsx': 'the timeline loads only with the full controls',
  'src/components/player/ShareButtons.tsx': 'the link buttons load only with the full controls',
  'src/components/player/ChapterToc.tsx': 'the chapters’ contents load only with the full controls',
  'src/components/export/ExportMenu.tsx': 'the export menu loads only with the full controls',
  'src/components/i18n/useStrings.ts': 'the players read the player’s texts (usePlayerStrings); useStrings needs the panels’ table',
  'src/components/i18n/panelStrings.ts': 'the panels’ texts (form, side panels, log) are the app’s: the players never show them',
  'src/components/i18n/logStrings.ts': 'the log’s and the inspector’s texts are in the panels’ table',
  'src/components/i18n/anySizeAppStrings.ts': 'the hidden future and the note on the lab are the app’s panels’',
  'src/components/i18n/wgPanelStrings.ts': 'the WireGuard header’s texts belong to the packet panel',
  'src/store/link.tsx': 'the players write links only from the link buttons (full controls); the address reader needs store/sameLab.ts alone',
  'lz-string': 'a lab link is compressed by the link buttons and read by the lab reader (store/labReader.ts), both loaded on demand',
};

/** What only the app's page carries from the start, and why the players for other pages do not. */
const APP_ONLY: Record<string, string> = {
  'src/core/presets/scenarioIndex.ts': 'the embed and the element have no Scenario list',
  'src/components/form/JourneyForm.tsx': 'the journey form is the app’s',
  'src/components/panels/SidePanels.tsx': 'the side panels are the app’s',
};

describe('each page’s first load', () => {
  for (const [page, entry] of Object.entries(ENTRIES)) {
    it(`${page} (${entry}) leaves every on-demand feature to its own chunk`, () => {
      const loaded = firstLoad(entry);
      // The walk reaches the player itself: a guard that walks nothing would pass anything.
      expect(loaded.has('src/components/canvas/NetworkCanvas.tsx')).toBe(true);
      expect(loaded.has('react-dom')).toBe(true);
      const notHere = entry === ENTRIES['the first page'] ? { ...ON_DEMAND, ...NO_ZOD, ...NOT_IN_FRAMES } : entry === ENTRIES['the embed'] ? { ...ON_DEMAND, ...APP_ONLY, ...NOT_IN_PLAYERS, ...NO_ZOD, ...NOT_IN_FRAMES } : { ...ON_DEMAND, ...APP_ONLY, ...NOT_IN_PLAYERS, ...NO_ZOD };
      const carried = Object.keys(notHere).filter((m) => loaded.has(m));
      expect(carried.map((m) => `${m}: ${notHere[m] ?? ''}`)).toEqual([]);
    });
  }

  it('the app’s page carries what it shows at once: the Scenario list’s index, the proof’s fold', () => {
    const loaded = firstLoad(ENTRIES['the first page']);
    expect(loaded.has('src/core/presets/scenarioIndex.ts')).toBe(true);
    // The fold is drawn with the explanation (no jump when its commands arrive), only its inside waits.
    expect(loaded.has('src/components/proof/ProofFold.tsx')).toBe(true);
    expect(loaded.has('src/core/proof/proofShown.ts')).toBe(true);
  });

  it('the app’s page carries what the players leave out: the editor’s store, the full controls, the panels’ texts (as a language part)', () => {
    const app = firstLoad(ENTRIES['the first page']);
    for (const m of ['src/store/createAppStore.ts', 'src/components/player/Timeline.tsx', 'src/components/i18n/panelLangStrings.ts']) expect(app.has(m), m).toBe(true);
  });

  it('names only modules that exist', () => {
    for (const m of Object.keys({ ...ON_DEMAND, ...APP_ONLY, ...NOT_IN_PLAYERS, ...NO_ZOD, ...NOT_IN_FRAMES }).filter((k) => k.startsWith('src/'))) expect(existsSync(join(ROOT, m)), m).toBe(true);
  });
});
