// The analyses' copy of a project's coding columns, kept between requests: reading 500 sources'
// columns from IndexedDB is most of what a retrieval costs, and they change one source at a
// time. Each request reads the per-source write stamps (codingStamps, a few hundred short records)
// and the recent rows, and re-reads only the sources whose stamp moved. The stamps and the columns
// are written in one transaction (codingsRepository.writePacked), so a stamp names one version.
import Dexie from 'dexie';
import type { Coding } from '../../../shared/model/types';
import type { SourceCodings } from '../db/codingColumns';
import { getDb, type MarginaliaDb } from '../db/db';
import { codingTables } from '../db/codingsRepository';

interface Cached {
  stamp: string;
  columns: SourceCodings;
}

let cachedFrom: MarginaliaDb | undefined;
const bySource = new Map<string, Cached>();
let cachedProject: string | undefined;

export interface ProjectColumns {
  columns: SourceCodings[];
  rows: Coding[];
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The folded codings of each source that the recent rows hide (codingsRepository's read rule),
 * by source: a coding never changes source, so a source without recent rows needs no id of its
 * columns cut out and compared (100,000 string slices per analysis, once anything was coded).
 */
export function hiddenBySource(rows: readonly Coding[]): (sourceId: string) => ReadonlySet<string> {
  const bySource = new Map<string, Set<string>>();
  for (const r of rows) {
    const ids = bySource.get(r.sourceId);
    if (ids) ids.add(r.id);
    else bySource.set(r.sourceId, new Set([r.id]));
  }
  return (sourceId) => bySource.get(sourceId) ?? NONE;
}

/**
 * The read under way, if any. A request arriving meanwhile (the first retrieval while the
 * startup's warm-up still reads 500 sources' columns) waits for it, then finds the cache fresh,
 * instead of reading and cloning every source's columns a second time beside it.
 */
let reading: Promise<unknown> | undefined;

/** Every folded source of a project and its recent rows, as stored now. */
export async function projectColumns(projectId: string): Promise<ProjectColumns> {
  // Never inside a transaction: waiting there on another read would let it commit under us.
  if (Dexie.currentTransaction) return readColumns(projectId);
  while (reading) await reading.catch(() => undefined);
  const read = readColumns(projectId);
  reading = read;
  try {
    return await read;
  } finally {
    if (reading === read) reading = undefined;
  }
}

function readColumns(projectId: string): Promise<ProjectColumns> {
  const db = getDb();
  if (db !== cachedFrom || projectId !== cachedProject) {
    // One project at a time: the one being analysed.
    cachedFrom = db;
    cachedProject = projectId;
    bySource.clear();
  }
  return db.transaction('r', codingTables(), async () => {
    // The stamps alone, not codingStats: its per-code counts made this check cost more than the
    // rest of a retrieval.
    const [stamps, rows] = await Promise.all([
      db.codingStamps.where('projectId').equals(projectId).toArray(),
      db.codings.where('projectId').equals(projectId).toArray(),
    ]);
    const current = new Set(stamps.map((s) => s.sourceId));
    for (const sourceId of bySource.keys()) if (!current.has(sourceId)) bySource.delete(sourceId);
    const stale = stamps.filter((s) => bySource.get(s.sourceId)?.stamp !== s.stamp);
    const loaded = await db.sourceCodings.bulkGet(stale.map((s) => s.sourceId));
    stale.forEach((s, i) => {
      const columns = loaded[i];
      if (!columns) bySource.delete(s.sourceId);
      else bySource.set(s.sourceId, { stamp: s.stamp, columns });
    });
    return { columns: [...bySource.values()].map((c) => c.columns), rows };
  });
}
