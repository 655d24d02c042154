// The "Search" view: find text across the whole project (plain, whole word, case-sensitive, or a
// regular expression with a time limit), hits listed with their context as they stream in; a hit
// opens its source with the hit selected. "Auto-code…" codes the hits (or the sentence, paragraph
// or speaker turn around each) in one undoable step.
import { useEffect, useMemo, type FormEvent } from 'react';
import { useSources, useCodes } from '../../db/queries';
import { useSearchStore, type SearchResults } from '../../stores/searchStore';
import { selectPlaces, useAnalysisStore } from '../../stores/analysisStore';
import { SegmentList } from '../retrieval/SegmentList';
import { openSegment } from '../retrieval/openSegment';
import type { SegmentRow } from '../retrieval/segmentRows';
import { useActiveAnalysisFilter } from './activeFilter';
import { searchStatus } from './searchStatus';
import { prepareSearchWorker, SEARCH_TIME_LIMIT_MS } from '../../analysis/searchClient';
import { runSearch, stopSearch } from './runSearch';
import { AutoCodeDialog } from './AutoCodeDialog';
import { useTablesStore } from '../../stores/tablesStore';
import './analysis.css';
import { FilterBar } from './filter/FilterBar';

function rowOfHit(hit: SearchResults['hits'][number]): SegmentRow {
  return {
    key: `${hit.sourceId}:${hit.start}:${hit.end}`,
    sourceId: hit.sourceId,
    start: hit.start - hit.before.length,
    end: hit.end + hit.after.length,
    codeIds: [],
    mark: { start: hit.start, end: hit.end },
    reveal: { start: hit.start, end: hit.end },
  };
}

export function SearchView({ projectId }: { projectId: string }) {
  const sources = useSources(projectId);
  const codes = useCodes(projectId);
  const { options, results, setOptions } = useSearchStore();
  const autoCodeOpen = useTablesStore((s) => s.autoCodeOpen);
  const openAutoCode = useTablesStore((s) => s.openAutoCode);
  const filter = useActiveAnalysisFilter();
  const places = useAnalysisStore(selectPlaces);
  const sourcesById = useMemo(() => new Map((sources ?? []).map((s) => [s.id, s])), [sources]);
  const codesById = useMemo(() => new Map((codes ?? []).map((c) => [c.id, c])), [codes]);
  const rows = useMemo(() => results?.hits.map(rowOfHit), [results?.hits]);
  const listKey = results ? `search:${JSON.stringify(results.options)}` : '';
  const place = places.search?.key === listKey ? places.search.rowKey : undefined;
  const runningNow = results !== null && results.outcome === undefined;
  // The first search's worker is started while the user types the query.
  useEffect(prepareSearchWorker, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    runSearch(projectId, { ...options }, filter);
  };

  return (
    <section className="panel analysis-panel" aria-label="Search">
      <div className="panel-header">
        <h2>Search</h2>
        <button type="button" onClick={() => openAutoCode(true)} disabled={!results || results.hits.length === 0 || runningNow}>
          Auto-code…
        </button>
      </div>
      <FilterBar projectId={projectId} />
      <form className="analysis-tools search-form" role="search" aria-label="Search the project" onSubmit={submit}>
        <input
          id="project-search-query"
          type="search"
          aria-label="Search for"
          placeholder={options.mode === 'regex' ? 'A regular expression, e.g. night\\w*' : 'Plain text to find in every source'}
          value={options.query}
          onChange={(e) => setOptions({ query: e.target.value })}
        />
        <label className="check">
          <input type="checkbox" checked={options.wholeWord} onChange={(e) => setOptions({ wholeWord: e.target.checked })} />
          Whole word
        </label>
        <label className="check">
          <input type="checkbox" checked={options.caseSensitive} onChange={(e) => setOptions({ caseSensitive: e.target.checked })} />
          Case-sensitive
        </label>
        <label className="check" title={`Off: plain text, found as typed. On: a JavaScript regular expression, stopped after ${SEARCH_TIME_LIMIT_MS / 1000} seconds.`}>
          <input type="checkbox" checked={options.mode === 'regex'} onChange={(e) => setOptions({ mode: e.target.checked ? 'regex' : 'plain' })} />
          Regular expression
        </label>
        <button type="submit" disabled={options.query === ''}>
          Search
        </button>
        {runningNow && (
          <button type="button" onClick={stopSearch}>
            Stop
          </button>
        )}
      </form>
      <p className="analysis-count search-status" role="status">
        {results ? searchStatus(results) : ''}
      </p>
      {!results ? (
        <p className="empty">
          Search every source of the project for plain text, or tick Regular expression for a pattern (with a time limit of {SEARCH_TIME_LIMIT_MS / 1000} seconds). A hit
          opens its source with the hit selected, ready to code; Auto-code… codes the hits, or the sentence, paragraph or speaker turn around each, all at once.
        </p>
      ) : rows && rows.length > 0 ? (
        <SegmentList
          key={listKey}
          label="Search hits"
          rows={rows}
          sourcesById={sourcesById}
          codesById={codesById}
          currentKey={place}
          onOpen={(row, text) => openSegment('search', listKey, row, text, 'select')}
        />
      ) : null}
      {autoCodeOpen && <AutoCodeDialog projectId={projectId} hits={results?.hits ?? []} searching={runningNow} onClose={() => openAutoCode(false)} />}
    </section>
  );
}
