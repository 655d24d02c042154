// The one place the analysis views (Crosstab, Frequencies, Search) get the active analysis filter
// from: the filter bar's (stores/analysisFilterStore.ts), shared with Coded segments,
// Co-occurrence and the ticks of the Cases region.
import type { AnalysisFilter } from '../../../../shared/analysis/filter';
import { selectActiveFilter, useAnalysisFilterStore } from '../../stores/analysisFilterStore';

export { filterKey } from '../../stores/analysisFilterStore';

export function useActiveAnalysisFilter(): AnalysisFilter {
  return useAnalysisFilterStore(selectActiveFilter);
}
