// Named operations on code sets: named groups of codes across the hierarchy ("Round 2 codes").
// Each is one Dexie transaction.
import type { CodeSet } from '../../../../shared/model/types';
import { addCodesToSet, removeCodesFromSet } from '../../../../shared/codebook/codeSets';
import { getDb } from '../db';
import { cleanName } from './names';
import { newId } from './now';

async function refuseDuplicateName(projectId: string, name: string, exceptId?: string): Promise<void> {
  const sets = await getDb().codeSets.where('projectId').equals(projectId).toArray();
  if (sets.some((s) => s.id !== exceptId && s.name.toLowerCase() === name.toLowerCase())) {
    throw new Error(`There is already a code set “${name}”.`);
  }
}

async function codesOfProject(projectId: string, codeIds: readonly string[]): Promise<void> {
  const found = await getDb().codes.bulkGet([...codeIds]);
  if (found.some((code) => !code || code.projectId !== projectId)) throw new Error('A chosen code no longer exists.');
}

export async function createCodeSet(projectId: string, rawName: string, codeIds: readonly string[] = []): Promise<CodeSet> {
  const db = getDb();
  const name = cleanName(rawName, 'code set');
  return db.transaction('rw', [db.codeSets, db.codes], async () => {
    await refuseDuplicateName(projectId, name);
    await codesOfProject(projectId, codeIds);
    const set: CodeSet = { id: newId(), projectId, name, description: '', codeIds: [...new Set(codeIds)] };
    await db.codeSets.add(set);
    return set;
  });
}

export async function renameCodeSet(setId: string, rawName: string): Promise<void> {
  const db = getDb();
  const name = cleanName(rawName, 'code set');
  await db.transaction('rw', [db.codeSets], async () => {
    const set = await db.codeSets.get(setId);
    if (!set) throw new Error('That code set no longer exists.');
    await refuseDuplicateName(set.projectId, name, set.id);
    await db.codeSets.update(setId, { name });
  });
}

export async function deleteCodeSet(setId: string): Promise<void> {
  await getDb().codeSets.delete(setId);
}

/** Adds codes to a set (codes already in it stay where they are). */
export async function addCodesToCodeSet(setId: string, codeIds: readonly string[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.codeSets, db.codes], async () => {
    const set = await db.codeSets.get(setId);
    if (!set) throw new Error('That code set no longer exists.');
    await codesOfProject(set.projectId, codeIds);
    await db.codeSets.update(setId, { codeIds: addCodesToSet(set, codeIds) });
  });
}

export async function removeCodesFromCodeSet(setId: string, codeIds: readonly string[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.codeSets], async () => {
    const set = await db.codeSets.get(setId);
    if (!set) throw new Error('That code set no longer exists.');
    await db.codeSets.update(setId, { codeIds: removeCodesFromSet(set, codeIds) });
  });
}
