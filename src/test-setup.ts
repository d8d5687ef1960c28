import '@testing-library/jest-dom/vitest';
// Tests tell journeys in both languages without waiting for a language to load.
import './core/i18n/allNarrators';
// …and open any scenario without loading the catalogue first.
import { SCENARIOS } from './core/presets/scenarios';
import { registerScenarios } from './store/presets';

registerScenarios(SCENARIOS);
