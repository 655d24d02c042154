// Runs a project search from the Search view: starts it off the page thread (analysis/searchClient)
// and feeds its hits into the search store a batch at a time (at most every FLUSH_MS), so 50,000
// streaming hits re-render the list a few times a second, not once per source.
import type { AnalysisFilter } from '../../../../shared/analysis/filter';
import type { SearchHit, SearchOptions } from '../../../../shared/analysis/search';
import { startSearch, type RunningSearch } from '../../analysis/searchClient';
import { useSearchStore } from '../../stores/searchStore';

const FLUSH_MS = 120;
let running: RunningSearch | null = null;

export function runSearch(projectId: string, options: SearchOptions, filter: AnalysisFilter): void {
  running?.cancel();
  const store = useSearchStore.getState();
  store.setResults({ options, hits: [], searched: 0, total: 0 });
  let pending: SearchHit[] = [];
  let progress = { searched: 0, total: 0 };
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    timer = null;
    const batch = pending;
    pending = [];
    store.setResults((current) => (current && current.options === options ? { ...current, hits: batch.length > 0 ? current.hits.concat(batch) : current.hits, ...progress } : current));
  };
  const schedule = (): void => {
    timer ??= setTimeout(flush, FLUSH_MS);
  };
  const search = startSearch(
    { projectId, options, filter },
    {
      onHits: (hits) => {
        pending.push(...hits);
        schedule();
      },
      onProgress: (searched, total) => {
        progress = { searched, total };
        schedule();
      },
    },
  );
  running = search;
  void search.outcome.then((outcome) => {
    if (timer) clearTimeout(timer);
    flush();
    if (running === search) running = null;
    store.setResults((current) => (current && current.options === options ? { ...current, outcome } : current));
  });
}

export function stopSearch(): void {
  running?.cancel();
}
