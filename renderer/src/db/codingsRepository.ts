// Every read and write of codings goes through here, because they are stored in two layouts
// (schemaV7): one record of columns per source (`sourceCodings`, with its quotes in
// `quoteParts`, schemaV12) — cheap to read whole, to retrieve a code's segments across a project and to
// bulk-write — and rows for recent interactive edits (a few ms to add one). Readers always see
// the union; `foldRecentCodings` moves rows into the columns. `codingStats` keeps each source's
// folded counts per code so the codebook's counts and "which sources have this code" never read
// codings; `codingStamps` repeats each source's write stamp alone (schemaV13), for the analysis
// worker's cache.
// Functions join the caller's Dexie transaction when called inside one; that transaction must
// include `codingTables()`. Changes to a project's codings are written only by `applyCodingChanges`
// (from `commit`, the one door); the other writes are housekeeping that changes nothing a reader
// sees (`foldRecentCodings`) or go with the whole project (`deleteCodingsOfProject`).
import type { Table } from 'dexie';
import type { EntityChanges } from '../../../shared/model/changeSet';
import type { Coding, CodingSpan } from '../../../shared/model/types';
import { getDb, type CodingStamp, type CodingStats } from './db';
import { codingAt, codingCount, codingEqualsAt, countsByCode, idAt, indexOfId, positionsOfCodes, positionsOfIds, quotePartKeys, resolveQuotes, spanAt, unpackCodings, type QuotePart, type SourceCodings, type SourceQuotes } from './codingColumns';
import { editColumns, wantsCompaction, type EditedColumns } from './columnEdit';


/** Rows a source may gather before they are folded into its columns. */
export const FOLD_THRESHOLD = 200;

/** The tables a transaction that reads or writes codings must include. */
export function codingTables(): Table[] {
  const db = getDb();
  return [db.codings, db.sourceCodings, db.quoteParts, db.codingStats, db.codingStamps];
}

/** Runs `work` in a read-write transaction over the coding tables (or the caller's). */
function writing<T>(work: () => Promise<T>): Promise<T> {
  return getDb().transaction('rw', codingTables(), work);
}

/**
 * THE read rule of the two layouts, in one place: a recent row hides the folded coding with its
 * id (an edit made since the fold), whatever code either has. Every reader goes through this or
 * through `visiblePositions`.
 */
function unionWithRows<T extends { id: string }>(folded: readonly T[], rows: readonly T[]): T[] {
  if (rows.length === 0) return [...folded];
  const hidden = hiddenByRows(rows);
  const out = folded.filter((c) => !hidden.has(c.id));
  for (const row of rows) out.push(row);
  return out;
}

/** The ids of folded codings that these recent rows hide. */
export function hiddenByRows(rows: readonly { id: string }[]): ReadonlySet<string> {
  return new Set(rows.map((r) => r.id));
}

/** Positions in a source's columns of the codings of some codes (all when `wanted` is omitted) that no recent row hides. */
export function visiblePositions(columns: SourceCodings, wanted: ReadonlySet<string> | undefined, hidden: ReadonlySet<string>): number[] {
  const at = positionsOfCodes(columns, wanted);
  return hidden.size === 0 ? at : at.filter((i) => !hidden.has(idAt(columns, i)));
}

const toSpan = (c: Coding): CodingSpan => ({ id: c.id, sourceId: c.sourceId, codeId: c.codeId, start: c.start, end: c.end, coder: c.coder });

/** Unique across tabs and workers: the analysis worker caches a source's columns by it. */
const newStamp = (): string => crypto.randomUUID();

/**
 * Writes some sources' edited columns (columns without codings delete the source's), their new
 * quote parts and their counts, and deletes the parts they no longer use.
 */
async function writePacked(sources: ReadonlyMap<string, EditedColumns>): Promise<void> {
  const db = getDb();
  const columns: SourceCodings[] = [];
  const parts: QuotePart[] = [];
  const dropped: Array<[string, number]> = [];
  const stats: CodingStats[] = [];
  const stamps: CodingStamp[] = [];
  const emptied: string[] = [];
  for (const [sourceId, edited] of sources) {
    // A new part is numbered after every stored one, so deleting the dropped ones never removes it.
    if (edited.part) parts.push(edited.part);
    for (const part of edited.dropped) dropped.push([sourceId, part]);
    if (codingCount(edited.columns) === 0) {
      emptied.push(sourceId);
      continue;
    }
    columns.push(edited.columns);
    const stamp = newStamp();
    stats.push({ sourceId, projectId: edited.columns.projectId, counts: countsByCode(edited.columns), stamp });
    stamps.push({ sourceId, projectId: edited.columns.projectId, stamp });
  }
  await Promise.all([
    db.sourceCodings.bulkPut(columns),
    db.quoteParts.bulkPut(parts),
    db.codingStats.bulkPut(stats),
    db.codingStamps.bulkPut(stamps),
    db.sourceCodings.bulkDelete(emptied),
    db.quoteParts.bulkDelete(dropped),
    db.codingStats.bulkDelete(emptied),
    db.codingStamps.bulkDelete(emptied),
  ]);
}

