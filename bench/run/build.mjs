// Builds what the benchmark serves from dist/bench: the bench pages (vite.bench.config.ts) and the
// product's web build (vite.web.config.ts, written to dist/bench/app so the pages and the app share
// one origin, hence one IndexedDB, and the e2e tests' dist/web is left alone). Production mode:
// the figures must describe what ships, not React's development build.
import { resolve } from 'node:path';
import { build } from 'vite';
import { distDir, repoRoot } from './config.mjs';

export async function buildAll() {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: resolve(repoRoot, 'vite.bench.config.ts'), mode: 'production', logLevel: 'warn' });
    await build({
      configFile: resolve(repoRoot, 'vite.web.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: resolve(distDir, 'app'), emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
