// UI state of the analysis views: whose coded segments are listed, where the reader was in a list
// (so coming back from the document continues there), and what the co-occurrence matrix shows.
// Code ids here may name codes that were since deleted: the views check them against the codebook.
import { create } from 'zustand';
import { useUiStore } from './uiStore';

/** The codes of the co-occurrence matrix: every codable code, a code set, or a code and its subcodes. */
export type MatrixScope = { kind: 'all' } | { kind: 'set'; setId: string } | { kind: 'tree'; codeId: string };

/** Where a segments list was left: which query, and the row last opened (by its key, so rows
 * added above it since do not move the mark to another segment). */
export interface ListPlace {
  key: string;
  rowKey: string;
}

export interface CooccurrenceCell {
  firstCodeId: string;
  secondCodeId: string;
}

interface AnalysisState {
  retrievalCodeId: string | null;
  includeSubcodes: boolean;
  matrixScope: MatrixScope;
  hideEmptyCodes: boolean;
  openCell: CooccurrenceCell | null;
  places: Record<string, ListPlace>;
  pickRetrievalCode(codeId: string | null): void;
  setIncludeSubcodes(include: boolean): void;
  setMatrixScope(scope: MatrixScope): void;
  setHideEmptyCodes(hide: boolean): void;
  openCooccurrenceCell(cell: CooccurrenceCell | null): void;
  /** Remembers the row last opened in a list (`list` names the list: "segments", "overlaps"). */
  rememberPlace(list: string, place: ListPlace): void;
}

const initial = {
  retrievalCodeId: null,
  includeSubcodes: true,
  matrixScope: { kind: 'all' } as MatrixScope,
  hideEmptyCodes: false,
  openCell: null,
  places: {},
};

export const useAnalysisStore = create<AnalysisState>()((set) => ({
  ...initial,
  pickRetrievalCode: (retrievalCodeId) => set({ retrievalCodeId }),
  setIncludeSubcodes: (includeSubcodes) => set({ includeSubcodes }),
  setMatrixScope: (matrixScope) => set({ matrixScope, openCell: null }),
  setHideEmptyCodes: (hideEmptyCodes) => set({ hideEmptyCodes }),
  openCooccurrenceCell: (openCell) => set({ openCell }),
  rememberPlace: (list, place) => set((state) => ({ places: { ...state.places, [list]: place } })),
}));

// Another project's codes mean nothing here: start afresh when the project changes.
useUiStore.subscribe((state, previous) => {
  if (state.activeProjectId !== previous.activeProjectId) useAnalysisStore.setState(initial);
});

export const selectRetrievalCodeId = (s: AnalysisState): string | null => s.retrievalCodeId;
export const selectIncludeSubcodes = (s: AnalysisState): boolean => s.includeSubcodes;
export const selectMatrixScope = (s: AnalysisState): MatrixScope => s.matrixScope;
export const selectHideEmptyCodes = (s: AnalysisState): boolean => s.hideEmptyCodes;
export const selectOpenCell = (s: AnalysisState): CooccurrenceCell | null => s.openCell;
export const selectPlaces = (s: AnalysisState): Record<string, ListPlace> => s.places;
