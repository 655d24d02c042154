// UI state of the Cases panel that other panels read: the attribute filter on the source list.
// Kept apart from uiStore so each feature's slice stays small.
import { create } from 'zustand';

/** Show only the sources linked to a case whose `attributeId` has the value `valueKey` (see sourceFilter.ts). */
export interface SourceFilter {
  projectId: string;
  attributeId: string;
  valueKey: string;
}

interface CasesUiState {
  sourceFilter: SourceFilter | null;
  setSourceFilter(filter: SourceFilter | null): void;
}

export const useCasesStore = create<CasesUiState>()((set) => ({
  sourceFilter: null,
  setSourceFilter: (sourceFilter) => set({ sourceFilter }),
}));

/** The filter for this project, if one is set (a filter set in another project does not apply). */
export const selectSourceFilter =
  (projectId: string) =>
  (s: CasesUiState): SourceFilter | null =>
    s.sourceFilter?.projectId === projectId ? s.sourceFilter : null;
