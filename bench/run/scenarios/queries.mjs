// Queries in the real app on the big project (100,000 codings): the web build opened on the
// seeded profile, the "Queries" tab built with the mouse, and "Run query" clicked; timed from the
// click to the frame that shows the result count (the query runs in the analysis worker: codings
// read from the cached columns, the filter, the pure query). The first query of a session also
// reads the coding columns; the others find them cached, as a user's second query does.
import { openApp } from './app.mjs';
import { progress } from '../session.mjs';

/** The queries timed, in the builder's words: two themes of the seeded codebook with their subcodes. */
export const QUERIES = [
  { key: 'and', find: 'A and B overlap (AND)' },
  { key: 'or', find: 'A or B (OR)' },
  { key: 'not', find: 'Coded A but not B (NOT)' },
  { key: 'sameCase', find: 'A and B in the same…', same: 'case' },
  { key: 'sameParagraph', find: 'A and B in the same…', same: 'paragraph' },
  { key: 'near', find: 'B within N characters or paragraphs of A', distance: 200, unit: 'characters' },
  { key: 'followedBy', find: 'A followed by B', distance: 2, unit: 'paragraphs' },
];

/** Injected: from the next click on "Run query" to the painted frame showing a result count. */
function armRunToCount() {
  window.__benchQuery = new Promise((resolve) => {
    addEventListener(
      'click',
      (event) => {
        const clicked = event.timeStamp;
        const status = () => document.querySelector('[role="status"][aria-label="Query results"]')?.textContent ?? '';
        const check = () => {
          if (status() !== '') {
            const shown = status();
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ ms: performance.now() - clicked, shown });
            channel.port2.postMessage(null);
          } else if (performance.now() - clicked > 60_000) resolve(null);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      },
      { capture: true, once: true },
    );
  });
}

async function build(page, q, codes = ['Trust', 'Access']) {
  const builder = page.locator('form[aria-label="Query builder"]');
  await builder.locator('select[aria-label="Code A"]').selectOption({ label: codes[0] });
  const a = builder.locator('input[aria-label="Include the subcodes of A"]');
  if (!(await a.isChecked())) await a.click();
  await builder.locator('select[aria-label="Find"]').selectOption({ label: q.find });
  if (q.same) await builder.locator('select[aria-label="Same"]').selectOption({ label: q.same });
  if (q.distance !== undefined) {
    await builder.locator('input[aria-label="Distance"]').fill(String(q.distance));
    await builder.locator('select[aria-label="Distance unit"]').selectOption({ label: q.unit });
  }
  await builder.locator('select[aria-label="Code B"]').selectOption({ label: codes[1] });
  const b = builder.locator('input[aria-label="Include the subcodes of B"]');
  if (!(await b.isChecked())) await b.click();
}

export async function runQueriesScenario({ baseUrl, profileDir, runs, sources }) {
  const samples = { first: [], ...Object.fromEntries(QUERIES.map((q) => [q.key, []])) };
  const shown = {};
  for (let run = 0; run < runs; run++) {
    const done = progress(`queries, big project, run ${run + 1}/${runs}`);
    const { context, page } = await openApp(profileDir, `${baseUrl}app/`, { highlighted: true, sources, counts: true });
    try {
      await page.locator('#view-tab-queries').click();
      await page.locator('form[aria-label="Query builder"]').waitFor();
      // The first query of the session (the worker reads the coding columns) on two other codes,
      // so the timed AND is not the list remembered from it; then each kind warm.
      for (const [i, q] of [QUERIES[0], ...QUERIES].entries()) {
        await build(page, q, i === 0 ? ['Safety', 'Cost'] : undefined);
        await page.evaluate(armRunToCount);
        await page.locator('form[aria-label="Query builder"] button[type="submit"]').click();
        const result = await page.evaluate(() => window.__benchQuery);
        if (result === null) throw new Error(`the ${q.key} query showed no result within a minute`);
        if (i === 0) samples.first.push(result.ms);
        else {
          samples[q.key].push(result.ms);
          shown[q.key] = result.shown;
        }
      }
    } finally {
      await context.close();
    }
    done(`AND ${samples.and.at(-1).toFixed(0)} ms, same paragraph ${samples.sameParagraph.at(-1).toFixed(0)} ms`);
  }
  return { samples, shown };
}
