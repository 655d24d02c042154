// Every read and write of codings goes through here, because they are stored in two layouts
// (schemaV5): one packed block per (source, code) — cheap to read whole, to retrieve a code's
// segments, and to bulk-write — and rows for recent interactive edits (a few ms to add one).
// Readers always see the union; `foldRecentCodings` moves rows into blocks. `codingStats` keeps
// each source's block counts per code so the codebook's counts never read codings.
// Functions join the caller's Dexie transaction when called inside one; that transaction must
// include `codingTables()`.
import type { Table } from 'dexie';
import type { Coding } from '../../../shared/model/types';
import { getDb, type CodeBlock } from './db';

/** Rows a source may gather before they are folded into its blocks. */
export const FOLD_THRESHOLD = 200;

/** The tables a transaction that reads or writes codings must include. */
export function codingTables(): Table[] {
  const db = getDb();
  return [db.codings, db.codeBlocks, db.codingStats];
}

const spanKey = (c: Coding): string => `${c.sourceId}|${c.codeId}|${c.start}|${c.end}`;

/** Merges codings into a list: same id replaces; same code and span as another is dropped. */
function mergeInto(existing: readonly Coding[], incoming: readonly Coding[]): Coding[] {
  const byId = new Map(existing.map((c, i) => [c.id, i]));
  const spans = new Set(existing.map(spanKey));
  const out = [...existing];
  for (const coding of incoming) {
    const at = byId.get(coding.id);
    if (at !== undefined) {
      out[at] = coding;
      continue;
    }
    const key = spanKey(coding);
    if (spans.has(key)) continue;
    spans.add(key);
    byId.set(coding.id, out.length);
    out.push(coding);
  }
  return out;
}

/** The union of blocks and rows: a row replaces a block entry with its id (an edited coding). */
function unionWithRows(blocks: readonly CodeBlock[], rows: readonly Coding[]): Coding[] {
  const rowIds = rows.length > 0 ? new Set(rows.map((r) => r.id)) : null;
  const out: Coding[] = [];
  for (const block of blocks) {
    for (const coding of block.codings) if (!rowIds?.has(coding.id)) out.push(coding);
  }
  for (const row of rows) out.push(row);
  return out;
}

/** Writes a source's blocks for the given codes (deleting empty ones) and their counts. */
async function writeBlocks(sourceId: string, projectId: string, blocks: ReadonlyMap<string, Coding[]>): Promise<void> {
  const db = getDb();
  const full: CodeBlock[] = [];
  const empty: Array<[string, string]> = [];
  for (const [codeId, codings] of blocks) {
    if (codings.length > 0) full.push({ sourceId, codeId, projectId, codings });
    else empty.push([sourceId, codeId]);
  }
  if (full.length > 0) await db.codeBlocks.bulkPut(full);
  if (empty.length > 0) await db.codeBlocks.bulkDelete(empty);
  const stats = (await db.codingStats.get(sourceId)) ?? { sourceId, projectId, counts: {} };
  for (const [codeId, codings] of blocks) {
    if (codings.length > 0) stats.counts[codeId] = codings.length;
    else delete stats.counts[codeId];
  }
  await db.codingStats.put(stats);
}

/** Adds one new coding (an interactive edit): a row, folded into its block later. */
export function putCoding(coding: Coding): Promise<string> {
  return getDb().codings.put(coding);
}

/**
 * Adds or replaces many codings at once (imports, merges, folding): straight into the blocks.
 * A coding whose id already sits in another code's block (recoded) moves out of it.
 */
export async function putCodings(codings: readonly Coding[]): Promise<void> {
  const db = getDb();
  const bySource = new Map<string, Coding[]>();
  for (const coding of codings) {
    const list = bySource.get(coding.sourceId);
    if (list) list.push(coding);
    else bySource.set(coding.sourceId, [coding]);
  }
  for (const [sourceId, incoming] of bySource) {
    const existing = await db.codeBlocks.where('sourceId').equals(sourceId).toArray();
    const blocks = new Map(existing.map((b) => [b.codeId, b.codings]));
    const incomingIds = new Set(incoming.map((c) => c.id));
    const changed = new Map<string, Coding[]>();
    // Take the incoming ids out of every block first (a recoded coding changes block).
    for (const [codeId, list] of blocks) {
      if (!list.some((c) => incomingIds.has(c.id))) continue;
      changed.set(codeId, list.filter((c) => !incomingIds.has(c.id)));
    }
    const byCode = new Map<string, Coding[]>();
    for (const coding of incoming) {
      const list = byCode.get(coding.codeId);
      if (list) list.push(coding);
      else byCode.set(coding.codeId, [coding]);
    }
    for (const [codeId, list] of byCode) {
      changed.set(codeId, mergeInto(changed.get(codeId) ?? blocks.get(codeId) ?? [], list));
    }
    // Rows with the same ids would shadow the new versions.
    await db.codings.bulkDelete([...incomingIds]);
    await writeBlocks(sourceId, incoming[0]!.projectId, changed);
  }
}

export async function codingsOfSource(sourceId: string): Promise<Coding[]> {
  const db = getDb();
  const [blocks, rows] = await Promise.all([
    db.codeBlocks.where('sourceId').equals(sourceId).toArray(),
    db.codings.where('sourceId').equals(sourceId).toArray(),
  ]);
  return unionWithRows(blocks, rows);
}

