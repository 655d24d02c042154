// Named operations on codings: applying a code to a span, in-vivo coding, removing a coding.
import type { Code, Coding } from '../../../../shared/model/types';
import { checkCodableSpan } from '../../../../shared/text/span';
import { quoteAt } from '../../../../shared/text/quote';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { getDb } from '../db';
import { codingTables, countRecentCodings, deleteCoding, findSameCoding, FOLD_THRESHOLD, foldRecentCodings, getCoding, putCoding } from '../codingsRepository';
import { createCodeInTx } from './codes';
import { newId, nowIso } from './now';

export interface Span {
  sourceId: string;
  start: number;
  end: number;
}

/** Applies a code to a span. Applying the same code to the same span twice keeps one coding. */
export async function applyCode(span: Span, codeId: string, coder: string): Promise<Coding> {
  const db = getDb();
  const coding = await db.transaction('rw', [db.sourceTexts, db.codes, ...codingTables()], () =>
    applyCodeInTx(span, codeId, coder),
  );
  // Folding is housekeeping: if it fails the rows simply stay rows, which readers handle.
  foldWhenDue(span.sourceId).catch(() => undefined);
  return coding;
}

/** Folds a source's recent rows into its block once enough have gathered (its own transaction). */
async function foldWhenDue(sourceId: string): Promise<void> {
  if ((await countRecentCodings(sourceId)) >= FOLD_THRESHOLD) await foldRecentCodings(sourceId);
}

async function applyCodeInTx(span: Span, codeId: string, coder: string): Promise<Coding> {
  const db = getDb();
  const row = await db.sourceTexts.get(span.sourceId);
  if (!row) throw new Error('That source no longer exists.');
  const code = await db.codes.get(codeId);
  if (!code || code.projectId !== row.projectId) throw new Error('That code no longer exists.');
  if (!isCodableCode(code)) throw new Error(`“${code.name}” is a folder: apply one of its codes instead.`);
  const check = checkCodableSpan(row.text, span.start, span.end);
  if (!check.ok) throw new Error(check.reason);
  const existing = await findSameCoding(span.sourceId, codeId, span.start, span.end);
  if (existing) return existing;
  const coding: Coding = {
    id: newId(),
    projectId: row.projectId,
    sourceId: span.sourceId,
    codeId,
    start: span.start,
    end: span.end,
    ...quoteAt(row.text, span.start, span.end),
    coder,
    createdAt: nowIso(),
  };
  await putCoding(coding);
  return coding;
}

/** Longest in-vivo code name; longer selections are cut at a word boundary with an ellipsis. */
export const IN_VIVO_MAX = 60;

export function inVivoName(selected: string): string {
  const words = selected.replace(/\s+/g, ' ').trim();
  if (words.length <= IN_VIVO_MAX) return words;
  const cut = words.slice(0, IN_VIVO_MAX).replace(/[\uD800-\uDBFF]$/, ''); // never half an emoji
  // A word ending exactly at the limit is whole when a space follows it.
  const lastSpace = words[IN_VIVO_MAX] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(lastSpace > 20 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** Creates a top-level code named by the selected words and applies it, in one transaction. */
export async function codeInVivo(span: Span, coder: string): Promise<{ code: Code; coding: Coding }> {
  const db = getDb();
  return db.transaction('rw', [db.sourceTexts, db.codes, ...codingTables()], async () => {
    const row = await db.sourceTexts.get(span.sourceId);
    if (!row) throw new Error('That source no longer exists.');
    const check = checkCodableSpan(row.text, span.start, span.end);
    if (!check.ok) throw new Error(check.reason);
    const code = await createCodeInTx({ projectId: row.projectId, name: inVivoName(row.text.slice(span.start, span.end)) });
    const coding = await applyCodeInTx(span, code.id, coder);
    return { code, coding };
  });
}

/** Removes one coding (and memos on it). Pass its source when known: it saves a search. */
export async function removeCoding(codingId: string, sourceId?: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [...codingTables(), db.memos], async () => {
    if (!(await getCoding(codingId, sourceId))) return;
    await db.memos.where('targetId').equals(codingId).delete();
    await deleteCoding(codingId, sourceId);
  });
}
