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
import { idAt } from './codingColumns';
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

/**
 * The snapshot's record ids (not its references) that some stored record already has: every kind's
 * but the codings', then the codings' among those `codingsToAsk` picks once the others are known
 * (default: all of them; opening a copy of stored sources asks about fewer, see
 * ../operations/projectFiles.ts). Join a transaction over the project tables.
 */
export async function storedIdsAmong(
  snapshot: ProjectSnapshot,
  codingsToAsk: (stored: ReadonlySet<string>) => readonly string[] = () => snapshot.codings.map((c) => c.id),
): Promise<Set<string>> {
  const ids = (list: readonly { id: string }[]): string[] => list.map((r) => r.id);
  // Case links live in one row per source: only the snapshot's sources can hold its links' ids.
  const linksBySource = new Map<string, string[]>();
  for (const link of snapshot.caseLinks) {
    const list = linksBySource.get(link.sourceId);
    if (list) list.push(link.id);
    else linksBySource.set(link.sourceId, [link.id]);
  }
  // Every request is made at once, so the database answers them together instead of one after
  // the other; the codings' (a read of every source's id column) only when some are to be asked about.
  const [rowKeys, links] = await Promise.all([
    Promise.all([
      storedKeys('projects', [snapshot.project.id]),
      storedKeys('coders', ids(snapshot.coders)),
      storedKeys('sources', ids(snapshot.sources)),
      storedKeys('codes', ids(snapshot.codes)),
      storedKeys('codeSets', ids(snapshot.codeSets)),
      storedKeys('cases', ids(snapshot.cases)),
      storedKeys('attributes', ids(snapshot.attributes)),
      storedKeys('memos', ids(snapshot.memos)),
      storedKeys('savedQueries', ids(snapshot.savedQueries)),
    ]),
    linksById(linksBySource),
  ]);
  const out = new Set(rowKeys.flat());
  for (const id of links.keys()) out.add(id);
  for (const id of await storedCodingIdsAmong(codingsToAsk(out))) out.add(id);
  return out;
}

/**
 * Which of these coding ids a stored coding of any project has: recent rows by their keys, and
 * every source's folded id column (of every project: a read that grows with the database, so
 * callers ask only about ids that may be stored).
 */
async function storedCodingIdsAmong(codingList: readonly string[]): Promise<string[]> {
  if (codingList.length === 0) return [];
  const db = getDb();
  const reads = Promise.all([storedAmong(db.codings as unknown as Table, codingList), db.sourceCodings.toArray()]);
  const codingIds = new Set(codingList);
  const fingerprints = new Set<number>();
  for (const id of codingIds) fingerprints.add(fingerprint(id, 0, id.length));
  const [codingRows, folded] = await reads;
  const out = new Set(codingRows);
  for (const columns of folded) {
    const { idText, idEnds } = columns;
    for (let i = 0, start = 0; i < idEnds.length; start = idEnds[i++]!) {
      // A number made from the id's characters in place first: only the rare match (every stored
      // id of the file itself, when it is opened twice) costs a substring and a string lookup.
      if (!fingerprints.has(fingerprint(idText, start, idEnds[i]!))) continue;
      const id = idAt(columns, i);
      if (codingIds.has(id)) out.add(id);
    }
  }
  return [...out];
}

/**
 * A number for the id `text.slice(start, end)`, from its length and its first and last characters
 * (random hexadecimal digits in a UUID): equal ids give equal numbers, so comparing numbers first
 * leaves out most of the ids that cannot match without making a string of each.
 */
function fingerprint(text: string, start: number, end: number): number {
  let hash = end - start;
  for (let i = start; i < end && i < start + 8; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  for (let i = Math.max(start + 8, end - 4); i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}
