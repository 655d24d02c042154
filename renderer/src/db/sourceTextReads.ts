// A source's stored text record for the operations that plan on it (applying a code checks the
// span and cuts the quote from it), without reading megabytes per keypress. A source's text never
// changes after import: every offset in the project refers to it (analysis/sourceTexts.ts keeps
// the same kind of cache). Whether the source still exists is asked every time, from its key
// alone, inside the caller's transaction; only the text comes from memory.
import type { SourceText } from '../../../shared/model/types';
import { getDb, type MarginaliaDb } from './db';

/** A few sources coded in turn; each entry holds one text (a couple of MB for a long one). */
const KEPT = 4;
const kept = new Map<string, SourceText>();
let keptFrom: MarginaliaDb | undefined;

/** The source's text record, or undefined when the source no longer exists. Joins the caller's transaction. */
export async function sourceTextRecord(sourceId: string): Promise<SourceText | undefined> {
  const db = getDb();
  if (db !== keptFrom) {
    keptFrom = db;
    kept.clear();
  }
  const cached = kept.get(sourceId);
  if (cached) {
    // Reading a 2 MB text took longer than the rest of a coding's transaction together; its key costs nothing.
    const stored = await db.sourceTexts.where(':id').equals(sourceId).primaryKeys();
    if (stored.length === 0) {
      kept.delete(sourceId);
      return undefined;
    }
    kept.delete(sourceId);
    kept.set(sourceId, cached);
    return cached;
  }
  const row = await db.sourceTexts.get(sourceId);
  if (!row) return undefined;
  kept.set(sourceId, row);
  while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return row;
}
