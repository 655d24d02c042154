// Builds the three parts of the desktop app into out/: main (ESM, as package.json is
// "type": "module" and Electron ≥ 28 loads ESM), the sandboxed preload (CommonJS: Electron cannot
// load an ES module preload in a sandbox), and the renderer, which main serves as app://marginalia
// (electron/main/appProtocol.ts); renderer/public/ adds the page the storage migration loads.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { pdfjsAssets } from './scripts/pdfjsAssets.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

// Vite 8 bundles with Rolldown: `rolldownOptions` is the current name of `rollupOptions`.

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Everything is a devDependency: bundle it all, so the packaged app needs no node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), pdfjsAssets()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
