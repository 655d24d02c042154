// Global setup for the e2e project: checks there is a browser, builds the web app once, serves
// dist/web on a free port, and hands its URL to every test as `inject('baseUrl')`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { repoRoot, webBuildDir } from '../e2e/support/paths';
import { serveStatic } from '../e2e/support/staticServer';
import { chromium, chromiumMissing, isCI } from './machine';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the served web build, ending with '/'. */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Outside CI the config leaves this project empty when there is no browser; under CI=true a
  // missing browser fails here, once, before the web build.
  const browser = chromium();
  if (browser.path === null) throw new Error(`${isCI ? 'CI=true: ' : ''}${chromiumMissing(browser.reason)}.`);

  const reuseBuild = process.env.E2E_SKIP_BUILD === '1' && existsSync(resolve(webBuildDir, 'index.html'));
  if (!reuseBuild) await buildWebApp();

  const server = await serveStatic(webBuildDir, 0);
  project.provide('baseUrl', server.url);
  return () => server.close();
}

/**
 * Vitest sets NODE_ENV=test in this process, and Vite would then bundle React's development
 * build; the tests must drive what `npm run build:web` ships, so production is pinned here.
 */
async function buildWebApp(): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: resolve(repoRoot, 'vite.web.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: webBuildDir, emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
