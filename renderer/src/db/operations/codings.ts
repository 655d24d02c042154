// Named operations on codings: applying a code to a span, in-vivo coding, removing a coding.
// Each plans a change set and commits it through the one door (./commit.ts).
import type { Code, Coding, CodingSpan } from '../../../../shared/model/types';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { checkCodableSpan } from '../../../../shared/text/span';
import { quoteAt } from '../../../../shared/text/quote';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { getDb } from '../db';
import { findSameCoding, getCoding } from '../codingsRepository';
import { sourceTextRecord } from '../sourceTextReads';
import { planNewPinnedCode } from './codes';
import { commit } from './commit';
import { foldWhenDue } from './folding';
import { newId, nowIso } from './now';
import { plural } from '../../../../shared/text/plural';

/** The passage a code is applied to: where a coding sits, before it has an id or a code. */
export type Span = Pick<CodingSpan, 'sourceId' | 'start' | 'end'>;

async function projectOfSource(sourceId: string): Promise<string> {
  const source = await getDb().sources.get(sourceId);
  if (!source) throw new Error('That source no longer exists.');
  return source.projectId;
}

function passages(n: number): string {
  return plural(n, 'passage');
}

/**
 * Applies a code to a span. Applying the same code to the same span twice keeps one coding.
 * `projectId`, when the caller knows it (the open project), saves reading the source first; a
 * source that turns out to be in another project refuses the step.
 */
export async function applyCode(span: Span, codeId: string, coder: string, projectId?: string): Promise<Coding> {
  const project = projectId ?? (await projectOfSource(span.sourceId));
  const coding = await commit(project, 'Apply a code', async () => {
    const changes = new ChangeSetBuilder();
    const { coding, code, isNew } = await planApplyCode(span, codeId, coder, changes, undefined, project);
    return { changes: isNew ? changes.build() : {}, result: coding, label: `Apply ${code.name} to ${passages(1)}` };
  });
  // Folding is housekeeping, off the path that paints the new coding.
  foldWhenDue(span.sourceId);
  return coding;
}

/** Plans one coding into `changes`; `code` may be planned in the same set (in-vivo). */
async function planApplyCode(
  span: Span,
  codeId: string,
  coder: string,
  changes: ChangeSetBuilder,
  planned?: Code,
  projectId?: string,
): Promise<{ coding: Coding; code: Code; isNew: boolean }> {
  const db = getDb();
  const row = await sourceTextRecord(span.sourceId);
  if (!row || (projectId !== undefined && row.projectId !== projectId)) throw new Error('That source no longer exists.');
  const code = planned ?? (await db.codes.get(codeId));
  if (!code || code.projectId !== row.projectId) throw new Error('That code no longer exists.');
  if (!isCodableCode(code)) throw new Error(`“${code.name}” is a folder: apply one of its codes instead.`);
  const check = checkCodableSpan(row.text, span.start, span.end);
  if (!check.ok) throw new Error(check.reason);
  const existing = planned ? undefined : await findSameCoding(span.sourceId, codeId, span.start, span.end, coder);
  if (existing) return { coding: existing, code, isNew: false };
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
  changes.add('codings', coding);
  return { coding, code, isNew: true };
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

/** Creates a top-level code named by the selected words and applies it, as one step. */
export async function codeInVivo(span: Span, coder: string): Promise<{ code: Code; coding: Coding }> {
  const projectId = await projectOfSource(span.sourceId);
  return commit(projectId, 'Code in vivo', async () => {
    const row = await sourceTextRecord(span.sourceId);
    if (!row) throw new Error('That source no longer exists.');
    const check = checkCodableSpan(row.text, span.start, span.end);
    if (!check.ok) throw new Error(check.reason);
    const changes = new ChangeSetBuilder();
    const code = await planNewPinnedCode({ projectId: row.projectId, name: inVivoName(row.text.slice(span.start, span.end)) }, changes);
    const { coding } = await planApplyCode(span, code.id, coder, changes, code);
    return { changes: changes.build(), result: { code, coding }, label: `Code “${code.name}” in vivo` };
  });
}

/** Removes one coding (and memos on it). Pass its source when known: it saves a search. */
/** Moves a coding's edges to `start`–`end` (its quote follows), as one undoable step. */
export async function resizeCoding(codingId: string, sourceId: string, start: number, end: number): Promise<void> {
  const coding = await getCoding(codingId, sourceId);
  if (!coding) throw new Error('That coding no longer exists.');
  await commit(coding.projectId, 'Resize a coding', async () => {
    const db = getDb();
    const current = await getCoding(codingId, sourceId);
    if (!current) throw new Error('That coding no longer exists.');
    if (current.start === start && current.end === end) return { changes: {}, result: undefined };
    const row = await sourceTextRecord(sourceId);
    if (!row) throw new Error('That source no longer exists.');
    const check = checkCodableSpan(row.text, start, end);
    if (!check.ok) throw new Error(check.reason);
    const code = await db.codes.get(current.codeId);
    const after: Coding = { ...current, start, end, ...quoteAt(row.text, start, end) };
    const grew = end - start > current.end - current.start;
    return {
      changes: new ChangeSetBuilder().update('codings', current, after).build(),
      result: undefined,
      label: `${grew ? 'Extend' : 'Shrink'} a coding of ${code?.name ?? 'a code'}`,
    };
  });
}

export async function removeCoding(codingId: string, sourceId?: string): Promise<void> {
  const coding = await getCoding(codingId, sourceId);
  if (!coding) return;
  await commit(coding.projectId, 'Remove a coding', async () => {
    const db = getDb();
    const current = await getCoding(codingId, coding.sourceId);
    if (!current) return { changes: {}, result: undefined };
    const code = await db.codes.get(current.codeId);
    const memos = await db.memos.where('targetId').equals(codingId).toArray();
    return {
      changes: new ChangeSetBuilder().remove('codings', current).remove('memos', ...memos).build(),
      result: undefined,
      label: `Remove ${code?.name ?? 'a code'} from ${passages(1)}`,
    };
  });
}