/**
 * The quotes of some sources' columns, each in its columns' order, their parts read in one
 * request. With `positions` (per columns), only the parts holding those codings' quotes are
 * read: the quotes of other codings then read as empty, so only those positions may be used.
 */
async function quotesOf(columns: ReadonlyArray<SourceCodings | undefined>, positions?: ReadonlyArray<readonly number[]>): Promise<Array<SourceQuotes | undefined>> {
  const keys: Array<[string, number]> = [];
  columns.forEach((c, s) => {
    if (!c) return;
    if (!positions) {
      keys.push(...quotePartKeys(c));
      return;
    }
    const slots = new Set<number>();
    for (const i of positions[s]!) slots.add(c.quotePart[i]!);
    for (const slot of slots) keys.push([c.sourceId, c.quoteParts[slot]!]);
  });
  const parts = keys.length > 0 ? await getDb().quoteParts.bulkGet(keys) : [];
  const bySource = new Map<string, Map<number, QuotePart>>();
  for (const part of parts) {
    if (!part) continue;
    let mine = bySource.get(part.sourceId);
    if (!mine) bySource.set(part.sourceId, (mine = new Map()));
    mine.set(part.part, part);
  }
  return columns.map((c, s) => (c ? resolveQuotes(c, bySource.get(c.sourceId) ?? new Map(), positions?.[s]) : undefined));
}

/** The whole folded codings of some sources, by source. */
async function foldedOfSources(sourceIds: readonly string[]): Promise<Map<string, { projectId: string; codings: Coding[] }>> {
  const columns = await getDb().sourceCodings.bulkGet([...sourceIds]);
  const quotes = await quotesOf(columns);
  const out = new Map<string, { projectId: string; codings: Coding[] }>();
  columns.forEach((c, i) => {
    if (c) out.set(c.sourceId, { projectId: c.projectId, codings: unpackCodings(c, quotes[i]) });
  });
  return out;
}

export async function codingsOfSource(sourceId: string): Promise<Coding[]> {
  const db = getDb();
  const [folded, rows] = await Promise.all([foldedOfSources([sourceId]), db.codings.where('sourceId').equals(sourceId).toArray()]);
  return unionWithRows(folded.get(sourceId)?.codings ?? [], rows);
}

/** Every coding of some sources, whole, in one read: their columns and recent rows together (join a transaction over `codingTables()` so no fold moves a coding between the two meanwhile). */
export async function codingsOfSources(sourceIds: readonly string[]): Promise<Coding[]> {
  if (sourceIds.length === 0) return [];
  const db = getDb();
  const [folded, rows] = await Promise.all([foldedOfSources(sourceIds), db.codings.where('sourceId').anyOf([...sourceIds]).toArray()]);
  return unionWithRows([...folded.values()].flatMap((entry) => entry.codings), rows);
}

/**
 * The folded spans last built for a few sources, with the stamp of the columns they were built
 * from. Columns are only ever written with a new stamp (`writePacked`), so while the stamp is the
 * same the spans are too: the document's live query, answering each new coding (a recent row),
 * then reads the small counts record instead of cloning and unpacking 20,000 codings again, and
 * hands the view the same objects, which its caches recognise at once.
 */
const foldedSpans = new Map<string, { stamp: string; spans: readonly CodingSpan[] }>();
const FOLDED_SPANS_KEPT = 4;

/**
 * The columns (not the quotes) last read for a few sources, by the same stamp: what a coding's
 * checks look ids and spans up in. Reading a big source's columns took about as long as the rest
 * of a coding's transaction, twice per coding (the same-span check, then the one door's check
 * that the new id is not stored). Only lookups use them: nothing written starts from them.
 */
const leanColumns = new Map<string, { stamp: string; columns: SourceCodings }>();
const LEAN_COLUMNS_KEPT = 4;

