// An AnalysisClient that runs on the main thread over the codings repository: what jsdom tests use,
// and the fallback where no Worker can read the database. Slow for very large projects (the work
// blocks the UI), correct for all of them.
import { cooccurrenceMatrix, type CooccurrenceMatrix } from '../../../shared/analysis/cooccurrence';
import { sortInReadingOrder, type SegmentRef } from '../../../shared/analysis/retrieval';
import type { Coding, Source } from '../../../shared/model/types';
import { getDb, type MarginaliaDb } from '../db/db';
import { codingTables, codingsOfCodes } from '../db/codingsRepository';
import type { AnalysisClient } from './analysisClient';

/** Source texts kept between calls: a scrolling list asks for the same few sources again and again. */
const CACHED_TEXTS = 8;

/** Each source's rank in the project's source list (its `order`, ties by name), for reading order. */
export function sourceRanks(sources: ReadonlyArray<Pick<Source, 'id' | 'name' | 'order'>>): Map<string, number> {
  const sorted = [...sources].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return new Map(sorted.map((s, i) => [s.id, i]));
}

function toRef(coding: Coding): SegmentRef {
  return { codingId: coding.id, sourceId: coding.sourceId, codeId: coding.codeId, start: coding.start, end: coding.end };
}

export function createInlineAnalysis(): AnalysisClient {
  // Source texts never change after import (every offset refers to them), so a cached text is
  // never stale; it is dropped when the database is swapped (tests) and by age.
  let cacheDb: MarginaliaDb | undefined;
  const texts = new Map<string, string>();

  /** The project's codings of these codes whose source still exists, and each source's rank. */
  const codingsOf = async (projectId: string, codeIds: readonly string[]): Promise<{ codings: Coding[]; ranks: Map<string, number> }> => {
    const db = getDb();
    const unique = [...new Set(codeIds)];
    const { sources, codings } = await db.transaction('r', [db.sources, ...codingTables()], async () => ({
      sources: await db.sources.where('projectId').equals(projectId).toArray(),
      codings: await codingsOfCodes(unique),
    }));
    const ranks = sourceRanks(sources);
    return { codings: codings.filter((c) => c.projectId === projectId && ranks.has(c.sourceId)), ranks };
  };

  const textsOf = async (sourceIds: readonly string[]): Promise<Map<string, string>> => {
    const db = getDb();
    if (db !== cacheDb) {
      cacheDb = db;
      texts.clear();
    }
    const missing = sourceIds.filter((id) => !texts.has(id));
    if (missing.length > 0) {
      const rows = await db.sourceTexts.bulkGet(missing);
      missing.forEach((id, i) => texts.set(id, rows[i]?.text ?? ''));
    }
    const out = new Map<string, string>();
    for (const id of sourceIds) {
      const text = texts.get(id) ?? '';
      // Re-insert to mark it recently used; the oldest entries go first.
      texts.delete(id);
      texts.set(id, text);
      out.set(id, text);
    }
    for (const id of texts.keys()) {
      if (texts.size <= Math.max(CACHED_TEXTS, sourceIds.length)) break;
      texts.delete(id);
    }
    return out;
  };

  return {
    async retrieveSegments(projectId: string, codeIds: readonly string[]): Promise<SegmentRef[]> {
      if (codeIds.length === 0) return [];
      const { codings, ranks } = await codingsOf(projectId, codeIds);
      return sortInReadingOrder(codings.map(toRef), ranks);
    },

    async segmentTexts(refs: readonly SegmentRef[]): Promise<string[]> {
      const byId = await textsOf([...new Set(refs.map((r) => r.sourceId))]);
      return refs.map((r) => (byId.get(r.sourceId) ?? '').slice(r.start, r.end));
    },

    async cooccurrence(projectId: string, codeIds: readonly string[]): Promise<CooccurrenceMatrix> {
      const { codings } = codeIds.length > 0 ? await codingsOf(projectId, codeIds) : { codings: [] };
      return cooccurrenceMatrix(codeIds, codings);
    },
  };
}
