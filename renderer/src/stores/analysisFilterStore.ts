// The active analysis filter: which codings Coded segments, Co-occurrence, the tabs beside them and
// every export look at (by case, case type, attribute conditions, source, source set and coder;
// shared/analysis/filter.ts says how they combine). One filter for the whole project, so setting it
// in one view (or ticking cases in the Cases region) restricts every analysis the same way.
//
// How a view uses it:
//   const filter = useAnalysisFilterStore(selectActiveFilter);     // AnalysisFilter, stable ref
//   const key = useFilterQueryKey(projectId);                        // put in the analysis's query key
//   client.someAnalysis(projectId, …, filter)                       // the worker applies it
// and shows <FilterBar projectId={…} /> (features/analysis/filter/FilterBar.tsx) above its result.
import { create } from 'zustand';
import { isEmptyFilter, type AnalysisFilter, type AttributeCondition, type SourceSet } from '../../../shared/analysis/filter';
import { useUiStore } from './uiStore';

const NO_FILTER: AnalysisFilter = {};

interface AnalysisFilterState {
  filter: AnalysisFilter;
  /** The saved filter last applied, while the filter is still exactly it (the bar shows its name). */
  appliedSavedId: string | null;
  /** Replaces the whole filter (a saved filter applied, a filter from a test). */
  setFilter(filter: AnalysisFilter, savedId?: string | null): void;
  /** The ticked cases of the Cases region: the filter's cases. */
  setCaseIds(caseIds: readonly string[]): void;
  toggleCase(caseId: string): void;
  setCaseTypes(caseTypes: readonly string[]): void;
  setSourceIds(sourceIds: readonly string[]): void;
  setCoders(coders: readonly string[]): void;
  addCondition(condition: AttributeCondition): void;
  /** Adds a named group of sources: codings must be in one of its sources (and in every other set's). */
  addSourceSet(set: SourceSet): void;
  removeCondition(index: number): void;
  /** Removes one kind of restriction (a chip's ×). */
  clearKind(kind: keyof AnalysisFilter): void;
  clearFilter(): void;
}

/** Drops empty lists, so an emptied kind does not linger as `caseIds: []` in a saved filter. */
function tidy(filter: AnalysisFilter): AnalysisFilter {
  const out: AnalysisFilter = {};
  for (const [key, value] of Object.entries(filter) as Array<[keyof AnalysisFilter, unknown[] | undefined]>) {
    if (Array.isArray(value) && value.length > 0) (out as Record<string, unknown>)[key] = value;
  }
  return isEmptyFilter(out) ? NO_FILTER : out;
}

export const useAnalysisFilterStore = create<AnalysisFilterState>()((set) => {
  /** A change made by hand: the filter is no longer the saved one it may have come from. */
  const change = (fn: (f: AnalysisFilter) => AnalysisFilter) => set((s) => ({ filter: tidy(fn(s.filter)), appliedSavedId: null }));
  return {
    filter: NO_FILTER,
    appliedSavedId: null,
    setFilter: (filter, savedId = null) => set({ filter: tidy(filter), appliedSavedId: savedId }),
    setCaseIds: (caseIds) => change((f) => ({ ...f, caseIds: [...caseIds] })),
    toggleCase: (caseId) =>
      change((f) => {
        const ids = f.caseIds ?? [];
        return { ...f, caseIds: ids.includes(caseId) ? ids.filter((id) => id !== caseId) : [...ids, caseId] };
      }),
    setCaseTypes: (caseTypes) => change((f) => ({ ...f, caseTypes: [...caseTypes] })),
    setSourceIds: (sourceIds) => change((f) => ({ ...f, sourceIds: [...sourceIds] })),
    setCoders: (coders) => change((f) => ({ ...f, coders: [...coders] })),
    addCondition: (condition) => change((f) => ({ ...f, attributes: [...(f.attributes ?? []), condition] })),
    addSourceSet: (sourceSet) => change((f) => ({ ...f, sourceSets: [...(f.sourceSets ?? []), { name: sourceSet.name, sourceIds: [...sourceSet.sourceIds] }] })),
    removeCondition: (index) => change((f) => ({ ...f, attributes: (f.attributes ?? []).filter((_, i) => i !== index) })),
    clearKind: (kind) => change((f) => ({ ...f, [kind]: undefined })),
    clearFilter: () => set({ filter: NO_FILTER, appliedSavedId: null }),
  };
});

// Another project's cases, sources and coders mean nothing here: start unfiltered.
useUiStore.subscribe((state, previous) => {
  if (state.activeProjectId !== previous.activeProjectId) useAnalysisFilterStore.setState({ filter: NO_FILTER, appliedSavedId: null });
});

/** A key that changes exactly when the filter does (stable: the same filter gives the same key). */
export function filterKey(filter: AnalysisFilter): string {
  return isEmptyFilter(filter) ? '' : JSON.stringify(filter);
}

const NO_CASES: readonly string[] = [];

export const selectActiveFilter = (s: AnalysisFilterState): AnalysisFilter => s.filter;
/** For query keys: '' when nothing is filtered. Add it to every analysis's key (`segments:…#${key}`). */
export const selectFilterKey = (s: AnalysisFilterState): string => filterKey(s.filter);
export const selectFilterCaseIds = (s: AnalysisFilterState): readonly string[] => s.filter.caseIds ?? NO_CASES;
export const selectAppliedSavedId = (s: AnalysisFilterState): string | null => s.appliedSavedId;
export const selectIsFiltered = (s: AnalysisFilterState): boolean => !isEmptyFilter(s.filter);
