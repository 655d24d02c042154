// Builds the `marginalia` command line into out/cli/marginalia.mjs: one ES module for Node with
// every dependency and the REFI-QDA schemas bundled, so it runs without node_modules.
import { chmodSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  root,
  plugins: [
    {
      // npm links package.json's "bin" to this file on install, before it exists; it must be
      // executable for `npx marginalia` to run it.
      name: 'marginalia-executable',
      writeBundle(options) {
        if (options.dir) chmodSync(join(options.dir, 'marginalia.mjs'), 0o755);
      },
    },
  ],
  publicDir: false,
  define: { __MARGINALIA_VERSION__: JSON.stringify(version) },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: resolve(root, 'cli/marginalia.ts'),
    outDir: process.env.MARGINALIA_CLI_OUT ?? resolve(root, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'marginalia.mjs', banner: '#!/usr/bin/env node' },
    },
  },
});
