/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Relative asset paths so the built app also works from a sub-folder or a slide deck's iframe.
  base: './',
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  // The budget that matters is the gzip size of the first page's JavaScript (<= 200 KB), measured
  // by `npm run bench`; the single ~530 KB raw chunk is ~170 KB gzipped.
  build: { chunkSizeWarningLimit: 600 },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
});
