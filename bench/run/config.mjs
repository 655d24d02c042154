// What the benchmark runs: the sizes by default, small ones with BENCH_QUICK=1, the number
// of repeated runs (BENCH_RUNS), and the one seed every generator starts from.
import { fileURLToPath } from 'node:url';
import { CHROMIUM_HINT, findChromium } from '../../scripts/findChromium.mjs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const distDir = fileURLToPath(new URL('../../dist/bench/', import.meta.url));
export const benchDir = fileURLToPath(new URL('../', import.meta.url));

export const quick = process.env.BENCH_QUICK === '1';
export const runs = Math.max(1, Number(process.env.BENCH_RUNS) || (quick ? 2 : 5));
/** Skip the two builds and use what dist/bench holds (for iterating on the runner only). */
export const skipBuild = process.env.BENCH_SKIP_BUILD === '1';
/** Comma-separated scenario keys to run (document, app, project, projectfiles, storage, survey, split, analysis); all by default. */
export const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** Why the bench cannot run on this machine (no browser), or null when it can. */
export function browserMissing() {
  const found = findChromium();
  return found.path === null ? `npm run bench needs a browser (${found.reason}): ${CHROMIUM_HINT}.` : null;
}

/** The browser, found as the end-to-end tests find it. */
export function chromiumPath() {
  const found = findChromium();
  if (found.path === null) throw new Error(browserMissing() ?? 'no browser');
  return found.path;
}

export const SEED = 20240115;

export const sizes = quick
  ? {
      document: { paragraphs: 2_500, averageParagraph: 75, codings: 2_000, codes: 50 },
      peerCodings: 1_000,
      project: { sources: 50, sourceLength: 40_000, codings: 10_000, codes: 50 },
      storage: { sources: 50, sourceLength: 8_000, codings: 10_000, codes: 50 },
      survey: { answers: 1_000 },
    }
  : {
      // ≈ 2 MB in 25,000 paragraphs, 20,000 codings over 50 codes.
      document: { paragraphs: 25_000, averageParagraph: 75, codings: 20_000, codes: 50 },
      // The peer goal is stated for 10,000 highlights.
      peerCodings: 10_000,
      // 500 sources × 40,000 characters ≈ 20 MB, 100,000 codings.
      project: { sources: 500, sourceLength: 40_000, codings: 100_000, codes: 50 },
      // The bulk write: 100,000 codings (their sources are shorter; only the codings are timed).
      storage: { sources: 500, sourceLength: 8_000, codings: 100_000, codes: 50 },
      survey: { answers: 10_000 },
    };

/** Per run: codings added one at a time, and scroll steps from top to bottom. */
export const APPLIES_PER_RUN = 20;
export const SCROLL_STEPS = 200;

export function wanted(key) {
  return only.length === 0 || only.includes(key);
}
