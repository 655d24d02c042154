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

export function mergeCodings(ctx: MergeContext): void {
  // Duplicates can exist here (several ids, one key): theirs then maps to the one with its id, so
  // memos on a coding stay on that very coding.
  const ours = new Map<string, string>();
  const ourIds = new Map(ctx.ours.codings.map((c) => [c.id, codingKey(c)]));
  for (const c of ctx.ours.codings) if (!ours.has(codingKey(c))) ours.set(codingKey(c), c.id);
  let unplaced = 0;
  for (const coding of ctx.theirs.codings) {
    const sourceId = ctx.ids.sources.get(coding.sourceId);
    const codeId = ctx.ids.codes.get(coding.codeId);
    if (sourceId === undefined || codeId === undefined) {
      unplaced++;
      continue;
    }
    const mapped: Coding = { ...coding, projectId: ctx.projectId, sourceId, codeId, coder: coderIdFor(ctx, coding.coder) };
    const key = codingKey(mapped);
    const existing = ourIds.get(coding.id) === key ? coding.id : ours.get(key);
    if (existing !== undefined) {
      ctx.ids.codings.set(coding.id, existing);
      noteMatched(ctx.report, { kind: 'codings', theirs: coding.id, ours: existing, label: coding.exact, rule: 'same record' });
      continue;
    }
    const id = claimId(ctx, 'codings', coding.id);
    ours.set(key, id);
    ctx.ids.codings.set(coding.id, id);
    addRecord(ctx, 'codings', { ...mapped, id });
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
