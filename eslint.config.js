// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports the pure simulation core must never make: it runs in Node, workers and tests alike. */
const coreForbidden = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core is pure TypeScript: no React.' },
    { group: ['zustand', 'zustand/*'], message: 'src/core must not know the store.' },
    { group: ['d3', 'd3-selection', 'd3-transition', 'd3-zoom', 'd3-drag'], message: 'src/core must not touch the DOM (no d3-selection and friends).' },
    { group: ['motion', 'motion/*', 'framer-motion'], message: 'src/core has no animation.' },
    { group: ['node:*', 'fs', 'path', 'child_process'], message: 'src/core must not use Node APIs: inject what it needs.' },
    { group: ['**/store/**', '**/components/**', '**/app/**', '**/geometry/**'], message: 'Layers point one way: core <- geometry <- store <- components <- app.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'reports', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', coreForbidden], 'no-restricted-globals': ['error', 'window', 'document', 'console', 'process', 'setTimeout', 'performance'] },
  },
  {
    files: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['src/geometry/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'zustand', 'd3-selection', 'd3-zoom', 'd3-drag', 'motion', 'motion/*'], message: 'geometry is pure layout maths.' },
          { group: ['**/store/**', '**/components/**', '**/app/**'], message: 'Layers point one way.' },
        ],
      }],
    },
  },
  {
    files: ['src/store/**/*.ts', 'src/store/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/components/**', '**/app/**'], message: 'Layers point one way: the store knows no components.' }] }],
    },
  },
  {
    files: ['src/components/**/*.ts', 'src/components/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/**'], message: 'Layers point one way: components know no app.' }] }],
    },
  },
);
