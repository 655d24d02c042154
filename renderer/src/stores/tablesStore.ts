// UI state of the "Crosstab" and "Frequencies" views: what the crosstab's rows, columns and cells
// show, which cell is open, and whose words are counted. Ids may name things since deleted: the
// views check them against the project.
import { create } from 'zustand';
import type { CrosstabColumns, CrosstabCount } from '../../../shared/analysis/crosstab';
import type { CrosstabValues } from '../../../shared/analysis/crosstabTable';
import type { StopWordList } from '../../../shared/analysis/wordFrequencies';
import type { MatrixScope } from './analysisStore';
import { useUiStore } from './uiStore';

export interface CrosstabCellRef {
  row: number;
  codeId: string;
  columnKey: string;
}

/** Whose words are counted: every source, some sources, or the segments of a code (and its subcodes). */
export type WordSource = { kind: 'all' } | { kind: 'sources'; sourceIds: string[] } | { kind: 'code'; codeId: string };

interface TablesState {
  crosstabScope: MatrixScope;
  crosstabColumns: CrosstabColumns;
  crosstabCount: CrosstabCount;
  crosstabValues: CrosstabValues;
  crosstabSubcodes: boolean;
  crosstabCell: CrosstabCellRef | null;
  frequencySubcodes: boolean;
  frequencyMeasure: 'codings' | 'cases';
  wordSource: WordSource;
  stopWords: StopWordList[];
  /** Whether the Auto-code dialog is open (over the Search view). */
  autoCodeOpen: boolean;
  openAutoCode(open: boolean): void;
  setCrosstab(change: Partial<Pick<TablesState, 'crosstabScope' | 'crosstabColumns' | 'crosstabCount' | 'crosstabSubcodes'>>): void;
  setCrosstabValues(values: CrosstabValues): void;
  openCrosstabCell(cell: CrosstabCellRef | null): void;
  setFrequencies(change: Partial<Pick<TablesState, 'frequencySubcodes' | 'frequencyMeasure' | 'wordSource' | 'stopWords'>>): void;
}

const initial = {
  crosstabScope: { kind: 'all' } as MatrixScope,
  crosstabColumns: { kind: 'cases' } as CrosstabColumns,
  crosstabCount: 'codings' as CrosstabCount,
  crosstabValues: 'counts' as CrosstabValues,
  crosstabSubcodes: false,
  crosstabCell: null,
  frequencySubcodes: true,
  frequencyMeasure: 'codings' as const,
  wordSource: { kind: 'all' } as WordSource,
  stopWords: ['en', 'ja'] as StopWordList[],
  autoCodeOpen: false,
};

export const useTablesStore = create<TablesState>()((set) => ({
  ...initial,
  // A different table has different cells: the open one closes.
  setCrosstab: (change) => set({ ...change, crosstabCell: null }),
  setCrosstabValues: (crosstabValues) => set({ crosstabValues }),
  openCrosstabCell: (crosstabCell) => set({ crosstabCell }),
  setFrequencies: (change) => set(change),
  openAutoCode: (autoCodeOpen) => set({ autoCodeOpen }),
}));

useUiStore.subscribe((state, previous) => {
  if (state.activeProjectId !== previous.activeProjectId) useTablesStore.setState(initial);
});
