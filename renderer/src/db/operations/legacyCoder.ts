// Work from before projects had coders carries the legacy coder id "me", which has no coder
// record. It was made on this machine by whoever uses it, so when that person says who they are
// ("Who is coding?"), it becomes theirs: one undoable step per project moves every such coding
// and memo to their coder id (their coder record is added in the same step by the one door).
//
// A project opened from a file has a record for every coder its codings name (the .qdpx writer
// adds a <User> for "me" too), so "me" there is somebody's real coder and is left alone.
import type { ChangeSet } from '../../../../shared/model/changeSet';
import type { Coding, Memo } from '../../../../shared/model/types';
import { codingsOfProject } from '../codingsRepository';
import { rowsByKey, rowsOfProject } from '../recordsRepository';
import { commit } from './commit';
import type { CurrentCoder } from './currentCoder';

/** What codings and memos carried before coders existed. */
export const LEGACY_CODER_ID = 'me';

export function legacyWorkLabel(name: string): string {
  return `Attribute earlier work to ${name}`;
}

export interface ClaimedWork {
  codings: number;
  memos: number;
}

/**
 * Moves the project's legacy work ("me", with no coder record in the project) to `coder`, as one
 * undoable step; returns how many codings and memos changed hands (none: nothing to do, no step).
 */
export async function claimLegacyWork(projectId: string, coder: CurrentCoder): Promise<ClaimedWork> {
  const none: ClaimedWork = { codings: 0, memos: 0 };
  if (coder.id === LEGACY_CODER_ID) return none;
  return commit(projectId, legacyWorkLabel(coder.name), async () => {
    const [record] = await rowsByKey('coders', [LEGACY_CODER_ID]);
    if (record && record.projectId === projectId) return { changes: {}, result: none };
    const codings = (await codingsOfProject(projectId)).filter((c) => c.coder === LEGACY_CODER_ID);
    const memos = (await rowsOfProject('memos', projectId)).filter((m) => m.author === LEGACY_CODER_ID);
    const changes: ChangeSet = {};
    if (codings.length > 0) changes.codings = { added: [], updated: codings.map((c): [Coding, Coding] => [c, { ...c, coder: coder.id }]), removed: [] };
    if (memos.length > 0) changes.memos = { added: [], updated: memos.map((m): [Memo, Memo] => [m, { ...m, author: coder.id }]), removed: [] };
    return { changes, result: { codings: codings.length, memos: memos.length } };
  });
}
