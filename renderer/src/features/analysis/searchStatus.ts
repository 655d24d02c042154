// What the Search view's status line says about a search: progress while it runs, then how many
// hits in how many sources, or why it stopped (hit limit, time limit, a stuck regular expression
// whose worker was terminated, a refused pattern).
import { SEARCH_STOP_MARGIN_MS, SEARCH_TIME_LIMIT_MS } from '../../analysis/searchClient';
import type { SearchResults } from '../../stores/searchStore';

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** What the status line says about a search. */
export function searchStatus(results: SearchResults): string {
  const found = plural(results.hits.length, 'hit', 'hits');
  const sources = new Set(results.hits.map((h) => h.sourceId)).size;
  const where = `${found} in ${plural(sources, 'source', 'sources')}`;
  const outcome = results.outcome;
  if (!outcome) return `Searching… ${results.searched.toLocaleString('en-US')} of ${results.total.toLocaleString('en-US')} sources, ${found} so far`;
  switch (outcome.kind) {
    case 'refused':
      return outcome.message;
    case 'cancelled':
      return `Stopped: ${where} before you stopped it.`;
    case 'frozen':
      return `The search was stopped: the regular expression was still working on one passage after ${(SEARCH_TIME_LIMIT_MS + SEARCH_STOP_MARGIN_MS) / 1000} seconds (it backtracks too much). Found ${where} before that. Simplify the pattern and search again.`;
    case 'done':
      if (outcome.summary.stoppedBy === 'limit') return `${where}; the search stopped at this many hits. Narrow the search to see the rest.`;
      if (outcome.summary.stoppedBy === 'time') return `${where}; the search stopped after ${SEARCH_TIME_LIMIT_MS / 1000} seconds, ${plural(outcome.summary.sourcesSearched, 'source', 'sources')} searched.`;
      return results.hits.length === 0 ? 'No hits.' : where;
  }
}
