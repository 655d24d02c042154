// Opening a project file (or a backup) stores it as a NEW project in one commit: never over the
// open project, never half-written (the commit is one transaction: a failure leaves nothing).
import type { ProjectSnapshot } from '../../../../shared/model/snapshot';
import { recordsOf } from '../../../../shared/model/snapshot';
import { ENTITY_KINDS } from '../../../../shared/model/entities';
import type { ChangeSet } from '../../../../shared/model/changeSet';
import { emptyChanges } from '../../../../shared/model/changeSet';
import { remapIds } from '../../../../shared/model/remapIds';
import { getDb } from '../db';
import { storedIdsAmong } from '../storedIds';
import { commit } from './commit';
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
 * The coding ids whose being stored must be asked about: those of sources not stored. The others,
 * codings of a stored source, go into `copied`, to be renamed unasked (see `storeOpenedProject`).
 */
function codingsToAsk(opened: ProjectSnapshot, stored: ReadonlySet<string>, copied: Set<string>): string[] {
  const ask: string[] = [];
  for (const coding of opened.codings) {
    if (stored.has(coding.sourceId)) copied.add(coding.id);
    else ask.push(coding.id);
  }
  return ask;
}

/**
 * Stores an opened snapshot as a new project and returns its id. Ids are primary keys across
 * every project in this database, so a file whose ids are stored already (the same .qdpx opened
 * twice, the backup of a project that still exists) would collide: exactly the ids the store
 * already holds get fresh ones (with every reference following, shared/model/remapIds), the
 * others keep the file's ids, so GUIDs stay stable wherever they can.
 *
 * A file whose sources are stored already is a copy of stored work (Save as, then Open; a backup
 * restored while its project exists): a stored source's codings get fresh ids without asking
 * which of them are stored, since finding out reads every stored coding id of every project
 * (half a second on a big project, growing with the database) to learn what a copy implies,
 * that they all are. Fresh ids are random UUIDs (`newId`), never stored. The codings of sources
 * not stored are looked up (that read), and only those stored renamed.
 *
 * One commit, one transaction: the ids are checked (one pass, `storedIdsAmong`) and the project
 * written in bulk inside it, so nothing can slip in between, and a failure leaves nothing. No
 * history step: undoing the creation of a whole project is not offered (the project is deleted
 * from the project list instead), so a 100,000-record inverse would be kept for nothing. Strict
 * durability: when "Project opened" shows, the project is on disk.
 */
export async function storeOpenedProject(
  opened: ProjectSnapshot,
  onChecked: () => void = () => {},
): Promise<{ projectId: string; timings: { check: number; commit: number } }> {
  const started = performance.now();
  let checked = started;
  // The commit is addressed to the project it creates, so its id is settled first.
  const fileId = opened.project.id;
  const projectId = (await getDb().projects.get(fileId)) ? newId() : fileId;
  await commit(
    projectId,
    'Open a project file',
    async () => {
      const copied = new Set<string>();
      const clashing = await storedIdsAmong(opened, (stored) => codingsToAsk(opened, stored, copied));
      if (clashing.has(fileId) && projectId === fileId) throw new Error('Another window stored this project meanwhile; open the file again.');
      clashing.delete(fileId);
      for (const id of copied) clashing.add(id);
      const names = new Set((await getDb().projects.toArray()).map((p) => p.name));
      // One pass over the records: the clashing ids and the project's own id move together.
      const moved = projectId !== fileId;
      const stored =
        clashing.size > 0 || moved ? remapIds(opened, newId, (id) => (id === fileId ? moved : clashing.has(id)), new Map([[fileId, projectId]])) : opened;
      const snapshot = { ...stored, project: { ...stored.project, name: distinctName(stored.project.name, names) } };
      checked = performance.now();
      onChecked();
      return creationOf(snapshot);
    },
    { history: false, addsOnlyNewRecords: true, durability: 'strict' },
  );
  return { projectId, timings: { check: checked - started, commit: performance.now() - checked } };
}

/** Changes whenever the project does (every commit, undo and redo stamps it): what backups compare. */
export async function projectChangeStamp(projectId: string): Promise<string> {
  const project = await getDb().projects.get(projectId);
  if (!project) throw new Error('That project no longer exists.');
  return project.updatedAt;
}
