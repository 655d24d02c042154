// Opening a project file (or a backup) stores it as a NEW project in one commit: never over the
// open project, never half-written (the commit is one transaction: a failure leaves nothing).
import type { ProjectSnapshot } from '../../../../shared/model/snapshot';
import { recordsOf } from '../../../../shared/model/snapshot';
import { ENTITY_KINDS } from '../../../../shared/model/entities';
import type { ChangeSet } from '../../../../shared/model/changeSet';
import { emptyChanges } from '../../../../shared/model/changeSet';
import { remapIds } from '../../../../shared/model/remapIds';
import { getDb } from '../db';
import { conflictsWithStore } from '../changeStore';
import { commit, inProjectTransaction } from './commit';
import { newId } from './now';

/** Every record of the snapshot, added: the change set that creates the project. */
export function creationOf(snapshot: ProjectSnapshot): ChangeSet {
  const set: ChangeSet = {};
  for (const kind of ENTITY_KINDS) {
    const records = recordsOf(snapshot, kind);
    if (records.length === 0) continue;
    (set as Record<string, unknown>)[kind] = { ...emptyChanges(), added: [...records] };
  }
  return set;
}

/** "Interviews", or "Interviews (2)" when a project of that name exists, so the two can be told apart. */
function distinctName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Stores an opened snapshot as a new project and returns its id. Ids are primary keys across
 * every project in this database, so a file whose ids are stored already (the same .qdpx opened
 * twice, the backup of a project that still exists) would collide: exactly the ids the store
 * already holds get fresh ones (with every reference following, shared/model/remapIds), the
 * others keep the file's ids, so GUIDs stay stable wherever they can. One commit, no history step
 * (there is nothing to undo to).
 */
export async function storeOpenedProject(opened: ProjectSnapshot): Promise<{ projectId: string; timings: { check: number; commit: number } }> {
  const started = performance.now();
  const snapshot = await inProjectTransaction(async () => {
    const clashing = new Set((await conflictsWithStore(creationOf(opened))).filter((c) => c.kind !== 'sourceTexts' && c.kind !== 'caseValues').map((c) => c.key));
    const names = new Set((await getDb().projects.toArray()).map((p) => p.name));
    const stored = clashing.size > 0 ? remapIds(opened, newId, (id) => clashing.has(id)) : opened;
    return { ...stored, project: { ...stored.project, name: distinctName(stored.project.name, names) } };
  });
  const checked = performance.now();
  await commit(snapshot.project.id, 'Open a project file', () => creationOf(snapshot), { history: false });
  return { projectId: snapshot.project.id, timings: { check: checked - started, commit: performance.now() - checked } };
}

/** Changes whenever the project does (every commit, undo and redo stamps it): what backups compare. */
export async function projectChangeStamp(projectId: string): Promise<string> {
  const project = await getDb().projects.get(projectId);
  if (!project) throw new Error('That project no longer exists.');
  return project.updatedAt;
}
