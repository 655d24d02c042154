// Named operations on saved analysis items (coding queries and analysis filters): save, rename,
// change the definition, reorder, delete. Each is one commit (./commit.ts), so each is undoable.
// The definition is stored as given (plain JSON); whoever reads it back validates it.
import type { JsonValue, SavedQuery, SavedQueryType } from '../../../../shared/model/savedQuery';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { getDb } from '../db';
import { commit } from './commit';
import { cleanName } from './names';
import { newId, nowIso } from './now';

const NOUN: Record<SavedQueryType, string> = { query: 'query', filter: 'filter' };

async function refuseDuplicateName(projectId: string, type: SavedQueryType, name: string, exceptId?: string): Promise<void> {
  const saved = await getDb().savedQueries.where('projectId').equals(projectId).toArray();
  if (saved.some((q) => q.type === type && q.id !== exceptId && q.name.toLowerCase() === name.toLowerCase())) {
    throw new Error(`There is already a saved ${NOUN[type]} “${name}”.`);
  }
}

/** A definition must survive storage and a project file unchanged: plain JSON only. */
function plainJson(definition: unknown): JsonValue {
  const text = JSON.stringify(definition);
  if (text === undefined) throw new Error('This definition cannot be saved.');
  return JSON.parse(text) as JsonValue;
}

export async function saveQuery(projectId: string, type: SavedQueryType, rawName: string, definition: unknown): Promise<SavedQuery> {
  const name = cleanName(rawName, `saved ${NOUN[type]}`);
  const plain = plainJson(definition);
  return commit(projectId, `Save ${NOUN[type]}`, async () => {
    await refuseDuplicateName(projectId, type, name);
    const time = nowIso();
    const saved: SavedQuery = { id: newId(), projectId, name, type, definition: plain, createdAt: time, updatedAt: time };
    return { changes: new ChangeSetBuilder().add('savedQueries', saved).build(), result: saved, label: `Save ${NOUN[type]} ${name}` };
  });
}

/** Commits one change to a saved item; `edit` returns it as it becomes, or null to delete it. */
async function editSaved(id: string, label: (q: SavedQuery) => string, edit: (q: SavedQuery) => Promise<SavedQuery | null>): Promise<void> {
  const found = await getDb().savedQueries.get(id);
  if (!found) throw new Error('That saved query no longer exists.');
  await commit(found.projectId, label(found), async () => {
    const saved = await getDb().savedQueries.get(id);
    if (!saved) throw new Error('That saved query no longer exists.');
    const after = await edit(saved);
    const changes = new ChangeSetBuilder();
    if (after) changes.update('savedQueries', saved, after);
    else changes.remove('savedQueries', saved);
    return { changes: changes.build(), result: undefined, label: label(saved) };
  });
}

export async function renameSavedQuery(id: string, rawName: string): Promise<void> {
  const found = await getDb().savedQueries.get(id);
  const name = cleanName(rawName, `saved ${NOUN[found?.type ?? 'query']}`);
  await editSaved(id, (q) => `Rename ${NOUN[q.type]} ${q.name} to ${name}`, async (q) => {
    await refuseDuplicateName(q.projectId, q.type, name, q.id);
    return { ...q, name, updatedAt: nowIso() };
  });
}

export async function updateSavedQueryDefinition(id: string, definition: unknown): Promise<void> {
  const plain = plainJson(definition);
  await editSaved(id, (q) => `Change ${NOUN[q.type]} ${q.name}`, async (q) => ({ ...q, definition: plain, updatedAt: nowIso() }));
}

export async function deleteSavedQuery(id: string): Promise<void> {
  if (!(await getDb().savedQueries.get(id))) return;
  await editSaved(id, (q) => `Delete ${NOUN[q.type]} ${q.name}`, async () => null);
}
