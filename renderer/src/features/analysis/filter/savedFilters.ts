// Saved filters: an AnalysisFilter kept in the project under a name (the saved-item kind
// `savedQueries` with type 'filter'), written through the one door so saving is an undoable step
// and travels in the project file. A definition that is not a valid filter (a file from elsewhere)
// is left out of the list rather than half-applied.
import { useMemo } from 'react';
import { parseAnalysisFilter } from '../../../../../shared/analysis/filterSchema';
import type { AnalysisFilter, SavedFilter } from '../../../../../shared/analysis/filter';
import { deleteSavedQuery, saveQuery } from '../../../db/operations/savedQueries';
import { useSavedQueries } from '../../../db/savedQueryQueries';

export function useSavedFilters(projectId: string): SavedFilter[] | undefined {
  const saved = useSavedQueries(projectId, 'filter');
  return useMemo(
    () =>
      saved?.flatMap((item) => {
        const parsed = parseAnalysisFilter(item.definition);
        return parsed.ok ? [{ id: item.id, name: item.name, filter: parsed.value }] : [];
      }),
    [saved],
  );
}

/** Saves the filter under a name (one undoable step); returns the saved filter's id. */
export async function saveFilter(projectId: string, name: string, filter: AnalysisFilter): Promise<string> {
  return (await saveQuery(projectId, 'filter', name, filter)).id;
}

export function deleteSavedFilter(id: string): Promise<void> {
  return deleteSavedQuery(id);
}
