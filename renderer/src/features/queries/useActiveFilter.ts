// The one place the Queries view and the unit × code matrix export take the active analysis
// filter from (the filter bar's, stores/analysisFilterStore.ts, once it is on main): every query
// and matrix is computed only over the codings it keeps. Undefined: nothing is filtered.
import type { AnalysisFilter } from '../../../../shared/analysis/filter';

export function useActiveFilter(): AnalysisFilter | undefined {
  return undefined;
}