function keep<T>(cache: Map<string, T>, sourceId: string, entry: T, most: number): void {
  cache.delete(sourceId);
  cache.set(sourceId, entry);
  while (cache.size > most) cache.delete(cache.keys().next().value!);
}

/** A source's folded columns for lookups, read only when its stamp moved since the last read. */
async function columnsForLookup(sourceId: string): Promise<SourceCodings | undefined> {
  const db = getDb();
  const stamp = (await db.codingStats.get(sourceId))?.stamp;
  const cached = leanColumns.get(sourceId);
  if (stamp !== undefined && cached?.stamp === stamp) return cached.columns;
  const columns = await db.sourceCodings.get(sourceId);
  leanColumns.delete(sourceId);
  // Without a stamp (counts written by an older version) nothing can tell a change: not kept.
  if (columns && stamp !== undefined) keep(leanColumns, sourceId, { stamp, columns }, LEAN_COLUMNS_KEPT);
  return columns;
}

/** A source's codings without their quotes: what the document view paints from. */
export async function spansOfSource(sourceId: string): Promise<CodingSpan[]> {
  const db = getDb();
  const [stats, rows] = await Promise.all([db.codingStats.get(sourceId), db.codings.where('sourceId').equals(sourceId).toArray()]);
  const stamp = stats?.stamp;
  const cached = foldedSpans.get(sourceId);
  let folded: readonly CodingSpan[];
  if (stamp !== undefined && cached?.stamp === stamp) folded = cached.spans;
  else {
    const columns = await db.sourceCodings.get(sourceId);
    const built: CodingSpan[] = [];
    if (columns) for (let i = 0; i < codingCount(columns); i++) built.push(spanAt(columns, i));
    folded = built;
    foldedSpans.delete(sourceId);
    leanColumns.delete(sourceId);
    // Without a stamp (counts written by an older version) nothing can tell a change: not kept.
    if (stamp !== undefined) {
      keep(foldedSpans, sourceId, { stamp, spans: built }, FOLDED_SPANS_KEPT);
      // The next coding's checks look up the same columns.
      if (columns) keep(leanColumns, sourceId, { stamp, columns }, LEAN_COLUMNS_KEPT);
    }
  }
  return unionWithRows(folded, rows.map(toSpan));
}

/**
 * A project's codings for matching, not for showing or writing back: every field but the quotes
 * (`exact`, `prefix`, `suffix`) and `createdAt`, which are left empty. Reads no quote record and
 * prints no date, most of what reading 100,000 whole codings costs (a merge's plan compares
 * codings by source, code, coder and span, and never writes ours).
 */
export async function codingKeysOfProject(projectId: string): Promise<Coding[]> {
  const db = getDb();
  const [columns, rows] = await Promise.all([
    db.sourceCodings.where('projectId').equals(projectId).toArray(),
    db.codings.where('projectId').equals(projectId).toArray(),
  ]);
  const folded: Coding[] = [];
  for (const c of columns) {
    for (let i = 0; i < codingCount(c); i++) {
      folded.push({ id: idAt(c, i), projectId: c.projectId, sourceId: c.sourceId, codeId: c.codeIds[c.code[i]!]!, start: c.starts[i]!, end: c.ends[i]!, exact: '', prefix: '', suffix: '', coder: c.coders[c.coder[i]!]!, createdAt: '' });
    }
  }
  return unionWithRows(folded, rows);
}

export async function codingsOfProject(projectId: string): Promise<Coding[]> {
  const db = getDb();
  const [columns, rows] = await Promise.all([
    db.sourceCodings.where('projectId').equals(projectId).toArray(),
    db.codings.where('projectId').equals(projectId).toArray(),
  ]);
  const quotes = await quotesOf(columns);
  return unionWithRows(
    columns.flatMap((c, i) => unpackCodings(c, quotes[i])),
    rows,
  );
}

/** The sources whose folded codings hold one of these codes (from the counts, reading no coding). */
async function sourcesHolding(codeIds: readonly string[]): Promise<string[]> {
  const wanted = new Set(codeIds);
  const stats = await getDb().codingStats.toArray();
  return stats.filter((s) => Object.keys(s.counts).some((id) => wanted.has(id))).map((s) => s.sourceId);
}

