// One measured session: Chromium started on a profile, one page opened, the work done, Chromium
// closed. Every run of every scenario gets its own session, so runs do not share a warm JIT,
// caches or garbage, and the renderer measured is the page's alone.
import { launchProfile, openBenchPage } from './chromium.mjs';

/**
 * @template T
 * @param {string} profileDir
 * @param {string} url
 * @param {(page: import('playwright-core').Page) => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function inSession(profileDir, url, work) {
  const context = await launchProfile(profileDir);
  try {
    const { page, errors } = await openBenchPage(context, url);
    try {
      return await work(page);
    } catch (error) {
      const real = errors.filter((e) => !e.includes('404'));
      if (real.length > 0) throw new Error(`${error instanceof Error ? error.message : error}\npage errors:\n${real.join('\n')}`, { cause: error });
      throw error;
    }
  } finally {
    await context.close();
  }
}

/** Prints progress on one line per step, so a long run shows where it is. */
export function progress(label) {
  const started = Date.now();
  process.stdout.write(`  ${label} … `);
  return (detail = '') => process.stdout.write(`${((Date.now() - started) / 1000).toFixed(1)} s${detail ? ` (${detail})` : ''}\n`);
}
