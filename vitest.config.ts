// One vitest run, four kinds of test: pure domain (node), Electron main (node, electron mocked),
// renderer components (jsdom + fake IndexedDB), and end to end (real Chromium on the web build).
// What a fresh clone may lack (a browser, ../shared, xmllint) skips its tests with one line each,
// printed after the summary; under CI=true nothing is skipped (tests/setup/machine.ts).
import { defineConfig } from 'vitest/config';
import type { Reporter } from 'vitest/node';
import react from '@vitejs/plugin-react';
import { chromium, isCI, missingRequirements } from './tests/setup/machine.js';

const missing = isCI ? [] : missingRequirements();
const runBrowserTests = isCI || chromium().path !== null;

/** Prints, after vitest's own summary, one line per requirement whose tests were skipped. */
const skipNotice: Reporter = {
  onTestRunEnd() {
    for (const line of missing) console.log(`Skipped: ${line}.`);
  },
};

/**
 * In Node, pdf.js runs its worker as a "fake worker" on the test's own thread, where a few of its
 * internal promises reject unhandled on a damaged file (XRefEntryException, FormatError, …) even though the
 * document's own promise rejects and our parser turns that into a reason (the PDF fuzz test checks
 * the reason). In the app pdf.js runs in a real Worker, where such a rejection stays inside it.
 * Only pdf.js's own exceptions thrown from its worker file are let through; anything else fails.
 */
function isPdfjsFakeWorkerRejection(error: { name?: string; stack?: string; stacks?: Array<{ file: string }> }): boolean {
  const fromWorker = (error.stack ?? '').includes('pdfjs-dist/legacy/build/pdf.worker.mjs') || (error.stacks ?? []).some((f) => f.file.includes('pdfjs-dist/legacy/build/pdf.worker.mjs'));
  // Every pdf.js exception (FormatError, XRefEntryException, …) is built by its BaseExceptionClosure.
  return fromWorker && (error.stack ?? '').includes('BaseExceptionClosure');
}

export default defineConfig({
  test: {
    reporters: ['default', skipNotice],
    onUnhandledError: (error) => (isPdfjsFakeWorkerRejection(error) ? false : undefined),
    // `--project e2e` on a machine without a browser: the skip line above, not a failure.
    passWithNoTests: !runBrowserTests,
    projects: [
      {
        test: {
          name: 'shared',
          environment: 'node',
          include: ['tests/shared/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'electron',
          environment: 'node',
          include: ['tests/electron/**/*.test.ts'],
          setupFiles: ['tests/setup/electron-mock.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/renderer.ts'],
          // Dialog tests render whole flows in jsdom: on a busy 2-core machine they need headroom.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          // No browser outside CI: the project stays (so `--project e2e` still names it) with no
          // files, and the notice above says how to enable it.
          include: runBrowserTests ? ['tests/e2e/**/*.test.ts', 'tests/acceptance/**/*.test.ts'] : [],
          globalSetup: runBrowserTests ? ['tests/setup/e2e-global.ts'] : [],
          setupFiles: ['tests/setup/e2e.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
