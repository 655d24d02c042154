// Which of a snapshot's ids the database already holds, in time linear in the snapshot and the
// store: what opening a project file (or a backup) checks before storing it as a new project.
// Row kinds are looked up by key range (one cursor walk per table, keys only, no record read);
// codings, which live mostly in per-source columns, are found by one pass over every source's id
// column against a Set. A per-id lookup (bulkGet of 100,000 keys) costs seconds in IndexedDB.
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { getDb } from './db';
import { codingCount, idAt } from './codingColumns';
import { linksById } from './caseRepository';
import { tableOf, type RowKind } from './recordsRepository';

/** Row kinds keyed by an id of their own (texts and originals share their source's id, case values have none). */
type IdKind = Exclude<RowKind, 'sourceTexts' | 'sourceOriginals'>;

async function storedKeys(kind: IdKind, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  return (await tableOf(kind).where(':id').anyOf([...keys]).primaryKeys()) as string[];
}

/** The snapshot's record ids (not its references) that some stored record already has. Join a transaction over the project tables. */
export async function storedIdsAmong(snapshot: ProjectSnapshot): Promise<Set<string>> {
  const db = getDb();
  const ids = (list: readonly { id: string }[]): string[] => list.map((r) => r.id);
  const found = await Promise.all([
    storedKeys('projects', [snapshot.project.id]),
    storedKeys('coders', ids(snapshot.coders)),
    storedKeys('sources', ids(snapshot.sources)),
    storedKeys('codes', ids(snapshot.codes)),
    storedKeys('codeSets', ids(snapshot.codeSets)),
    storedKeys('cases', ids(snapshot.cases)),
    storedKeys('attributes', ids(snapshot.attributes)),
    storedKeys('memos', ids(snapshot.memos)),
    storedKeys('savedQueries', ids(snapshot.savedQueries)),
  ]);
  const out = new Set(found.flat());

  // Case links live in one row per source: only the snapshot's sources can hold its links' ids.
  const linksBySource = new Map<string, string[]>();
  for (const link of snapshot.caseLinks) {
    const list = linksBySource.get(link.sourceId);
    if (list) list.push(link.id);
    else linksBySource.set(link.sourceId, [link.id]);
  }
  for (const id of (await linksById(linksBySource)).keys()) out.add(id);

  // Codings: recent rows by key range, then every source's folded id column against a Set.
  const codingIds = new Set(ids(snapshot.codings));
  if (codingIds.size > 0) {
    for (const id of (await db.codings.where(':id').anyOf([...codingIds]).primaryKeys()) as string[]) out.add(id);
    await db.sourceCodings.each((columns) => {
      for (let i = 0; i < codingCount(columns); i++) {
        const id = idAt(columns, i);
        if (codingIds.has(id)) out.add(id);
      }
    });
  }
  return out;
}
