// Which of a snapshot's ids the database already holds, in time linear in the snapshot and the
// store: what opening a project file (or a backup) checks before storing it as a new project.
// IndexedDB answers each step of a cursor in a round trip of its own, so the check reads in
// whole requests instead: a table's keys in one getAllKeys (keys only, no record read) when many
// ids are asked about, a key-range walk only for a few; codings, which live mostly in per-source
// columns, by one getAll of the column records and a pass over their id columns against a Set.
// (The same file opened twice, or a backup restored while its project exists, asks about 100,000
// ids that are all stored: a cursor step per id, or per source, cost seconds.)
import type { Table } from 'dexie';
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { getDb } from './db';
import { codingCount, idAt } from './codingColumns';
import { linksById } from './caseRepository';
import { tableOf, type RowKind } from './recordsRepository';

/** Row kinds keyed by an id of their own (texts and originals share their source's id, case values have none). */
type IdKind = Exclude<RowKind, 'sourceTexts' | 'sourceOriginals'>;

/** Below this many ids a key-range walk (a step per stored match) beats reading every key. */
const FEW_IDS = 16;

async function storedAmong(table: Table, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  if (keys.length <= FEW_IDS) return (await table.where(':id').anyOf([...keys]).primaryKeys()) as string[];
  const wanted = new Set(keys);
  return ((await table.toCollection().primaryKeys()) as string[]).filter((key) => wanted.has(key));
}

function storedKeys(kind: IdKind, keys: readonly string[]): Promise<string[]> {
  return storedAmong(tableOf(kind) as unknown as Table, keys);
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
    for (const id of await storedAmong(db.codings as unknown as Table, [...codingIds])) out.add(id);
    for (const columns of await db.sourceCodings.toArray()) {
      for (let i = 0; i < codingCount(columns); i++) {
        const id = idAt(columns, i);
        if (codingIds.has(id)) out.add(id);
      }
    }
  }
  return out;
}
