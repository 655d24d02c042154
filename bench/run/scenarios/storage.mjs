// Scenario 4, storage: the repository's bulk write of the codings into a fresh database on disk,
// then indexed reads by source and by code, in a persistent profile (real IndexedDB, never
// fake-indexeddb or an in-memory context).
import { SEED } from '../config.mjs';
import { inSession, progress } from '../session.mjs';

export async function runStorageScenario({ baseUrl, profileDir, runs, size }) {
  const samples = { write: [], bySource: [], byCode: [] };
  let shape = null;
  for (let run = 0; run < runs; run++) {
    const done = progress(`storage, run ${run + 1}/${runs}`);
    const result = await inSession(profileDir, `${baseUrl}storage.html`, (page) =>
      page.evaluate(([s, seed]) => window.bench.bulkWrite(s, seed), [size, SEED + 4]),
    );
    samples.write.push(result.writeMs);
    samples.bySource.push(...result.bySource);
    samples.byCode.push(...result.byCode);
    shape ??= { codings: result.codings, rowsPerSourceRead: result.bySourceRows / result.bySource.length, rowsPerCodeRead: result.byCodeRows / result.byCode.length };
    done(`write ${result.writeMs.toFixed(0)} ms`);
  }
  return { samples, shape };
}
