// Live reads of saved analysis items (queries, filters) for the lists that show them.
import { useLiveQuery } from 'dexie-react-hooks';
import type { SavedQuery, SavedQueryType } from '../../../shared/model/savedQuery';
import { getDb } from './db';

/** A project's saved items of one type: ordered ones first by `order`, then by name. */
export async function savedQueriesOf(projectId: string, type: SavedQueryType): Promise<SavedQuery[]> {
  const all = await getDb().savedQueries.where('projectId').equals(projectId).toArray();
  return all
    .filter((q) => q.type === type)
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

export function useSavedQueries(projectId: string | null, type: SavedQueryType): SavedQuery[] | undefined {
  return useLiveQuery(async () => (projectId ? savedQueriesOf(projectId, type) : []), [projectId, type]);
}
