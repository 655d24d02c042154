// Codings: theirs are re-keyed onto our sources, codes and coders, then compared by what they
// say: the same coder, source, code and span is the same coding, kept once (ours). Every other
// coding is added, including other coders' codings of the same passage, which stand side by side
// with ours: a merge never overwrites or drops a coding. A coding whose code or source is not in
// their file cannot be placed and is reported.
import type { Coding } from '../model/types';
import { coderIdFor } from './mergeCoders';
import { addRecord, claimId, type MergeContext } from './mergeContext';
import { noteAdded, noteConflict, noteMatched } from './mergeReport';

/** What makes two codings the same one. */
export function codingKey(c: Pick<Coding, 'sourceId' | 'codeId' | 'coder' | 'start' | 'end'>): string {
  return `${c.sourceId}\u0000${c.codeId}\u0000${c.coder}\u0000${c.start}\u0000${c.end}`;
}

/**
 * `codingKey` with the ids (source, code, coder: 36-character GUIDs) replaced by small numbers,
 * one per distinct id: the same equality, with keys a fifth as long to build and hash (a merge
 * of two 100,000-coding projects keys every coding of ours).
 */
function shortKeys(): (c: Pick<Coding, 'sourceId' | 'codeId' | 'coder' | 'start' | 'end'>) => string {
  const numbers = new Map<string, number>();
  const number = (id: string): number => {
    let n = numbers.get(id);
    if (n === undefined) numbers.set(id, (n = numbers.size));
    return n;
  };
  return (c) => `${number(c.sourceId)}\u0000${number(c.codeId)}\u0000${number(c.coder)}\u0000${c.start}\u0000${c.end}`;
}

export function mergeCodings(ctx: MergeContext): void {
  // Duplicates can exist here (several ids, one key): theirs then maps to the one with its id, so
  // memos on a coding stay on that very coding.
  const ourById = new Map<string, Coding>();
  for (const c of ctx.ours.codings) ourById.set(c.id, c);
  const keyOf = shortKeys();
  // Ours by what they say, built on the first coding of theirs that is not ours under its own id
  // (a copy of our own project has few): a key string per coding is most of this step's work.
  let ourByKey: Map<string, string> | null = null;
  const byKey = (): Map<string, string> => {
    if (ourByKey) return ourByKey;
    ourByKey = new Map();
    for (const c of ctx.ours.codings) {
      const key = keyOf(c);
      if (!ourByKey.has(key)) ourByKey.set(key, c.id);
    }
    return ourByKey;
  };
  const coderOf = new Map<string, string>();
  let unplaced = 0;
  for (const coding of ctx.theirs.codings) {
    const sourceId = ctx.ids.sources.get(coding.sourceId);
    const codeId = ctx.ids.codes.get(coding.codeId);
    if (sourceId === undefined || codeId === undefined) {
      unplaced++;
      continue;
    }
    let coder = coderOf.get(coding.coder);
    if (coder === undefined) coderOf.set(coding.coder, (coder = coderIdFor(ctx, coding.coder)));
    const same = ourById.get(coding.id);
    let existing: string | undefined;
    let key: string | undefined;
    if (same && same.sourceId === sourceId && same.codeId === codeId && same.coder === coder && same.start === coding.start && same.end === coding.end) existing = same.id;
    else existing = byKey().get((key = keyOf({ sourceId, codeId, coder, start: coding.start, end: coding.end })));
    if (existing !== undefined) {
      ctx.ids.codings.set(coding.id, existing);
      noteMatched(ctx.report, { kind: 'codings', theirs: coding.id, ours: existing, label: coding.exact, rule: 'same record' });
      continue;
    }
    const id = claimId(ctx, 'codings', coding.id);
    byKey().set(key!, id);
    ctx.ids.codings.set(coding.id, id);
    addRecord(ctx, 'codings', { ...coding, projectId: ctx.projectId, sourceId, codeId, coder, id });
    noteAdded(ctx.report, { kind: 'codings', theirs: coding.id, ours: id, label: coding.exact });
  }
  if (unplaced > 0) {
    noteConflict(ctx.report, {
      kind: 'codings',
      theirs: '',
      label: `${unplaced} coding${unplaced === 1 ? '' : 's'}`,
      reason: `${unplaced} coding${unplaced === 1 ? '' : 's'} in the file refer to a code or source the file does not contain and were left out.`,
    });
  }
}
