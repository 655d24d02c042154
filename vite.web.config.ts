// Builds the renderer as a plain static web app (dist/web) that runs from any static server and
// any sub-path: the same bundle the end-to-end tests drive in Chromium.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pdfjsAssets } from './scripts/pdfjsAssets.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  // Relative asset URLs, so dist/web can be opened under /marginalia/ or any other prefix.
  base: './',
  plugins: [react(), pdfjsAssets()],
  // renderer/public holds only the desktop app's storage-migration page: not for the web build.
  publicDir: false,
  build: {
    // Absolute, because a relative outDir resolves against `root` (renderer/), not the repo.
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  // Module workers (parsers, pdf.js) may import shared chunks; the default 'iife' format cannot.
  worker: { format: 'es' },
});
