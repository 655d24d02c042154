// Saved filters: an AnalysisFilter kept in the project under a name, to apply again later.
// TEMPORARY: kept in memory until the project's saved-item kind (savedQuery, type 'filter') lands
// on main; then these two functions read and write it through the one door.
import { useMemo } from 'react';
import { create } from 'zustand';
import type { AnalysisFilter, SavedFilter } from '../../../../../shared/analysis/filter';

const useKept = create<{ byProject: Record<string, SavedFilter[]> }>()(() => ({ byProject: {} }));

export function useSavedFilters(projectId: string): SavedFilter[] | undefined {
  const kept = useKept((s) => s.byProject[projectId]);
  return useMemo(() => kept ?? [], [kept]);
}

/** Saves the filter under a name; returns the saved filter's id. */
export async function saveFilter(projectId: string, rawName: string, filter: AnalysisFilter): Promise<string> {
  const name = rawName.trim();
  if (name === '') throw new Error('Give the filter a name.');
  const list = useKept.getState().byProject[projectId] ?? [];
  if (list.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`There is already a saved filter “${name}”.`);
  const saved = { id: crypto.randomUUID(), name, filter };
  useKept.setState((s) => ({ byProject: { ...s.byProject, [projectId]: [...list, saved] } }));
  return Promise.resolve(saved.id);
}
