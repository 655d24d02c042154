// Scenario 2, the big project, through the data layer on a seeded profile: opening it with the
// app's own live queries, retrieving one code with its subcodes, the co-occurrence matrix, and
// the product's segments CSV export. Each run is a fresh Chromium, so IndexedDB starts cold.
import { inSession, progress } from '../session.mjs';

export async function runProjectScenario({ baseUrl, profileDir, runs }) {
  const samples = { open: [], retrieve: [], retrieveAgain: [], matrix: [], matrixLoad: [], matrixCompute: [], csv: [], merge: [], mergeUndo: [] };
  let shape = null;
  for (let run = 0; run < runs; run++) {
    const done = progress(`big project, run ${run + 1}/${runs}`);
    await inSession(profileDir, `${baseUrl}storage.html`, async (page) => {
      samples.open.push((await page.evaluate(() => window.bench.projectOpen())).ms);
      const retrieved = await page.evaluate(() => window.bench.retrieveCode());
      samples.retrieve.push(retrieved.ms);
      // The same retrieval again: the worker's columns kept, only their stamps checked.
      samples.retrieveAgain.push((await page.evaluate(() => window.bench.retrieveCode())).ms);
      const matrix = await page.evaluate(() => window.bench.cooccurrence());
      samples.matrix.push(matrix.ms);
      samples.matrixLoad.push(matrix.loadMs);
      samples.matrixCompute.push(matrix.computeMs);
      const csv = await page.evaluate(() => window.bench.exportCsv());
      samples.csv.push(csv.ms);
      const merged = await page.evaluate(() => window.bench.mergeAndUndo());
      samples.merge.push(merged.mergeMs);
      samples.mergeUndo.push(merged.undoMs);
      shape ??= { retrievedCodes: retrieved.codes, retrievedSegments: retrieved.segments, matrixCodes: matrix.codes, csvRows: csv.rows, csvBytes: csv.bytes, mergeTouched: merged.touched };
    });
    done(`open ${samples.open.at(-1).toFixed(0)} ms, CSV ${samples.csv.at(-1).toFixed(0)} ms`);
  }
  return { samples, shape };
}
