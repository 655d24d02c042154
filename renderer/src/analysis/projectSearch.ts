// Searching the whole project (shared/analysis/search.ts) over the database: the sources in reading
// order, their texts read a batch at a time, each source's hits posted as soon as it is searched so
// the page lists them while the rest are searched. Runs in a search worker of its own
// (search.worker.ts) that the page can terminate: the only way out of a runaway regular expression.
import { compileSearch, MAX_HITS, searchProject, type SearchHit, type SearchOptions, type SearchSummary } from '../../../shared/analysis/search';
import { compileFilter, isEmptyFilter, type AnalysisFilter } from '../../../shared/analysis/filter';
import { sourceRanks } from '../../../shared/analysis/retrieval';
import { getDb } from '../db/db';
import { caseDataForAnalysis, sourcesForAnalysis } from './analysisData';

export interface SearchRequest {
  projectId: string;
  options: SearchOptions;
  /** Milliseconds the search may take before it stops itself (the page's watchdog adds a margin). */
  timeMs: number;
  filter: AnalysisFilter;
}

export type SearchMessage =
  | { kind: 'hits'; hits: SearchHit[] }
  | { kind: 'progress'; searched: number; total: number }
  | { kind: 'done'; summary: SearchSummary }
  | { kind: 'refused'; message: string };

/** Sources whose texts are read from the database at once. */
const BATCH = 25;

export async function runProjectSearch(request: SearchRequest, post: (message: SearchMessage) => void): Promise<void> {
  const started = Date.now();
  const compiled = compileSearch(request.options);
  if (!compiled.ok) return post({ kind: 'refused', message: compiled.message });
  const { filter } = request;
  const sources = await sourcesForAnalysis(request.projectId);
  const rank = sourceRanks(sources);
  const sets = (filter.sourceSets ?? []).map((s) => new Set(s.sourceIds));
  const listed = filter.sourceIds?.length ? new Set(filter.sourceIds) : null;
  const ordered = sources
    .filter((s) => (!listed || listed.has(s.id)) && sets.every((set) => set.has(s.id)))
    .sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
    .map((s) => s.id);
  // Case conditions keep the hits inside the admitted cases; coders have no say over plain text.
  const caseFilter = { ...filter, coders: undefined, sourceIds: undefined, sourceSets: undefined };
  const keep = isEmptyFilter(caseFilter) ? null : compileFilter(caseFilter, await caseDataForAnalysis(request.projectId));
  let hits = 0;
  let searched = 0;
  const read = (from: number): Promise<Array<{ id: string; text: string }>> => {
    const ids = ordered.slice(from, from + BATCH);
    return getDb()
      .sourceTexts.bulkGet(ids)
      .then((rows) => ids.map((id, i) => ({ id, text: rows[i]?.text ?? '' })));
  };
  // The next batch is read while this one is searched: the database and the pattern take turns
  // otherwise, and reading 20 MB is about as long as searching it.
  let next = ordered.length > 0 ? read(0) : null;
  for (let from = 0; from < ordered.length; from += BATCH) {
    const batch = await next!;
    next = from + BATCH < ordered.length ? read(from + BATCH) : null;
    const run = searchProject(batch, compiled, { timeMs: Math.max(0, request.timeMs - (Date.now() - started)), maxHits: MAX_HITS - hits });
    for (let step = run.next(); ; step = run.next()) {
      if (step.done) {
        searched += step.value.sourcesSearched;
        if (step.value.stoppedBy) {
          // The batch read ahead is not wanted: its failure, if it fails, is nobody's business.
          next?.catch(() => undefined);
          return post({ kind: 'done', summary: { hits, sourcesSearched: searched, stoppedBy: step.value.stoppedBy } });
        }
        break;
      }
      const found = keep ? step.value.hits.filter((h) => keep({ sourceId: h.sourceId, start: h.start, end: h.end, coder: '' })) : step.value.hits;
      hits += found.length;
      if (found.length > 0) post({ kind: 'hits', hits: found });
    }
    post({ kind: 'progress', searched, total: ordered.length });
  }
  post({ kind: 'done', summary: { hits, sourcesSearched: searched, stoppedBy: null } });
}