export async function codingsOfProject(projectId: string): Promise<Coding[]> {
  const db = getDb();
  const [blocks, rows] = await Promise.all([
    db.codeBlocks.where('projectId').equals(projectId).toArray(),
    db.codings.where('projectId').equals(projectId).toArray(),
  ]);
  return unionWithRows(blocks, rows);
}

/** The codings of some codes: reads only those codes' blocks. */
export async function codingsOfCodes(codeIds: readonly string[]): Promise<Coding[]> {
  if (codeIds.length === 0) return [];
  const db = getDb();
  const [blocks, rows] = await Promise.all([
    db.codeBlocks.where('codeId').anyOf([...codeIds]).toArray(),
    db.codings.where('codeId').anyOf([...codeIds]).toArray(),
  ]);
  return unionWithRows(blocks, rows);
}

/** One coding by id; pass its source when known (otherwise every block is searched). */
export async function getCoding(id: string, sourceId?: string): Promise<Coding | undefined> {
  const db = getDb();
  const row = await db.codings.get(id);
  if (row) return row;
  const blocks = sourceId !== undefined ? db.codeBlocks.where('sourceId').equals(sourceId) : db.codeBlocks.toCollection();
  let found: Coding | undefined;
  await blocks.until(() => found !== undefined).each((block) => {
    found ??= block.codings.find((c) => c.id === id);
  });
  return found;
}

/** A coding of the same code over the same span of the same source, if there is one. */
export async function findSameCoding(sourceId: string, codeId: string, start: number, end: number): Promise<Coding | undefined> {
  const db = getDb();
  const same = (c: Coding): boolean => c.start === start && c.end === end;
  const row = await db.codings.where('[sourceId+codeId]').equals([sourceId, codeId]).filter(same).first();
  if (row) return row;
  return (await db.codeBlocks.get([sourceId, codeId]))?.codings.find(same);
}

/** Deletes codings of one source by id: each affected block is written once. */
export async function deleteCodingsOfSourceById(sourceId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const db = getDb();
  const wanted = new Set(ids);
  let removed = await db.codings.where('sourceId').equals(sourceId).filter((c) => wanted.has(c.id)).delete();
  const blocks = await db.codeBlocks.where('sourceId').equals(sourceId).toArray();
  const changed = new Map<string, Coding[]>();
  for (const block of blocks) {
    const kept = block.codings.filter((c) => !wanted.has(c.id));
    if (kept.length === block.codings.length) continue;
    removed += block.codings.length - kept.length;
    changed.set(block.codeId, kept);
  }
  if (changed.size > 0) await writeBlocks(sourceId, blocks[0]!.projectId, changed);
  return removed;
}

export async function deleteCoding(id: string, sourceId?: string): Promise<void> {
  const coding = await getCoding(id, sourceId);
  if (coding) await deleteCodingsOfSourceById(coding.sourceId, [id]);
}

export async function deleteCodingsOfSource(sourceId: string): Promise<number> {
  const db = getDb();
  const blocks = await db.codeBlocks.where('sourceId').equals(sourceId).toArray();
  await db.codeBlocks.where('sourceId').equals(sourceId).delete();
  await db.codingStats.delete(sourceId);
  const rows = await db.codings.where('sourceId').equals(sourceId).delete();
  return rows + blocks.reduce((n, b) => n + b.codings.length, 0);
}

export async function deleteCodingsOfCodes(codeIds: readonly string[]): Promise<number> {
  if (codeIds.length === 0) return 0;
  const db = getDb();
  let removed = await db.codings.where('codeId').anyOf([...codeIds]).delete();
  const blocks = await db.codeBlocks.where('codeId').anyOf([...codeIds]).toArray();
  const bySource = new Map<string, { projectId: string; changed: Map<string, Coding[]> }>();
  for (const block of blocks) {
    removed += block.codings.length;
    const entry = bySource.get(block.sourceId) ?? { projectId: block.projectId, changed: new Map<string, Coding[]>() };
    entry.changed.set(block.codeId, []);
    bySource.set(block.sourceId, entry);
  }
  for (const [sourceId, { projectId, changed }] of bySource) await writeBlocks(sourceId, projectId, changed);
  return removed;
}

export async function deleteCodingsOfProject(projectId: string): Promise<number> {
  const db = getDb();
  const stats = await db.codingStats.where('projectId').equals(projectId).toArray();
  await db.codeBlocks.where('projectId').equals(projectId).delete();
  await db.codingStats.where('projectId').equals(projectId).delete();
  const rows = await db.codings.where('projectId').equals(projectId).delete();
  return rows + stats.reduce((n, s) => n + Object.values(s.counts).reduce((a, b) => a + b, 0), 0);
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

export async function countCodingsOfSource(sourceId: string): Promise<number> {
  const db = getDb();
  const stats = await db.codingStats.get(sourceId);
  const inBlocks = stats ? Object.values(stats.counts).reduce((a, b) => a + b, 0) : 0;
  return inBlocks + (await db.codings.where('sourceId').equals(sourceId).count());
}

export async function countCodingsOfProject(projectId: string): Promise<number> {
  return (await codingTallies(projectId)).reduce((n, t) => n + t.count, 0);
}

/** How many recent rows a source has gathered (to decide when to fold). */
export function countRecentCodings(sourceId: string): Promise<number> {
  return getDb().codings.where('sourceId').equals(sourceId).count();
}

/** Moves a source's recent rows into its blocks, in one transaction. */
export async function foldRecentCodings(sourceId: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', codingTables(), async () => {
    const rows = await db.codings.where('sourceId').equals(sourceId).toArray();
    if (rows.length > 0) await putCodings(rows);
  });
}