/** The codings of some codes, whole: reads only the sources that hold them. */
export async function codingsOfCodes(codeIds: readonly string[]): Promise<Coding[]> {
  if (codeIds.length === 0) return [];
  const db = getDb();
  const wanted = new Set(codeIds);
  const [holding, rows] = await Promise.all([sourcesHolding(codeIds), db.codings.where('codeId').anyOf([...codeIds]).toArray()]);
  const columns = await db.sourceCodings.bulkGet(holding);
  const at = columns.map((c) => (c ? positionsOfCodes(c, wanted) : []));
  const quotes = await quotesOf(columns, at);
  const folded: Coding[] = [];
  columns.forEach((c, s) => {
    if (c) for (const i of at[s]!) folded.push(codingAt(c, quotes[s], i));
  });
  return unionWithRows(folded, rows);
}

/** One coding by id; pass its source when known (otherwise every source is searched). */
export async function getCoding(id: string, sourceId?: string): Promise<Coding | undefined> {
  const db = getDb();
  const row = await db.codings.get(id);
  if (row) return row;
  const sources = sourceId !== undefined ? db.sourceCodings.where('sourceId').equals(sourceId) : db.sourceCodings.toCollection();
  let found: { columns: SourceCodings; at: number } | undefined;
  await sources.until(() => found !== undefined).each((columns) => {
    const at = indexOfId(columns, id);
    if (at >= 0) found = { columns, at };
  });
  if (!found) return undefined;
  const [quotes] = await quotesOf([found.columns], [[found.at]]);
  return codingAt(found.columns, quotes, found.at);
}

/** Some codings of a project by id, whole: the quotes are read only from the sources holding them. */
export async function codingsById(projectId: string, ids: readonly string[]): Promise<Coding[]> {
  if (ids.length === 0) return [];
  const db = getDb();
  const wanted = [...new Set(ids)];
  const [columns, rows] = await Promise.all([db.sourceCodings.where('projectId').equals(projectId).toArray(), db.codings.bulkGet(wanted)]);
  const recent = rows.filter((r): r is Coding => r !== undefined && r.projectId === projectId);
  const inRows = new Set(recent.map((r) => r.id));
  // One walk over each source's ids against a set: searching the id text once per wanted id
  // would cost ids × sources string searches.
  const left = new Set(wanted.filter((id) => !inRows.has(id)));
  const found: Array<{ columns: SourceCodings; at: number[] }> = [];
  for (const c of columns) {
    if (left.size === 0) break;
    const at: number[] = [];
    for (let i = 0; i < codingCount(c); i++) {
      const id = idAt(c, i);
      if (left.delete(id)) at.push(i);
    }
    if (at.length > 0) found.push({ columns: c, at });
  }
  const quotes = await quotesOf(
    found.map((f) => f.columns),
    found.map((f) => f.at),
  );
  return [...found.flatMap((f, s) => f.at.map((i) => codingAt(f.columns, quotes[s], i))), ...recent];
}

/** One coding of a code by id (a code's typical example): looks only in the sources holding the code. */
export async function codingOfCode(codeId: string, id: string): Promise<Coding | undefined> {
  const db = getDb();
  const row = await db.codings.get(id);
  if (row) return row.codeId === codeId ? row : undefined;
  const holding = await sourcesHolding([codeId]);
  const columns = await db.sourceCodings.bulkGet(holding);
  for (const c of columns) {
    const at = c ? indexOfId(c, id) : -1;
    if (c && at >= 0) return c.codeIds[c.code[at]!] === codeId ? codingAt(c, (await quotesOf([c], [[at]]))[0], at) : undefined;
  }
  return undefined;
}

/** A coding of the same code over the same span of the same source, if there is one. */
/** The coding of this code on exactly this span by this coder (another coder's is theirs: kept side by side). */
export async function findSameCoding(sourceId: string, codeId: string, start: number, end: number, coder: string): Promise<Coding | undefined> {
  const db = getDb();
  const same = (c: Coding): boolean => c.start === start && c.end === end && c.coder === coder;
  const row = await db.codings.where('[sourceId+codeId]').equals([sourceId, codeId]).filter(same).first();
  if (row) return row;
  const columns = await columnsForLookup(sourceId);
  if (!columns) return undefined;
  const code = columns.codeIds.indexOf(codeId);
  const by = columns.coders.indexOf(coder);
  if (code < 0 || by < 0) return undefined;
  for (let i = 0; i < codingCount(columns); i++) {
    if (columns.code[i] === code && columns.starts[i] === start && columns.ends[i] === end && columns.coder[i] === by) {
      return codingAt(columns, (await quotesOf([columns], [[i]]))[0], i);
    }
  }
  return undefined;
}

