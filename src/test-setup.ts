import '@testing-library/jest-dom/vitest';
// Tests tell journeys in both languages without waiting for a language to load.
import './core/i18n/allNarrators';
