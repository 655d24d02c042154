// Keeps the benchmark's pages working (bench/pages, driven by `npm run bench`): builds them into
// a private folder, seeds tiny projects and calls every page's `window.bench` API once in real
// Chromium. No timing is asserted; the figures come from `npm run bench` alone.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { DocumentBench } from '../../bench/pages/benchApi';
import type { StorageBench } from '../../bench/pages/storage';
import type { SurveyBench } from '../../bench/pages/survey';
import { launchPersistent } from './support/browser';
import { repoRoot, testResultsDir } from './support/paths';
import { serveStatic, type StaticServer } from './support/staticServer';

const pagesDir = resolve(testResultsDir, 'bench-smoke');
const tinyDocument = { paragraphs: 120, averageParagraph: 75, codings: 60, codes: 12 };
const tinyProject = { sources: 4, sourceLength: 3_000, codings: 80, codes: 10 };

type Bench<T> = Window & { bench: T };

async function benchPage(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
  return page;
}

describe('the benchmark pages', () => {
  let server: StaticServer;
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    // Same reason as the e2e global setup: the pages must be the production build.
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: resolve(repoRoot, 'vite.bench.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: pagesDir, emptyOutDir: true } });
    } finally {
      if (previous === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = previous;
    }
    server = await serveStatic(pagesDir, 0);
    // A profile on disk, as the benchmark uses: IndexedDB survives between the pages.
    profile = await mkdtemp(join(tmpdir(), 'marginalia-bench-smoke-'));
    context = await launchPersistent(profile);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('seeds a document and renders it three ways', async () => {
    const storage = await benchPage(context, `${server.url}storage.html`);
    const seeded = await storage.evaluate((size) => (window as unknown as Bench<StorageBench>).bench.seedDocument(size, 1), tinyDocument);
    expect(seeded.codings).toBe(tinyDocument.codings);

    for (const name of ['document', 'naive', 'recogito']) {
      const page = await benchPage(context, `${server.url}${name}.html`);
      const loaded = await page.evaluate(() => (window as unknown as Bench<DocumentBench>).bench.load());
      expect(loaded).toMatchObject({ paragraphs: tinyDocument.paragraphs, codings: tinyDocument.codings });
      const opened = await page.evaluate(() => (window as unknown as Bench<DocumentBench>).bench.open(null, 30_000));
      expect(opened.ms).toBeGreaterThan(0);
      const applied = await page.evaluate(() => (window as unknown as Bench<DocumentBench>).bench.applyOne(0));
      expect(applied.ms).toBeGreaterThan(0);
      const scrolled = await page.evaluate(() => (window as unknown as Bench<DocumentBench>).bench.scroll(5));
      expect(scrolled.frames.length).toBeGreaterThan(5);
      expect(scrolled.lastScrollTop).toBeGreaterThan(0);
    }
  });

  it('measures the project, storage and survey operations', async () => {
    // A second profile: the pages open the first project they find, and the first holds the document.
    const projectProfile = await mkdtemp(join(tmpdir(), 'marginalia-bench-smoke-'));
    const projectContext = await launchPersistent(projectProfile);
    try {
      const page = await benchPage(projectContext, `${server.url}storage.html`);
      const seeded = await page.evaluate((size) => (window as unknown as Bench<StorageBench>).bench.seedProject(size, 2), tinyProject);
      expect(seeded.codings).toBe(tinyProject.codings);
      expect(await page.evaluate(() => (window as unknown as Bench<StorageBench>).bench.projectOpen())).toMatchObject({ ms: expect.any(Number) });
      expect(await page.evaluate(() => (window as unknown as Bench<StorageBench>).bench.retrieveCode())).toMatchObject({ codes: 5 });
      expect(await page.evaluate(() => (window as unknown as Bench<StorageBench>).bench.cooccurrence())).toMatchObject({ codes: tinyProject.codes });
      expect(await page.evaluate(() => (window as unknown as Bench<StorageBench>).bench.exportCsv())).toMatchObject({ rows: tinyProject.codings });
      const written = await page.evaluate((size) => (window as unknown as Bench<StorageBench>).bench.bulkWrite(size, 3), tinyProject);
      expect(written.codings).toBe(tinyProject.codings);
      expect(written.bySource.length).toBeGreaterThan(0);
      expect(written.byCode.length).toBeGreaterThan(0);

      const survey = await benchPage(projectContext, `${server.url}survey.html`);
      const imported = await survey.evaluate(() => (window as unknown as Bench<SurveyBench>).bench.measureImport({ answers: 50 }, 4));
      expect(imported).toMatchObject({ rows: 50, cases: 50, segments: 50, sources: 1 });
    } finally {
      await projectContext.close();
      await rm(projectProfile, { recursive: true, force: true });
    }
  });
});
