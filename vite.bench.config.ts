// Builds the benchmark's pages (bench/pages/*.html) as a static multi-page site in dist/bench.
// The pages import renderer modules directly (DocumentView, the database, operations) and put a
// small `window.bench` API on top, so the product itself carries no benchmark hooks.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const pagesDir = fileURLToPath(new URL('./bench/pages', import.meta.url));
const pages = Object.fromEntries(
  readdirSync(pagesDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => [file.replace(/\.html$/, ''), `${pagesDir}/${file}`]),
);

export default defineConfig({
  root: pagesDir,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/bench', import.meta.url)),
    emptyOutDir: true,
    // Unminified, for readable stacks and CPU profiles when a page is slow or fails. Minifying
    // changes download size, which no measurement includes (the pages are loaded before timing).
    minify: false,
    sourcemap: true,
    rolldownOptions: { input: pages },
  },
  worker: { format: 'es' },
});
