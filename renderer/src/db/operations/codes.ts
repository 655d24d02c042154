// Named operations on the codebook: create, edit and delete codes. Each plans a change set and
// commits it through the one door (./commit.ts).
import type { Code } from '../../../../shared/model/types';
import { descendantIds, flattenTree } from '../../../../shared/codebook/tree';
import { planAssignShortcut, planShortcutForNewCode } from '../../../../shared/codebook/shortcuts';
import { isHexColor, nextPaletteColor } from '../../../../shared/codebook/palette';
import { dropDeletedCodes } from '../../../../shared/codebook/codeSets';
import { exampleRefusal } from '../../../../shared/codebook/definition';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { getDb } from '../db';
import { codingsOfCodes, codingTables, getCoding } from '../codingsRepository';
import { commit } from './commit';
import { cleanName } from './names';
import { newId, nowIso } from './now';
import { nextOrder } from '../../../../shared/model/order';

export interface NewCode {
  projectId: string;
  parentId?: string | null;
  name: string;
  description?: string;
  color?: string;
  inclusion?: string;
  exclusion?: string;
  memo?: string;
}

export async function createCode(input: NewCode): Promise<Code> {
  return commit(input.projectId, 'Create a code', async () => {
    const changes = new ChangeSetBuilder();
    const code = await planNewPinnedCode(input, changes);
    return { changes: changes.build(), result: code, label: `Create code ${code.name}` };
  });
}

/**
 * A new code added to `changes` with the lowest free digit shortcut pinned to it; codes of a
 * project without pins get theirs pinned in the same step (shared/codebook/shortcuts.ts).
 */
export async function planNewPinnedCode(input: NewCode, changes: ChangeSetBuilder): Promise<Code> {
  const planned = await planNewCode(input);
  const existing = await getDb().codes.where('projectId').equals(input.projectId).toArray();
  const { code, pins } = planShortcutForNewCode(flattenTree(existing).map((e) => e.code), planned);
  changes.add('codes', code);
  for (const [before, after] of pins) changes.update('codes', before, after);
  return code;
}

/** Gives the code a digit shortcut (null: none); the code that held the digit gives it up. One undoable step. */
export async function assignShortcut(codeId: string, digit: number | null): Promise<void> {
  const db = getDb();
  const found = await db.codes.get(codeId);
  if (!found) throw new Error('That code no longer exists.');
  await commit(found.projectId, 'Assign a shortcut', async () => {
    const all = await db.codes.where('projectId').equals(found.projectId).toArray();
    const updates = planAssignShortcut(flattenTree(all).map((e) => e.code), codeId, digit);
    const changes = new ChangeSetBuilder();
    for (const [before, after] of updates) changes.update('codes', before, after);
    const label = digit === null ? `Remove the shortcut of ${found.name}` : `Give ${found.name} the shortcut ${digit}`;
    return { changes: changes.build(), result: undefined, label };
  });
}

/**
 * The record of a new code, placed last among its siblings, read inside the caller's commit.
 * `planned` are codes the same step creates before it (so a second new sibling comes after).
 */
export async function planNewCode(input: NewCode, planned: readonly Code[] = []): Promise<Code> {
  const db = getDb();
  const name = cleanName(input.name, 'code');
  const parentId = input.parentId ?? null;
  const siblings = [...(await db.codes.where('projectId').equals(input.projectId).toArray()), ...planned];
  if (parentId !== null && !siblings.some((c) => c.id === parentId)) {
    throw new Error('The parent code no longer exists.');
  }
  if (input.color !== undefined && !isHexColor(input.color)) throw new Error(`"${input.color}" is not a colour.`);
  const sameLevel = siblings.filter((c) => c.parentId === parentId);
  const code: Code = {
    id: newId(),
    projectId: input.projectId,
    parentId,
    name,
    description: input.description?.trim() ?? '',
    color: input.color ?? nextPaletteColor(siblings.map((c) => c.color)),
    order: nextOrder(sameLevel),
    createdAt: nowIso(),
  };
  for (const field of ['inclusion', 'exclusion', 'memo'] as const) {
    const value = input[field]?.trim();
    if (value) code[field] = value;
  }
  return code;
}

