/**
 * The simulation core's public API: the only module other layers import from.
 * Pure TypeScript: no DOM, no Node, no UI libraries.
 */
export type * from './events';
export type * from './journey';
export type * from './model/topology';
export { SETTLE_MS, journeyDurationMs } from './journey';
export { formatProblem, problemsText, problemSeverity, type Problem, type ProblemCode } from './i18n/problems';
export { JourneyError } from './errors';
export { runJourney, normalizeSpec } from './sim/runJourney';
export { loadPacks, loadPacksFor, missingPacks, packsOf, PACK_KINDS, PacksMissingError, type PackKind, type PartKind } from './packs';
export { stateAt } from './state';
export { seedLab, seedTopology } from './presets/seed';
// The scenarios' catalogue is not re-exported: the embed and the element load it on demand (store/presets.ts).
export type { Scenario } from './presets/scenarios';
export { tellEvent, tellChapters, tellOutcome, storyOf, describeHeaders, icmpName, type Level, type ToldChapter, type Story } from './narrate/index';
export { LANGS, isLang, type Texts } from './i18n/lang';
export { hasNarrator, loadNarrator } from './i18n/narrators';
export { perLanguage, type PerLanguage } from './i18n/perLanguage';
export { addLanguagePart, hasLanguage, loadLanguage, type LanguagePart } from './i18n/languages';
export { specProblemTexts, type SpecProblem } from './i18n/specErrors';
export { plural, count } from './i18n/plural';
export { parseIp, parseCidr, formatIp, parseMac } from './net/ipv4';
export { formatText, formatJsonl, tcpdumpLine, type Lang, type Explain } from './format/text';
export { K8S_LIMITS, generateCluster, type ClusterOptions } from './presets/generate';
// TopologyEditError is the editor's ('./editing'): it loads the problems' sentences (i18n/catalogs.ts).
export type { AddPodOptions, AddedPod } from './model/podNetwork';
export type { LabCheck, LabFix } from './model/labChecks';
export type { ProblemPlace } from './model/checks/place';
// Reading lab files and lab links loads the zod schema: import them from './model/labFile' and
// './model/labLinkRead' where untrusted input is read (lazily on the pages), never from here.
export type { LabFileResult } from './model/labFile';
// Writing and reading lab links (lz-string) are not re-exported either: './model/labLink' where a
// link is written (the link buttons, pictures), './model/labLinkRead' where one is read.
export { samePositionsAside } from './model/samePositions';
export type { LabEdit, LabPoint } from './model/labEdits';
export type { IfaceRef, LinkResult } from './model/linkEdits';
export type { LabClipboard, PasteResult } from './model/clipboard';
// The editor's functions are in './editing' (their own entry, so a lazily loaded editor carries
// them in its own chunk rather than the player's first page).
export { renamedNamespaces } from './model/renames';