export async function deleteCodingsOfProject(projectId: string): Promise<number> {
  const db = getDb();
  return writing(async () => {
    const stats = await db.codingStats.where('projectId').equals(projectId).toArray();
    await Promise.all([
      db.sourceCodings.where('projectId').equals(projectId).delete(),
      db.quoteParts.where('projectId').equals(projectId).delete(),
      db.codingStats.where('projectId').equals(projectId).delete(),
      db.codingStamps.where('projectId').equals(projectId).delete(),
    ]);
    const rows = await db.codings.where('projectId').equals(projectId).delete();
    return rows + stats.reduce((n, s) => n + Object.values(s.counts).reduce((a, b) => a + b, 0), 0);
  });
}

/** How many codings each code has in each source, without reading any coding's text. */
export interface CodingTally {
  sourceId: string;
  codeId: string;
  count: number;
}

export async function codingTallies(projectId: string): Promise<CodingTally[]> {
  const db = getDb();
  const [stats, rows] = await Promise.all([
    db.codingStats.where('projectId').equals(projectId).toArray(),
    db.codings.where('projectId').equals(projectId).toArray(),
  ]);
  const tally = new Map<string, CodingTally>();
  for (const s of stats) {
    for (const [codeId, count] of Object.entries(s.counts)) tally.set(`${s.sourceId}|${codeId}`, { sourceId: s.sourceId, codeId, count });
  }
  for (const row of rows) {
    const key = `${row.sourceId}|${row.codeId}`;
    const entry = tally.get(key);
    if (entry) entry.count++;
    else tally.set(key, { sourceId: row.sourceId, codeId: row.codeId, count: 1 });
  }
  return [...tally.values()];
}

/**
 * A string that changes whenever a coding of these codes in this project is added, removed or
 * moved, even when the counts stay the same (one removed and one added): what analyses that run
 * outside Dexie's live queries (the worker) re-run on. Reads no coding's columns.
 */
export async function codingsRevision(projectId: string, codeIds: readonly string[]): Promise<string> {
  const db = getDb();
  const wanted = new Set(codeIds);
  const [stats, rows] = await Promise.all([
    db.codingStats.where('projectId').equals(projectId).toArray(),
    db.codings.where('projectId').equals(projectId).toArray(),
  ]);
  const parts: string[] = [];
  for (const s of stats) {
    const counts = Object.entries(s.counts).filter(([id]) => wanted.has(id));
    if (counts.length > 0) parts.push(`${s.sourceId}@${s.stamp ?? ''}:${counts.map(([id, n]) => `${id}=${n}`).join(';')}`);
  }
  for (const r of rows) if (wanted.has(r.codeId)) parts.push(`${r.id}:${r.codeId}:${r.start}-${r.end}`);
  return parts.sort().join(',');
}

export async function countCodingsOfSource(sourceId: string): Promise<number> {
  const db = getDb();
  const stats = await db.codingStats.get(sourceId);
  const folded = stats ? Object.values(stats.counts).reduce((a, b) => a + b, 0) : 0;
  return folded + (await db.codings.where('sourceId').equals(sourceId).count());
}

export async function countCodingsOfProject(projectId: string): Promise<number> {
  return (await codingTallies(projectId)).reduce((n, t) => n + t.count, 0);
}

/** How many recent rows a source has gathered (to decide when to fold). */
export function countRecentCodings(sourceId: string): Promise<number> {
  return getDb().codings.where('sourceId').equals(sourceId).count();
}

/**
 * Moves a source's recent rows into its columns, in one transaction: housekeeping, not a change
 * to the project (no history step), so it writes exactly what the rows hold.
 */
export async function foldRecentCodings(sourceId: string): Promise<void> {
  const db = getDb();
  await writing(async () => {
    const rows = await db.codings.where('sourceId').equals(sourceId).toArray();
    if (rows.length === 0) return;
    const columns = await db.sourceCodings.get(sourceId);
    const ids = new Set(rows.map((r) => r.id));
    // Folding rewrites the source's quotes into one part (compacted): its parts are read whole.
    const stored = columns ? { columns, quotes: (await quotesOf([columns]))[0] } : null;
    await writePacked(new Map([[sourceId, editColumns(sourceId, columns?.projectId ?? rows[0]!.projectId, stored, ids, rows)]]));
    await db.codings.bulkDelete([...ids]);
  });
}

// --- Change sets (db/operations/commit.ts) ---

