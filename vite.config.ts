/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The built app's Content-Security-Policy: only its own scripts, styles and images (data: for the
 * favicon and exported pictures), no plugins, no base-URI or form tricks. Nothing the user types
 * reaches HTML, and this makes sure injected markup could not run either. Only for the build: the
 * dev server injects inline scripts for hot reload. No frame-ancestors: slides embed the app.
 */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

function contentSecurityPolicy(): Plugin {
  return {
    name: 'packet-journey-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // Relative asset paths so the built app also works from a sub-folder or a slide deck's iframe.
  base: './',
  preview: { port: 4173, strictPort: true, host: '127.0.0.1', headers: { 'Content-Security-Policy': CSP } },
  // The budget that matters is the gzip size of the first page's JavaScript (<= 200 KB), measured
  // by `npm run bench`; the single ~530 KB raw chunk is ~170 KB gzipped.
  build: { chunkSizeWarningLimit: 600 },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
});
