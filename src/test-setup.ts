import '@testing-library/jest-dom/vitest';
// Tests tell journeys in both languages without waiting for a language to load.
import './core/i18n/allNarrators';
// …run and tell every datapath (VXLAN, WireGuard, IP-in-IP, OVS, eBPF) without loading its pack (core/packs.ts)…
import './core/allPacks';
// …and draw the interface in both languages (components/i18n/langStrings.ts)…
import './components/i18n/allStrings';
// …validate every shape, as the pages do once untrusted input arrives (core/model/shapes.ts)…
import './core/model/schema';
// …and open any scenario without loading the catalogue first.
import { SCENARIOS } from './core/presets/scenarios';
import { titlesOfScenarios } from './core/presets/scenarioIndex';
import { registerScenarioTitles } from './core/presets/scenarioTitles';
import { registerScenarios } from './store/presets';
import { decodeLabLink, labLinkText } from './core/model/labLinkRead';
import { registerLabReader } from './store/labReader';

registerScenarios(SCENARIOS);
// The Scenario list's titles in both languages, as the page loads them with its language.
registerScenarioTitles('en', titlesOfScenarios(SCENARIOS, 'en'));
registerScenarioTitles('ru', titlesOfScenarios(SCENARIOS, 'ru'));
registerLabReader(decodeLabLink, labLinkText);