/** Above this many codings into one source, a change is written into its columns rather than as rows. */
const ROWS_AT_MOST = 50;

/**
 * Above this many codings in one step, all of them go into their sources' columns however few
 * each source gets: rows cost a put each now, a delete each on undo, and every read of the
 * project's counts reads them all (an auto-code of 5,000 hits, a few in each of 500 sources).
 */
const STEP_ROWS_AT_MOST = 500;

/** Whether codings arriving in a source go into its columns (else they are written as rows). */
function intoColumns(inSource: number, inStep: number): boolean {
  return inSource > ROWS_AT_MOST || inStep > STEP_ROWS_AT_MOST;
}

/**
 * Up to this many ids, rows are looked up one get per id. Above it, when the rows are not many
 * more than the ids (rows are few: they are folded), every row's key is read in one request and
 * the ids looked up in it: a merge's 50,000 gets, and its 50,000 deletes of rows that were never
 * there (Chromium takes a quarter of a millisecond for each such delete), were most of its time.
 */
const GETS_AT_MOST = 64;
const KEYS_PER_ID = 4;

/**
 * What one commit has read of the codings it touches, so the write reads nothing the check read:
 * each source's folded codings as stored (null: it has none), and which ids are stored as rows.
 */
export interface CodingReads {
  folded: Map<string, StoredColumns | null>;
  rowIds: Map<string, boolean>;
}

/** A source's folded codings as stored: its columns, and all their quotes when they were read (to compact them). */
interface StoredColumns {
  columns: SourceCodings;
  quotes?: SourceQuotes | undefined;
}

export function newCodingReads(): CodingReads {
  return { folded: new Map(), rowIds: new Map() };
}

/** Some sources' folded codings, read through `reads` (only the sources it lacks are read). */
async function foldedThrough(sourceIds: readonly string[], reads: CodingReads): Promise<CodingReads['folded']> {
  const missing = sourceIds.filter((id) => !reads.folded.has(id));
  if (missing.length > 0) {
    const db = getDb();
    const columns = await db.sourceCodings.bulkGet(missing);
    missing.forEach((id, i) => reads.folded.set(id, columns[i] ? { columns: columns[i] } : null));
  }
  return reads.folded;
}

/** Which of these ids are stored as rows, reading only what `reads` does not know yet (keys only). */
async function rowIdsAmong(ids: readonly string[], reads: CodingReads): Promise<Set<string>> {
  const unknown = [...new Set(ids.filter((id) => !reads.rowIds.has(id)))];
  if (unknown.length > 0) {
    const db = getDb();
    let found: string[];
    if (unknown.length <= GETS_AT_MOST || (await db.codings.count()) > KEYS_PER_ID * unknown.length) {
      found = (await db.codings.bulkGet(unknown)).flatMap((r) => (r ? [r.id] : []));
    } else {
      const stored = new Set((await db.codings.toCollection().primaryKeys()) as string[]);
      found = unknown.filter((id) => stored.has(id));
    }
    for (const id of unknown) reads.rowIds.set(id, false);
    for (const id of found) reads.rowIds.set(id, true);
  }
  return new Set(ids.filter((id) => reads.rowIds.get(id) === true));
}

/** The stored rows among these codings (by id): a get each when few, else each of their sources' rows in one read. */
async function rowsAmong(codings: readonly Pick<Coding, 'id' | 'sourceId'>[], reads: CodingReads): Promise<Coding[]> {
  const existing = await rowIdsAmong(codings.map((c) => c.id), reads);
  if (existing.size === 0) return [];
  const db = getDb();
  if (existing.size <= GETS_AT_MOST) return (await db.codings.bulkGet([...existing])).filter((r): r is Coding => r !== undefined);
  const sources = [...new Set(codings.filter((c) => existing.has(c.id)).map((c) => c.sourceId))];
  const found = new Map<string, Coding>();
  for (const rows of await Promise.all(sources.map((s) => db.codings.where('sourceId').equals(s).toArray()))) {
    for (const row of rows) if (existing.has(row.id)) found.set(row.id, row);
  }
  // A row kept under another source than the change set says (never written so, but looked for all the same).
  const elsewhere = [...existing].filter((id) => !found.has(id));
  if (elsewhere.length > 0) for (const row of await db.codings.bulkGet(elsewhere)) if (row) found.set(row.id, row);
  return [...found.values()];
}

/** Sources whose columns a check looks ids up in, one by one through the lookup cache; more are read in one request. */
const LOOKUPS_AT_MOST = LEAN_COLUMNS_KEPT;

