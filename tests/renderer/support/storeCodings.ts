// Writes codings in tests the way the product does: each call is one step through `commit`, the
// one door, so a test's setup is checked and stored exactly as a user's edit would be.
import type { EntityChanges } from '../../../shared/model/changeSet';
import type { Coding } from '../../../shared/model/types';
import { commit } from '../../../renderer/src/db/operations/commit';
import { foldRecentCodings } from '../../../renderer/src/db/codingsRepository';

function step(label: string, changes: Partial<EntityChanges<Coding>>, projectOf: Coding | undefined): Promise<void> {
  if (!projectOf) return Promise.resolve();
  return commit(projectOf.projectId, label, () => ({ codings: { added: [], updated: [], removed: [], ...changes } }));
}

/** Adds codings (of one project); a few per source are stored as recent rows, many into the columns. */
export function addCodings(codings: Coding[]): Promise<void> {
  return step('Add codings', { added: codings }, codings[0]);
}

/** Adds codings and folds their sources: the per-source columns an import of many leaves behind. */
export async function addFoldedCodings(codings: Coding[]): Promise<void> {
  await addCodings(codings);
  for (const sourceId of new Set(codings.map((c) => c.sourceId))) await foldRecentCodings(sourceId);
}

export function removeCodings(codings: Coding[]): Promise<void> {
  return step('Remove codings', { removed: codings }, codings[0]);
}

/** Replaces stored codings with new versions of them (same ids): recoded, moved. */
export function updateCodings(pairs: Array<[before: Coding, after: Coding]>): Promise<void> {
  return step('Update codings', { updated: pairs }, pairs[0]?.[0]);
}
