// Memos: re-targeted onto our project, sources, codes, codings and cases, then compared by what
// they say: the same target, title and body is the same memo, kept once (ours). A memo with our
// id but other words was edited apart in the two copies: theirs is added beside ours under a
// fresh id (never overwriting) and the conflict reported. A memo whose target is not in the
// file cannot be placed and is reported.
import type { Memo } from '../model/types';
import { coderIdFor } from './mergeCoders';
import { addRecord, claimId, type MergeContext } from './mergeContext';
import { noteAdded, noteConflict, noteMatched } from './mergeReport';

function memoKey(m: Pick<Memo, 'targetKind' | 'targetId' | 'title' | 'body'>): string {
  return `${m.targetKind}\u0000${m.targetId}\u0000${m.title}\u0000${m.body}`;
}

function targetFor(ctx: MergeContext, memo: Memo): string | undefined {
  switch (memo.targetKind) {
    case 'project':
      return ctx.projectId;
    case 'source':
      return ctx.ids.sources.get(memo.targetId);
    case 'code':
      return ctx.ids.codes.get(memo.targetId);
    case 'coding':
      return ctx.ids.codings.get(memo.targetId);
    case 'case':
      return ctx.ids.cases.get(memo.targetId);
    default:
      return undefined;
  }
}

export function mergeMemos(ctx: MergeContext): void {
  const ours = new Map(ctx.ours.memos.map((m) => [memoKey(m), m.id]));
  const ourIds = new Set(ctx.ours.memos.map((m) => m.id));
  for (const memo of ctx.theirs.memos) {
    const targetId = targetFor(ctx, memo);
    const label = memo.title || memo.body.slice(0, 40);
    if (targetId === undefined) {
      noteConflict(ctx.report, { kind: 'memos', theirs: memo.id, label, reason: `The memo “${label}” is about a ${memo.targetKind} the file does not contain and was left out.` });
      continue;
    }
    const mapped: Memo = { ...memo, projectId: ctx.projectId, targetId, author: coderIdFor(ctx, memo.author) };
    const existing = ours.get(memoKey(mapped));
    if (existing !== undefined) {
      ctx.ids.memos.set(memo.id, existing);
      noteMatched(ctx.report, { kind: 'memos', theirs: memo.id, ours: existing, label, rule: 'same record' });
      continue;
    }
    const id = claimId(ctx, 'memos', memo.id);
    ours.set(memoKey(mapped), id);
    ctx.ids.memos.set(memo.id, id);
    addRecord(ctx, 'memos', { ...mapped, id });
    noteAdded(ctx.report, { kind: 'memos', theirs: memo.id, ours: id, label });
    if (ourIds.has(memo.id)) {
      noteConflict(ctx.report, { kind: 'memos', theirs: memo.id, label, reason: `The memo “${label}” was edited in both copies: theirs was added beside ours.` });
    }
  }
}
