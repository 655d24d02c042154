// A project's snapshot in a form two reads can be compared by: every list sorted by key, and the
// project's `updatedAt` left out (every commit, undo and redo stamps it).
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { ENTITY_KINDS, keyOf } from '../../../shared/model/entities';
import { readProject } from '../../../renderer/src/db/readProject';

export function comparable(snapshot: ProjectSnapshot): ProjectSnapshot {
  const out = { ...snapshot, project: { ...snapshot.project, updatedAt: '' } } as unknown as Record<string, unknown>;
  for (const kind of ENTITY_KINDS) {
    if (kind === 'projects') continue;
    // Originals are optional in a snapshot (absent when not read or none): an empty list either way.
    const list = [...((snapshot[kind] ?? []) as Array<never>)];
    list.sort((a, b) => (keyOf(kind, a) < keyOf(kind, b) ? -1 : 1));
    out[kind] = list;
  }
  return out as unknown as ProjectSnapshot;
}

export async function readComparable(projectId: string): Promise<ProjectSnapshot> {
  return comparable(await readProject(projectId, { originals: true }));
}