/**
 * Some sources' folded columns for looking ids up (quotes not read): from `reads` when this
 * commit read them whole, else through the lookup cache (`columnsForLookup`).
 */
async function columnsToLookUp(sourceIds: readonly string[], reads: CodingReads): Promise<Array<SourceCodings | undefined>> {
  const unread = sourceIds.filter((s) => !reads.folded.has(s));
  const fetched = unread.length <= LOOKUPS_AT_MOST ? await Promise.all(unread.map(columnsForLookup)) : await getDb().sourceCodings.bulkGet(unread);
  const byId = new Map(unread.map((s, i) => [s, fetched[i]]));
  return sourceIds.map((s) => (reads.folded.has(s) ? (reads.folded.get(s)?.columns ?? undefined) : byId.get(s)));
}

/**
 * Codings by id, looked for only in the given sources (change sets carry each coding's source):
 * a recent row wins over its folded copy, the one read rule. Pass the same `reads` to
 * `applyCodingChanges` in the same transaction: a big step reads each source's columns once.
 * A source's quotes are read only when its columns hold one of the ids (then its columns are
 * rewritten anyway, from the same `reads`). A folded coding equal to its entry in `expected` is
 * answered with that very object (an equal stand-in, compared in its columns rather than built:
 * undoing a merge checks 50,000 codings).
 */
export async function codingsByIdInSources(
  bySource: ReadonlyMap<string, readonly string[]>,
  reads: CodingReads = newCodingReads(),
  expected: ReadonlyMap<string, Coding> = new Map(),
): Promise<Map<string, Coding>> {
  const out = new Map<string, Coding>();
  const wanted = [...bySource].flatMap(([sourceId, ids]) => ids.map((id) => ({ id, sourceId })));
  for (const row of await rowsAmong(wanted, reads)) out.set(row.id, row);
  const sourceIds = [...bySource.keys()].filter((s) => bySource.get(s)!.some((id) => !out.has(id)));
  const columns = await columnsToLookUp(sourceIds, reads);
  const found = new Map<string, Map<string, number>>();
  columns.forEach((c, s) => {
    const at = c ? positionsOfIds(c, bySource.get(sourceIds[s]!)!.filter((id) => !out.has(id))) : undefined;
    if (at && at.size > 0) found.set(sourceIds[s]!, at);
  });
  // The sources holding some are rewritten by the write: reads.folded keeps their columns for it.
  const holding = [...found.keys()];
  const holdingColumns = holding.map((s) => columns[sourceIds.indexOf(s)]!);
  holding.forEach((s, i) => {
    if (!reads.folded.has(s)) reads.folded.set(s, { columns: holdingColumns[i]! });
  });
  // Quotes only of the parts holding the codings found (a merge's undo reads the merge's parts).
  const quotes = await quotesOf(
    holdingColumns,
    holding.map((s) => [...found.get(s)!.values()]),
  );
  holding.forEach((sourceId, s) => {
    const stored = holdingColumns[s]!;
    for (const [id, i] of found.get(sourceId)!) {
      const same = expected.get(id);
      out.set(id, same && codingEqualsAt(stored, quotes[s], i, same) ? same : codingAt(stored, quotes[s], i));
    }
  });
  return out;
}

/**
 * Which of these codings are stored, in either layout (the ids a change set adds must not be).
 * Reads ids only: a source's quotes are read only when its columns will be rewritten anyway.
 */
export async function storedCodingIds(bySource: ReadonlyMap<string, readonly string[]>, reads: CodingReads = newCodingReads()): Promise<Set<string>> {
  const ids = [...new Set([...bySource.values()].flat())];
  const out = await rowIdsAmong(ids, reads);
  const sourceIds = [...bySource.keys()].filter((s) => bySource.get(s)!.some((id) => !out.has(id)));
  // Sources receiving many codings are rewritten (`applyCodingChanges`): read them whole now.
  await foldedThrough(
    sourceIds.filter((s) => intoColumns(bySource.get(s)!.length, ids.length)),
    reads,
  );
  const columns = await columnsToLookUp(sourceIds, reads);
  columns.forEach((c) => {
    if (!c) return;
    for (const id of positionsOfIds(c, bySource.get(c.sourceId)!.filter((id) => !out.has(id))).keys()) out.add(id);
  });
  return out;
}

function groupCountBySource(codings: Iterable<Pick<Coding, 'sourceId'>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of codings) out.set(c.sourceId, (out.get(c.sourceId) ?? 0) + 1);
  return out;
}

