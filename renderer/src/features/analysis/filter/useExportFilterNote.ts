// The active filter in words for an export dialog ("filtered by “Two gardeners”: Cases: …"), live:
// the same phrase filterNote.ts adds to an export's message. Null when nothing is filtered.
import { useMemo } from 'react';
import { describeFilter } from '../../../../../shared/analysis/filterDescription';
import { isEmptyFilter, type AnalysisFilter } from '../../../../../shared/analysis/filter';
import { useFilterChoices } from '../../../db/filterQueries';
import { selectAppliedSavedId, useAnalysisFilterStore } from '../../../stores/analysisFilterStore';
import { filterPhrase } from './filterNote';
import { useSavedFilters } from './savedFilters';

export function useExportFilterNote(projectId: string, filter: AnalysisFilter | undefined): string | null {
  const choices = useFilterChoices(projectId);
  const saved = useSavedFilters(projectId);
  const appliedSavedId = useAnalysisFilterStore(selectAppliedSavedId);
  return useMemo(() => {
    if (!filter || isEmptyFilter(filter) || !choices) return null;
    const name = appliedSavedId ? saved?.find((s) => s.id === appliedSavedId)?.name : undefined;
    return filterPhrase(describeFilter(filter, choices), name);
  }, [filter, choices, saved, appliedSavedId]);
}
