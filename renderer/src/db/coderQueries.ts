// Live reads of a project's coders, for the status bar's coder switch, names beside codings and
// memos, and the coder filters.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Coder } from '../../../shared/model/coder';
import { getDb } from './db';

export function useCoders(projectId: string | null): Coder[] | undefined {
  return useLiveQuery(
    async () => (projectId ? (await getDb().coders.where('projectId').equals(projectId).toArray()).sort((a, b) => a.name.localeCompare(b.name)) : []),
    [projectId],
  );
}

/** A coder id → name lookup; an id without a record (the legacy "me") names itself. */
export function coderNameOf(coders: readonly Coder[] | undefined): (coderId: string) => string {
  const names = new Map((coders ?? []).map((c) => [c.id, c.name]));
  return (coderId) => names.get(coderId) || coderId;
}
