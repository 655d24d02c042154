// The analysis tabs on the big project (500 sources, 20 M characters, 100,000 codings) with 500
// cases added (one per source): through the bench page, the analysis and search workers' own
// figures (crosstab of every code × 500 cases, a regular expression over 20 M characters with its
// hits streaming, 5,000 hits auto-coded in one step and undone); then the real app (dist/bench/app):
// a click on the "Crosstab" tab → the 500-column table painted, and "Search" → first hits painted →
// the search finished.
import { inSession, progress } from '../session.mjs';
import { openApp } from './app.mjs';

const REGEX = String.raw`\b(?:night|late) (?:shift|bus)\b`;

/**
 * Injected: from the next click's timestamp until `done` (a named check) holds at the start of a
 * frame, then that frame is painted; also notes when `first` held, if given.
 */
function armClick({ done, first, columns = 0 }) {
  const checks = {
    // Only the columns in view are rendered: the table says how many it has, and its cells are there.
    crosstab: () => {
      const table = document.querySelector('table[aria-label="Crosstab"]');
      return Number(table?.getAttribute('aria-colcount')) === columns + 2 && table.querySelector('tbody td button') !== null;
    },
    firstHit: () => document.querySelector('[aria-label="Search hits"] .segment-row') !== null,
    searched: () => {
      const status = document.querySelector('.search-status')?.textContent ?? '';
      return status !== '' && !status.startsWith('Searching');
    },
  };
  window.__benchClick = new Promise((resolve) => {
    addEventListener(
      'click',
      (event) => {
        const clicked = event.timeStamp;
        let firstAt = null;
        const check = () => {
          if (first && firstAt === null && checks[first]()) firstAt = performance.now() - clicked;
          if (checks[done]()) {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ ms: performance.now() - clicked, firstMs: firstAt, status: document.querySelector('.search-status')?.textContent ?? '' });
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

export async function runAnalysisScenario({ baseUrl, profileDir, runs, sources }) {
  const samples = { crosstabCodings: [], crosstabCases: [], search: [], searchFirst: [], autoCode: [], autoCodePreview: [], autoCodeUndo: [], appCrosstab: [], appSearch: [], appSearchFirst: [] };
  let shape = null;
  const { cases } = await inSession(profileDir, `${baseUrl}storage.html`, (page) => page.evaluate(() => window.bench.analysis.seedCases()));
  for (let run = 0; run < runs; run++) {
    const done = progress(`analysis tabs, run ${run + 1}/${runs}`);
    await inSession(profileDir, `${baseUrl}storage.html`, async (page) => {
      const crosstab = await page.evaluate(() => window.bench.analysis.crosstab());
      samples.crosstabCodings.push(crosstab.codingsMs);
      samples.crosstabCases.push(crosstab.casesMs);
      const search = await page.evaluate(() => window.bench.analysis.search());
      samples.search.push(search.ms);
      samples.searchFirst.push(search.firstMs);
      const coded = await page.evaluate(() => window.bench.analysis.autoCode());
      samples.autoCode.push(coded.commitMs);
      samples.autoCodePreview.push(coded.previewMs);
      samples.autoCodeUndo.push(coded.undoMs);
      shape ??= { rows: crosstab.rows, columns: crosstab.columns, codings: crosstab.codings, characters: search.characters, hits: search.hits, batches: search.batches, autoCoded: coded.added };
    });
    const { context, page } = await openApp(profileDir, `${baseUrl}app/`, { highlighted: true, sources, counts: true });
    try {
      await page.evaluate(armClick, { done: 'crosstab', columns: cases });
      await page.getByRole('tab', { name: 'Crosstab' }).click();
      const shown = await page.evaluate(() => window.__benchClick);
      if (shown) samples.appCrosstab.push(shown.ms);
      await page.getByRole('tab', { name: 'Search' }).click();
      const view = page.getByRole('region', { name: 'Search', exact: true });
      await view.getByRole('searchbox', { name: 'Search for' }).fill(REGEX);
      await view.getByRole('checkbox', { name: 'Regular expression' }).check();
      await page.evaluate(armClick, { done: 'searched', first: 'firstHit' });
      await view.getByRole('button', { name: 'Search', exact: true }).click();
      const searched = await page.evaluate(() => window.__benchClick);
      if (searched) {
        samples.appSearch.push(searched.ms);
        if (searched.firstMs !== null) samples.appSearchFirst.push(searched.firstMs);
        shape.appStatus = searched.status;
      }
    } finally {
      await context.close();
    }
    done(`crosstab ${samples.crosstabCodings.at(-1).toFixed(0)} ms, search ${samples.search.at(-1).toFixed(0)} ms, auto-code ${samples.autoCode.at(-1).toFixed(0)} ms`);
  }
  return { samples, shape };
}
