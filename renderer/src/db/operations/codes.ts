// Named operations on the codebook. Each is one Dexie transaction.
import type { Code } from '../../../../shared/model/types';
import { descendantIds } from '../../../../shared/codebook/tree';
import { isHexColor, nextPaletteColor } from '../../../../shared/codebook/palette';
import { dropDeletedCodes } from '../../../../shared/codebook/codeSets';
import { exampleRefusal } from '../../../../shared/codebook/definition';
import { getDb } from '../db';
import { codingsOfCodes, codingTables, deleteCodingsOfCodes, getCoding } from '../codingsRepository';
import { cleanName } from './names';
import { newId, nowIso } from './now';

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
  const db = getDb();
  return db.transaction('rw', [db.codes], () => createCodeInTx(input));
}

/** Creates a code inside the caller's transaction (which must include `codes`). */
export async function createCodeInTx(input: NewCode): Promise<Code> {
  const db = getDb();
  const name = cleanName(input.name, 'code');
  const parentId = input.parentId ?? null;
  const siblings = await db.codes.where('projectId').equals(input.projectId).toArray();
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
    order: sameLevel.reduce((max, c) => Math.max(max, c.order), 0) + 1,
    createdAt: nowIso(),
  };
  for (const field of ['inclusion', 'exclusion', 'memo'] as const) {
    const value = input[field]?.trim();
    if (value) code[field] = value;
  }
  await db.codes.add(code);
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
  await db.transaction('rw', [db.codes, ...codingTables()], async () => {
    const code = await db.codes.get(codeId);
    if (!code) throw new Error('That code no longer exists.');
    if (patch.exampleCodingId !== undefined) {
      if (patch.exampleCodingId !== null) {
        const refusal = exampleRefusal(code, await getCoding(patch.exampleCodingId));
        if (refusal) throw new Error(refusal);
      }
      changes.exampleCodingId = patch.exampleCodingId;
    }
    await db.codes.update(codeId, changes);
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
  await db.transaction('rw', [db.codes, ...codingTables(), db.memos, db.codeSets], async () => {
    const code = await db.codes.get(codeId);
    if (!code) return;
    const all = await db.codes.where('projectId').equals(code.projectId).toArray();
    const codeIds = [codeId, ...descendantIds(all, codeId)];
    const codingIds = (await codingsOfCodes(codeIds)).map((c) => c.id);
    await db.memos.where('targetId').anyOf([...codeIds, ...codingIds]).delete();
    await deleteCodingsOfCodes(codeIds);
    await db.codes.bulkDelete(codeIds);
    const sets = await db.codeSets.where('projectId').equals(code.projectId).toArray();
    for (const change of dropDeletedCodes(sets, codeIds)) await db.codeSets.update(change.id, { codeIds: change.codeIds });
  });
}