export interface CodePatch {
  name?: string;
  description?: string;
  color?: string;
  /** The rest of the definition: when to apply the code, when not to, and free notes. */
  inclusion?: string;
  exclusion?: string;
  memo?: string;
  /** One of the code's own codings as its typical example, or null for none. */
  exampleCodingId?: string | null;
}

export async function updateCode(codeId: string, patch: CodePatch): Promise<void> {
  const changes: Partial<Code> = {};
  if (patch.name !== undefined) changes.name = cleanName(patch.name, 'code');
  if (patch.color !== undefined) {
    if (!isHexColor(patch.color)) throw new Error(`"${patch.color}" is not a colour.`);
    changes.color = patch.color.toLowerCase();
  }
  for (const field of ['description', 'inclusion', 'exclusion', 'memo'] as const) {
    const value = patch[field];
    if (value !== undefined) changes[field] = value.trim();
  }
  const db = getDb();
  const found = await db.codes.get(codeId);
  if (!found) throw new Error('That code no longer exists.');
  await commit(found.projectId, 'Edit a code', async () => {
    const code = await db.codes.get(codeId);
    if (!code) throw new Error('That code no longer exists.');
    if (patch.exampleCodingId !== undefined) {
      if (patch.exampleCodingId !== null) {
        const refusal = exampleRefusal(code, await getCoding(patch.exampleCodingId));
        if (refusal) throw new Error(refusal);
      }
      changes.exampleCodingId = patch.exampleCodingId;
    }
    const what = changes.name !== undefined && changes.name !== code.name ? `Rename code ${code.name} to ${changes.name}` : `Edit code ${code.name}`;
    return { changes: new ChangeSetBuilder().update('codes', code, { ...code, ...changes }).build(), result: undefined, label: what };
  });
}

export interface CodeDeletion {
  /** The code and all its descendants. */
  codeIds: string[];
  codings: number;
}

/** What deleting a code would take with it (its subcodes and all their codings). */
export async function describeCodeDeletion(codeId: string): Promise<CodeDeletion> {
  const db = getDb();
  return db.transaction('r', [db.codes, ...codingTables()], async () => {
    const code = await db.codes.get(codeId);
    if (!code) throw new Error('That code no longer exists.');
    const all = await db.codes.where('projectId').equals(code.projectId).toArray();
    const codeIds = [codeId, ...descendantIds(all, codeId)];
    return { codeIds, codings: (await codingsOfCodes(codeIds)).length };
  });
}

export async function deleteCode(codeId: string): Promise<void> {
  const db = getDb();
  const found = await db.codes.get(codeId);
  if (!found) return;
  await commit(found.projectId, 'Delete a code', async () => {
    const code = await db.codes.get(codeId);
    if (!code) return { changes: {}, result: undefined };
    const all = await db.codes.where('projectId').equals(code.projectId).toArray();
    const codeIds = [codeId, ...descendantIds(all, codeId)];
    const wanted = new Set(codeIds);
    const codings = await codingsOfCodes(codeIds);
    const memos = await db.memos.where('targetId').anyOf([...codeIds, ...codings.map((c) => c.id)]).toArray();
    const changes = new ChangeSetBuilder()
      .remove('codings', ...codings)
      .remove('memos', ...memos)
      .remove('codes', ...all.filter((c) => wanted.has(c.id)));
    const sets = await db.codeSets.where('projectId').equals(code.projectId).toArray();
    const setsById = new Map(sets.map((s) => [s.id, s]));
    for (const change of dropDeletedCodes(sets, codeIds)) {
      const before = setsById.get(change.id)!;
      changes.update('codeSets', before, { ...before, codeIds: change.codeIds });
    }
    const with_ = codings.length === 0 ? '' : ` and ${codings.length === 1 ? 'its coding' : `its ${codings.length} codings`}`;
    return { changes: changes.build(), result: undefined, label: `Delete code ${code.name}${with_}` };
  });
}