/**
 * Reads the whole quotes of the rewritten sources whose parts the edit should compact
 * (`wantsCompaction`), into `folded`: `editColumns` compacts a source given its quotes. Every
 * other source's quotes stay unread and unwritten.
 */
async function quotesToCompact(rewrite: ReadonlySet<string>, folded: CodingReads['folded'], leavingBySource: ReadonlyMap<string, number>, incomingBySource: ReadonlyMap<string, readonly Coding[]>): Promise<void> {
  const compacting = [...rewrite].flatMap((sourceId) => {
    const stored = folded.get(sourceId);
    if (!stored || stored.quotes) return [];
    return wantsCompaction(stored.columns, leavingBySource.get(sourceId) ?? 0, incomingBySource.get(sourceId)?.length ?? 0) ? [stored] : [];
  });
  if (compacting.length === 0) return;
  const quotes = await quotesOf(compacting.map((s) => s.columns));
  compacting.forEach((stored, i) => (stored.quotes = quotes[i]));
}

function groupBySource(codings: Iterable<Coding>): Map<string, Coding[]> {
  const out = new Map<string, Coding[]>();
  for (const c of codings) {
    const list = out.get(c.sourceId);
    if (list) list.push(c);
    else out.set(c.sourceId, [c]);
  }
  return out;
}

/**
 * Writes a change set's codings, exactly (no de-duplication: the plan decided). The one place
 * that knows both layouts on write: a small change goes in as rows (an interactive coding costs
 * one put; the fast path of "digit key → painted"); a coding leaving the columns, or many coming
 * in (into a source, or in the step), rewrites its source's columns once. Every id written or removed loses its row, so a row
 * never hides a stale folded copy; only rows that exist are deleted (one request each).
 */
export async function applyCodingChanges(
  changes: EntityChanges<Coding>,
  reads: CodingReads = newCodingReads(),
  newSources: ReadonlySet<string> = new Set(),
  /** Only additions proven new: rows are added, not put, so a stored id fails the transaction. */
  { addOnly = false } = {},
): Promise<void> {
  const { added, updated, removed } = changes;
  if (added.length + updated.length + removed.length === 0) return;
  const db = getDb();
  // A source created by this same change set holds no coding yet, in either layout: nothing to
  // read back and no row to look for (opening a 100,000-coding project would otherwise look up
  // 100,000 rows that cannot exist).
  for (const sourceId of newSources) if (!reads.folded.has(sourceId)) reads.folded.set(sourceId, null);
  const leaving = [...removed, ...updated.map(([before]) => before)];
  const incoming = [...updated.map(([, after]) => after), ...added];
  const leavingIds = leaving.map((c) => c.id);
  const asRows = await rowIdsAmong(leavingIds, reads);
  // Sources whose columns hold a leaving coding, and sources receiving many codings.
  const rewrite = new Set(leaving.filter((c) => !asRows.has(c.id)).map((c) => c.sourceId));
  const incomingBySource = groupBySource(incoming);
  for (const [sourceId, list] of incomingBySource) if (intoColumns(list.length, incoming.length)) rewrite.add(sourceId);
  const rowPuts = incoming.filter((c) => !rewrite.has(c.sourceId));
  const folding = incoming.filter((c) => rewrite.has(c.sourceId) && !newSources.has(c.sourceId)).map((c) => c.id);
  const rowDeletes = [...asRows, ...(await rowIdsAmong(folding, reads))];
  if (rewrite.size > 0) {
    const folded = await foldedThrough([...rewrite], reads);
    const gone = new Set(leavingIds);
    await quotesToCompact(rewrite, folded, groupCountBySource(leaving.filter((c) => !asRows.has(c.id))), incomingBySource);
    const next = new Map<string, EditedColumns>();
    for (const sourceId of rewrite) {
      const stored = folded.get(sourceId) ?? null;
      const arriving = incomingBySource.get(sourceId) ?? [];
      const projectId = stored?.columns.projectId ?? arriving[0]?.projectId ?? leaving[0]!.projectId;
      next.set(sourceId, editColumns(sourceId, projectId, stored, gone, arriving));
    }
    await writePacked(next);
  }
  if (rowDeletes.length > 0) await db.codings.bulkDelete([...new Set(rowDeletes)]);
  if (rowPuts.length > 0) await (addOnly ? db.codings.bulkAdd(rowPuts) : db.codings.bulkPut(rowPuts));
}
