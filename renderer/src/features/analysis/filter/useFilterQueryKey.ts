// The part of an analysis's query key that the active filter adds: '' unfiltered, else the filter
// and a revision of the project's cases, so a filtered result is computed again when a split, a
// case type or an attribute value changes which codings the filter keeps.
import { useCaseDataRevision } from '../../../db/caseQueries';
import { selectFilterKey, useAnalysisFilterStore } from '../../../stores/analysisFilterStore';

export function useFilterQueryKey(projectId: string): string {
  const key = useAnalysisFilterStore(selectFilterKey);
  const revision = useCaseDataRevision(projectId);
  return key === '' ? '' : `${key}@${revision ?? 0}`;
}
