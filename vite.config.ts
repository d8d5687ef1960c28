/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { staticReach } from './scripts/staticReach.ts';

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

/** reveal.js files the reveal.js example uses, from the pinned devDependency (no CDN). */
const REVEAL_FILES = ['reveal.js', 'reveal.css', 'reset.css'];
/** Where the example finds them, beside itself. */
const REVEAL_AT = 'examples/reveal/reveal-dist/';

/**
 * Serves reveal.js from node_modules to the reveal.js example (public/examples/reveal/) during
 * development, and copies the same files beside it into the build.
 */
function revealForExample(): Plugin {
  // reveal.js's exports name its stylesheet, not its package.json: its folder is the dist folder.
  const dir = () => dirname(createRequire(import.meta.url).resolve('reveal.js/reveal.css'));
  const type = (f: string) => (f.endsWith('.css') ? 'text/css' : 'text/javascript');
  return {
    name: 'packet-journey-reveal-example',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const file = REVEAL_FILES.find((f) => path === `/${REVEAL_AT}${f}`);
        if (!file) return next();
        res.setHeader('Content-Type', type(file));
        res.end(readFileSync(join(dir(), file)));
      });
    },
    generateBundle() {
      for (const f of REVEAL_FILES) this.emitFile({ type: 'asset', fileName: `${REVEAL_AT}${f}`, source: readFileSync(join(dir(), f)) });
    },
  };
}

/**
 * Builds the offline page (`vite.offline.ts`: `player.html` as one self-contained file) into the
 * same `dist` once the app's bundle is written, so `vite build` alone makes everything.
 */
function offlinePlayer(): Plugin {
  return {
    name: 'packet-journey-offline-player',
    apply: 'build',
    async closeBundle() {
      const { build } = await import('vite');
      await build({ configFile: 'vite.offline.ts' });
    },
  };
}

const ROOT = dirname(new URL(import.meta.url).pathname);
/** What the players for other pages load before they draw, and what the app's page does (`scripts/staticReach.ts`); walked at the first build's first question, not when tests load this file. */
let starts: { players: Set<string>; app: Set<string> } | null = null;

/**
 * Whether the module `id` (an absolute path) may go into the shared `player` chunk: one of the
 * players' own modules or packages, or a package below them (react-dom's scheduler), never what
 * only the app's page loads at start.
 */
function atPlayersStart(id: string): boolean {
  // The players' start: their entries, and the per-language chunks they await before drawing.
  const playerStarts = ['src/embed.tsx', 'src/element.tsx', 'src/components/i18n/strings.ts', 'src/components/i18n/ru/strings.ts'];
  starts ??= { players: new Set(playerStarts.flatMap((e) => [...staticReach(ROOT, e)])), app: staticReach(ROOT, 'src/main.tsx') };
  const { players, app } = starts;
  const rel = id.startsWith(ROOT) ? id.slice(ROOT.length + 1).split('?')[0] ?? '' : id;
  const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(rel)?.[1]?.replace('\\', '/');
  if (pkg !== undefined) return players.has(pkg) || !app.has(pkg);
  return !rel.startsWith('src/') || players.has(rel) || !app.has(rel);
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), revealForExample(), offlinePlayer()],
  // Relative asset paths so the built app also works from a sub-folder or a slide deck's iframe.
  base: './',
  preview: { port: 4173, strictPort: true, host: '127.0.0.1', headers: { 'Content-Security-Policy': CSP } },
  // The budgets that matter are the gzip sizes of each page's first load (issue 11: 150 KiB for the
  // app's page, 130 for the embed and the element), measured by `npm run bench -- sizes`.
  // Two pages, the player (index.html) and the embed for slides (embed.html, no form, editor or
  // library in its first load), and the <packet-journey> element (packet-journey.js).
  build: {
    chunkSizeWarningLimit: 600,
    // No module-preload polyfill (0.4 KiB of gzip and a request on each page's first load): every
    // browser the build targets loads the modules anyway, and all current ones preload
    // <link rel="modulepreload"> themselves (Chrome 66, Firefox 115, Safari 17); an older one only
    // fetches the shared chunk after the entry instead of beside it.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { main: 'index.html', embed: 'embed.html', 'packet-journey': 'src/element.tsx' },
      output: {
        // The web component keeps a name pages can write in a script tag; everything else is hashed.
        entryFileNames: (chunk) => (chunk.name === 'packet-journey' ? 'packet-journey.js' : 'assets/[name]-[hash].js'),
        // What the three pages load at start and share (React, the engine, the drawing, the store)
        // is one chunk, `player`: left to itself the bundler cut it into some twenty chunks by which
        // lazy chunks share which module, and each page paid every chunk's imports, exports and
        // gzip header (4 to 5 KiB of gzip per page, `npm run bench -- sizes`). Only modules some
        // page loads at start go in (`$initial`): a feature no page loads at start stays lazy
        // everywhere (the app's page does get the embed's small EmbedShell, which its compare view
        // would load later).
        // It takes only what a player for other pages (the embed, the element) loads at start: a
        // module the app's page alone loads at start and its lazy chunks share (lab links with
        // lz-string, the panels' texts' loader) would otherwise ride in every page's `player`.
        codeSplitting: { groups: [{ name: 'player', tags: ['$initial'], minShareCount: 3, test: atPlayersStart }] },
      },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
});
