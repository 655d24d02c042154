// Named operations on code sets: named groups of codes across the hierarchy ("Round 2 codes").
// Each is one commit (./commit.ts).
import type { CodeSet } from '../../../../shared/model/types';
import { addCodesToSet, removeCodesFromSet } from '../../../../shared/codebook/codeSets';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { getDb } from '../db';
import { commit } from './commit';
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
  const name = cleanName(rawName, 'code set');
  return commit(projectId, 'Create a code set', async () => {
    await refuseDuplicateName(projectId, name);
    await codesOfProject(projectId, codeIds);
    const set: CodeSet = { id: newId(), projectId, name, description: '', codeIds: [...new Set(codeIds)] };
    return { changes: new ChangeSetBuilder().add('codeSets', set).build(), result: set, label: `Create code set ${name}` };
  });
}

/** Commits one change to an existing set; `edit` returns the set as it becomes (or null to delete it). */
async function editCodeSet(setId: string, label: (set: CodeSet) => string, edit: (set: CodeSet) => Promise<CodeSet | null>): Promise<void> {
  const found = await getDb().codeSets.get(setId);
  if (!found) throw new Error('That code set no longer exists.');
  await commit(found.projectId, 'Edit a code set', async () => {
    const set = await getDb().codeSets.get(setId);
    if (!set) throw new Error('That code set no longer exists.');
    const after = await edit(set);
    const changes = new ChangeSetBuilder();
    if (after) changes.update('codeSets', set, after);
    else changes.remove('codeSets', set);
    return { changes: changes.build(), result: undefined, label: label(set) };
  });
}

export async function renameCodeSet(setId: string, rawName: string): Promise<void> {
  const name = cleanName(rawName, 'code set');
  await editCodeSet(setId, (set) => `Rename code set ${set.name} to ${name}`, async (set) => {
    await refuseDuplicateName(set.projectId, name, set.id);
    return { ...set, name };
  });
}

export async function deleteCodeSet(setId: string): Promise<void> {
  if (!(await getDb().codeSets.get(setId))) return;
  await editCodeSet(setId, (set) => `Delete code set ${set.name}`, async () => null);
}

/** Adds codes to a set (codes already in it stay where they are). */
export async function addCodesToCodeSet(setId: string, codeIds: readonly string[]): Promise<void> {
  await editCodeSet(setId, (set) => `Add codes to ${set.name}`, async (set) => {
    await codesOfProject(set.projectId, codeIds);
    return { ...set, codeIds: addCodesToSet(set, codeIds) };
  });
}

export async function removeCodesFromCodeSet(setId: string, codeIds: readonly string[]): Promise<void> {
  await editCodeSet(setId, (set) => `Remove codes from ${set.name}`, async (set) => ({ ...set, codeIds: removeCodesFromSet(set, codeIds) }));
}
