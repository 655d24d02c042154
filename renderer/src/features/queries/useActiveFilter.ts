// The one place the Queries view and the unit × code matrix export take the active analysis
// filter from (the filter bar's, stores/analysisFilterStore.ts): every query and matrix is
// computed only over the codings it keeps. Undefined: nothing is filtered.
import { isEmptyFilter, type AnalysisFilter } from '../../../../shared/analysis/filter';
import { selectActiveFilter, useAnalysisFilterStore } from '../../stores/analysisFilterStore';

export function useActiveFilter(): AnalysisFilter | undefined {
  const filter = useAnalysisFilterStore(selectActiveFilter);
  return isEmptyFilter(filter) ? undefined : filter;
}
