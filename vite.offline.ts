/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';

/**
 * The offline page: `player.html` as one self-contained file (scripts, styles and lazy chunks
 * inlined by vite-plugin-singlefile), so it plays from `file://` where module scripts cannot be
 * fetched. Written beside the built app (`dist/player.html`, the app's "Save an offline page"
 * fetches it as its template); run by the main build's `offlinePlayer` plugin after the app's
 * bundle, so `vite build` makes it too. No CSP meta: a saved file has no server to send one, and
 * its scripts are inline.
 */
export default defineConfig({
  configFile: false,
  plugins: [react(), viteSingleFile()],
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: 'player.html' },
  },
});
