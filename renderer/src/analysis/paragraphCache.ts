// Each source's paragraph starts (shared/analysis/paragraphUnits.ts), kept by the analysis worker
// between queries: paragraph queries would otherwise read every source's text (20 MB in a big
// project) each time. A text never changes after import, so an entry is never stale; the cache is
// emptied when the database is swapped (tests).
//
// Reading the texts is most of a first paragraph query's time, so the Queries view asks for them
// to be read ahead (`readParagraphsAhead`) while the user builds a query. A source being read is
// remembered by its promise: a query asking for it meanwhile waits for that read, not a second one.
import { paragraphStarts } from '../../../shared/analysis/paragraphUnits';
import { getDb, type MarginaliaDb } from '../db/db';

type Starts = readonly number[];

const cache = new Map<string, Promise<Starts>>();
let cachedFrom: MarginaliaDb | undefined;

/** Texts read at once: never all 20 MB in memory together. */
const CHUNK = 50;

function current(): MarginaliaDb {
  const db = getDb();
  if (db !== cachedFrom) {
    cachedFrom = db;
    cache.clear();
  }
  return db;
}

/** Starts reading the sources not read or being read, a chunk at a time, one chunk after another. */
function load(sourceIds: readonly string[]): void {
  const db = current();
  const missing = [...new Set(sourceIds)].filter((id) => !cache.has(id));
  if (missing.length === 0) return;
  const settle = new Map<string, { resolve(starts: Starts): void; reject(error: unknown): void }>();
  for (const id of missing) {
    const promise = new Promise<Starts>((resolve, reject) => settle.set(id, { resolve, reject }));
    // A read ahead that fails must not surface as an unhandled rejection; a query still sees it.
    promise.catch(() => undefined);
    cache.set(id, promise);
  }
  void (async () => {
    for (let i = 0; i < missing.length; i += CHUNK) {
      const ids = missing.slice(i, i + CHUNK);
      try {
        const rows = await db.sourceTexts.bulkGet(ids);
        ids.forEach((id, j) => settle.get(id)!.resolve(paragraphStarts(rows[j]?.text ?? '')));
      } catch (error) {
        // Forget what was not read, so the next query tries again.
        for (const id of missing.slice(i)) {
          if (cachedFrom === db) cache.delete(id);
          settle.get(id)!.reject(error);
        }
        return;
      }
    }
  })();
}

/** Reads these sources' paragraph starts in the background (what a query will ask next). */
export function readParagraphsAhead(sourceIds: readonly string[]): void {
  load(sourceIds);
}

/** These sources' paragraph starts, read now or kept from before. */
export async function paragraphsOf(sourceIds: readonly string[]): Promise<Map<string, Starts>> {
  load(sourceIds);
  const entries = await Promise.all(sourceIds.map(async (id) => [id, await cache.get(id)!] as const));
  return new Map(entries);
}
