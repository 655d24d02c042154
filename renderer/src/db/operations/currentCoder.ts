// Who is coding, as the one door sees it: the coder each history step is attributed to, and whose
// coder record a step adds to the project when it is the first of their work to land there. The
// UI (features/coders) decides who that is and installs it here; until it does (unit tests, the
// CLI), steps are attributed to the legacy coder "me" and no coder record is added.
import type { ChangeSet } from '../../../../shared/model/changeSet';
import type { Coder } from '../../../../shared/model/coder';
import { rowsByKey } from '../recordsRepository';

/** The coder of one project: their id there (what codings and memos carry), name and colour. */
export interface CurrentCoder {
  id: string;
  name: string;
  color: string;
}

type CoderOf = (projectId: string) => CurrentCoder | null;

let coderOf: CoderOf = () => null;

/** Installs who is coding in each project; `null` goes back to nobody (tests). */
export function setCurrentCoderSource(source: CoderOf | null): void {
  coderOf = source ?? (() => null);
}

export function currentCoderIn(projectId: string): CurrentCoder | null {
  return coderOf(projectId);
}

/** The id a history step of this project is attributed to. */
export function stepCoderId(projectId: string): string {
  return coderOf(projectId)?.id ?? 'me';
}

/** Whether the set adds or changes a coding or memo that names `coderId`: work by that coder. */
function carriesWorkOf(set: ChangeSet, coderId: string): boolean {
  const codings = set.codings;
  if (codings && (codings.added.some((c) => c.coder === coderId) || codings.updated.some(([, c]) => c.coder === coderId))) return true;
  const memos = set.memos;
  return !!memos && (memos.added.some((m) => m.author === coderId) || memos.updated.some(([, m]) => m.author === coderId));
}

/**
 * The set with the current coder's record added when it carries their work and the project has
 * no record of them yet (inside the commit's transaction): a coder joins a project by coding in
 * it, in the same undoable step. A set that already adds the record is left alone.
 */
export async function withCoderRecord(projectId: string, set: ChangeSet): Promise<ChangeSet> {
  const coder = coderOf(projectId);
  if (!coder || !carriesWorkOf(set, coder.id)) return set;
  if (set.coders?.added.some((c) => c.id === coder.id)) return set;
  const [stored] = await rowsByKey('coders', [coder.id]);
  if (stored) return set;
  const record: Coder = { id: coder.id, projectId, name: coder.name, color: coder.color };
  const coders = set.coders ?? { added: [], updated: [], removed: [] };
  return { ...set, coders: { ...coders, added: [...coders.added, record] } };
}
