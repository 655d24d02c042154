// Source texts for the analyses (segment lists, word counts, auto-coding), read by id.
import type { SegmentRef } from '../../../shared/analysis/retrieval';
import { getDb, type MarginaliaDb } from '../db/db';

/**
 * Source texts recently cut from: a list scrolls through a few sources many times. A source's text
 * never changes after import (every offset refers to it), so an entry is never stale; the cache
 * is emptied when the database is swapped (tests).
 */
const TEXT_CACHE_SIZE = 16;
const textCache = new Map<string, string>();
let cachedFrom: MarginaliaDb | undefined;

export async function sourceTextsOf(sourceIds: readonly string[]): Promise<Map<string, string>> {
  if (getDb() !== cachedFrom) {
    cachedFrom = getDb();
    textCache.clear();
  }
  const missing = [...new Set(sourceIds)].filter((id) => !textCache.has(id));
  if (missing.length > 0) {
    const rows = await getDb().sourceTexts.bulkGet(missing);
    rows.forEach((row, i) => textCache.set(missing[i]!, row?.text ?? ''));
  }
  const out = new Map<string, string>();
  for (const id of sourceIds) {
    const text = textCache.get(id) ?? '';
    // Re-insert to keep the most recently used at the end, then trim the oldest.
    textCache.delete(id);
    textCache.set(id, text);
    out.set(id, text);
  }
  while (textCache.size > Math.max(TEXT_CACHE_SIZE, sourceIds.length)) textCache.delete(textCache.keys().next().value!);
  return out;
}

export async function segmentTexts(refs: readonly SegmentRef[]): Promise<string[]> {
  const texts = await sourceTextsOf(refs.map((r) => r.sourceId));
  return refs.map((r) => texts.get(r.sourceId)!.slice(r.start, r.end));
}

