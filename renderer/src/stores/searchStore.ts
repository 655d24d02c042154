// UI state of the "Search" view: the query and its options, and the hits of the last search (kept
// while other tabs are shown, so coming back from a hit opened in the document keeps the list).
import { create } from 'zustand';
import type { SearchHit, SearchOptions } from '../../../shared/analysis/search';
import type { SearchOutcome } from '../analysis/searchClient';
import { useUiStore } from './uiStore';

export interface SearchResults {
  /** The options searched for (the form may have changed since). */
  options: SearchOptions;
  hits: SearchHit[];
  searched: number;
  total: number;
  /** Undefined while the search runs. */
  outcome?: SearchOutcome;
}

interface SearchState {
  options: SearchOptions;
  results: SearchResults | null;
  setOptions(change: Partial<SearchOptions>): void;
  setResults(update: SearchResults | null | ((current: SearchResults | null) => SearchResults | null)): void;
}

const initial = {
  options: { query: '', mode: 'plain', wholeWord: false, caseSensitive: false } as SearchOptions,
  results: null,
};

export const useSearchStore = create<SearchState>()((set) => ({
  ...initial,
  setOptions: (change) => set((s) => ({ options: { ...s.options, ...change } })),
  setResults: (update) => set((s) => ({ results: typeof update === 'function' ? update(s.results) : update })),
}));

useUiStore.subscribe((state, previous) => {
  if (state.activeProjectId !== previous.activeProjectId) useSearchStore.setState(initial);
});
