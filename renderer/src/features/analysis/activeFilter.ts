// The one place the analysis views (Crosstab, Frequencies, Search) get the active analysis filter
// from. Until a filter store exists it is the empty filter (everything counts); when one lands,
// read it here and every view follows.
import type { AnalysisFilter } from '../../../../shared/analysis/filter';

const NO_FILTER: AnalysisFilter = {};

export function useActiveAnalysisFilter(): AnalysisFilter {
  return NO_FILTER;
}

/** A filter as part of a query key: equal filters give equal keys. */
export function filterKey(filter: AnalysisFilter): string {
  return JSON.stringify(filter);
}
