// Every read and write of codings goes through here, because they are stored in two layouts
// (schemaV3): one packed block per source (cheap to read whole and to bulk-write) and rows for
// recent interactive edits (cheap to add one). Readers always see the union; `foldRecentCodings`
// moves rows into the block. Functions join the caller's Dexie transaction when called inside one
// (which must then include both `codings` and `codingBlocks`).
import type { Coding } from '../../../shared/model/types';
import { getDb } from './db';

/** Rows a source may gather before they are folded into its block. */
export const FOLD_THRESHOLD = 200;

function sameSpan(a: Coding, b: Coding): boolean {
  return a.codeId === b.codeId && a.start === b.start && a.end === b.end;
}

/** Merges codings into a list: same id replaces; same code and span as another is dropped. */
function mergeInto(existing: Coding[], incoming: readonly Coding[]): Coding[] {
  const byId = new Map(existing.map((c, i) => [c.id, i]));
  const spanKey = (c: Coding): string => `${c.sourceId}|${c.codeId}|${c.start}|${c.end}`;
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

/** Adds one coding (an interactive edit): a row, folded into the block later. */
export async function putCoding(coding: Coding): Promise<string> {
  return getDb().codings.put(coding);
}

/** Adds many codings at once (imports, sample, bulk operations): straight into the blocks. */
export async function putCodings(codings: readonly Coding[]): Promise<void> {
  const db = getDb();
  const bySource = new Map<string, Coding[]>();
  for (const coding of codings) {
    const list = bySource.get(coding.sourceId);
    if (list) list.push(coding);
    else bySource.set(coding.sourceId, [coding]);
  }
  for (const [sourceId, list] of bySource) {
    const block = await db.codingBlocks.get(sourceId);
    // Rows with the same ids would shadow the new versions: drop them.
    await db.codings.bulkDelete(list.map((c) => c.id));
    await db.codingBlocks.put({
      sourceId,
      projectId: list[0]!.projectId,
      codings: mergeInto(block?.codings ?? [], list),
    });
  }
}

export async function codingsOfSource(sourceId: string): Promise<Coding[]> {
  const db = getDb();
  const [block, rows] = await Promise.all([
    db.codingBlocks.get(sourceId),
    db.codings.where('sourceId').equals(sourceId).toArray(),
  ]);
  return block ? mergeInto(block.codings, rows) : rows;
}

export async function codingsOfProject(projectId: string): Promise<Coding[]> {
  const db = getDb();
  const [blocks, rows] = await Promise.all([
    db.codingBlocks.where('projectId').equals(projectId).toArray(),
    db.codings.where('projectId').equals(projectId).toArray(),
  ]);
  const out: Coding[] = [];
  for (const block of blocks) for (const coding of block.codings) out.push(coding);
  if (rows.length === 0) return out;
  // Rows may replace block entries by id (an edited coding): merge per source.
  const rowIds = new Set(rows.map((r) => r.id));
  return [...out.filter((c) => !rowIds.has(c.id)), ...rows];
}

/** The codings of some codes (all in one project). */
export async function codingsOfCodes(codeIds: readonly string[]): Promise<Coding[]> {
  if (codeIds.length === 0) return [];
  const code = await getDb().codes.get(codeIds[0]!);
  if (!code) return [];
  const wanted = new Set(codeIds);
  return (await codingsOfProject(code.projectId)).filter((c) => wanted.has(c.codeId));
}

/** One coding by id; pass its source when known (otherwise every block of every project is read). */
export async function getCoding(id: string, sourceId?: string): Promise<Coding | undefined> {
  const db = getDb();
  const row = await db.codings.get(id);
  if (row) return row;
  if (sourceId !== undefined) return (await db.codingBlocks.get(sourceId))?.codings.find((c) => c.id === id);
  let found: Coding | undefined;
  await db.codingBlocks.each((block) => {
    found ??= block.codings.find((c) => c.id === id);
  });
  return found;
}

/** A coding of the same code over the same span of the same source, if there is one. */
export async function findSameCoding(sourceId: string, codeId: string, start: number, end: number): Promise<Coding | undefined> {
  const probe = { codeId, start, end } as Coding;
  const row = await getDb()
    .codings.where('[sourceId+codeId]')
    .equals([sourceId, codeId])
    .filter((c) => sameSpan(c, probe))
    .first();
  if (row) return row;
  return (await getDb().codingBlocks.get(sourceId))?.codings.find((c) => sameSpan(c, probe));
}

export async function deleteCoding(id: string, sourceId?: string): Promise<void> {
  const db = getDb();
  const coding = await getCoding(id, sourceId);
  if (!coding) return;
  await db.codings.delete(id);
  const block = await db.codingBlocks.get(coding.sourceId);
  if (block?.codings.some((c) => c.id === id)) {
    await db.codingBlocks.put({ ...block, codings: block.codings.filter((c) => c.id !== id) });
  }
}

export async function deleteCodingsOfSource(sourceId: string): Promise<number> {
  const db = getDb();
  const inBlock = (await db.codingBlocks.get(sourceId))?.codings.length ?? 0;
  await db.codingBlocks.delete(sourceId);
  return inBlock + (await db.codings.where('sourceId').equals(sourceId).delete());
}

export async function deleteCodingsOfCodes(codeIds: readonly string[]): Promise<number> {
  if (codeIds.length === 0) return 0;
  const db = getDb();
  const code = await db.codes.get(codeIds[0]!);
  const wanted = new Set(codeIds);
  let removed = await db.codings.where('codeId').anyOf([...codeIds]).delete();
  if (!code) return removed;
  const blocks = await db.codingBlocks.where('projectId').equals(code.projectId).toArray();
  for (const block of blocks) {
    const kept = block.codings.filter((c) => !wanted.has(c.codeId));
    if (kept.length === block.codings.length) continue;
    removed += block.codings.length - kept.length;
    await db.codingBlocks.put({ ...block, codings: kept });
  }
  return removed;
}

export async function deleteCodingsOfProject(projectId: string): Promise<number> {
  const db = getDb();
  const blocks = await db.codingBlocks.where('projectId').equals(projectId).toArray();
  await db.codingBlocks.where('projectId').equals(projectId).delete();
  const rows = await db.codings.where('projectId').equals(projectId).delete();
  return rows + blocks.reduce((n, b) => n + b.codings.length, 0);
}

export async function countCodingsOfSource(sourceId: string): Promise<number> {
  return (await codingsOfSource(sourceId)).length;
}

export async function countCodingsOfProject(projectId: string): Promise<number> {
  return (await codingsOfProject(projectId)).length;
}

/** How many recent rows a source has gathered (to decide when to fold). */
export function countRecentCodings(sourceId: string): Promise<number> {
  return getDb().codings.where('sourceId').equals(sourceId).count();
}

/** Moves a source's recent rows into its block, in one transaction. */
export async function foldRecentCodings(sourceId: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.codings, db.codingBlocks, db.codes], async () => {
    const rows = await db.codings.where('sourceId').equals(sourceId).toArray();
    if (rows.length === 0) return;
    await putCodings(rows);
  });
}
