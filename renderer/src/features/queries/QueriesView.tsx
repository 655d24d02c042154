// The "Queries" view: build a coding query (AND, OR, NOT, same case / paragraph / segment, within a
// distance, followed by), run it in the analysis worker over the codings the active filter keeps,
// read the passages it finds like coded segments, save it by name in the project, run saved ones
// again, and "Code the result" in one undoable step.
import { useEffect, useMemo, useState } from 'react';
import { descendantIds, flattenTree } from '../../../../shared/codebook/tree';
import { describeQuery } from '../../../../shared/analysis/queryDescription';
import type { Query } from '../../../../shared/analysis/queries';
import { plural } from '../../../../shared/text/plural';
import { useCodes, useSources } from '../../db/queries';
import { useSavedQueries } from '../../db/savedQueryQueries';
import { saveQuery } from '../../db/operations/savedQueries';
import { useAnalysisQuery } from '../../analysis/useAnalysisQuery';
import { getAnalysis } from '../../analysis';
import { useCommand } from '../../commands/registry';
import { selectDraft, selectRanQuery, selectSavedId, queryOfDraft, useQueryStore } from '../../stores/queryStore';
import { selectPlaces } from '../../stores/analysisStore';
import { useAnalysisStore } from '../../stores/analysisStore';
import { selectCoder, useUiStore } from '../../stores/uiStore';
import { NameDialog } from '../common/NameDialog';
import { SegmentList } from '../retrieval/SegmentList';
import { countLine, type SegmentRow } from '../retrieval/segmentRows';
import { openSegment } from '../retrieval/openSegment';
import { QueryBuilder } from './QueryBuilder';
import { useActiveFilter } from './useActiveFilter';
import { SavedQueriesList } from './SavedQueriesList';
import { CodeResultDialog } from './CodeResultDialog';
import '../retrieval/retrieval.css';
import './queries.css';
import { FilterBar } from '../analysis/filter/FilterBar';

const NO_CODES: string[] = [];

export function QueriesView({ projectId }: { projectId: string }) {
  const codes = useCodes(projectId);
  const sources = useSources(projectId);
  const saved = useSavedQueries(projectId, 'query');
  const draft = useQueryStore(selectDraft);
  const ran = useQueryStore(selectRanQuery);
  const savedId = useQueryStore(selectSavedId);
  const runDraft = useQueryStore((s) => s.runDraft);
  const runSaved = useQueryStore((s) => s.runSaved);
  const places = useAnalysisStore(selectPlaces);
  const notify = useUiStore((s) => s.notify);
  const coder = useUiStore(selectCoder);
  const filter = useActiveFilter();
  const [dialog, setDialog] = useState<'save' | 'code' | null>(null);
  // While the user builds a query, the worker reads what paragraph queries need (every source's
  // line starts): otherwise the first such query of a session reads all the text before answering.
  useEffect(() => {
    getAnalysis()
      .prepareQueries(projectId)
      .catch(() => undefined);
  }, [projectId]);

  const entries = useMemo(() => flattenTree(codes ?? []), [codes]);
  const codesById = useMemo(() => new Map((codes ?? []).map((c) => [c.id, c])), [codes]);
  const sourcesById = useMemo(() => new Map((sources ?? []).map((s) => [s.id, s])), [sources]);
  const codeName = (id: string): string => codesById.get(id)?.name ?? 'a deleted code';
  const draftQuery = queryOfDraft(draft);

  // A query whose codes were deleted since it was run lists nothing and says why.
  const missing = ran !== null && codes !== undefined && (!codesById.has(ran.a.codeId) || !codesById.has(ran.b.codeId));
  const runnable = ran !== null && codes !== undefined && !missing ? ran : null;
  // The codings whose changes re-run the query: the operands' codes and, when asked, their subcodes.
  const watched = useMemo(() => {
    if (!runnable || !codes) return NO_CODES;
    const ids = new Set<string>();
    for (const o of [runnable.a, runnable.b]) {
      ids.add(o.codeId);
      if (o.includeSubcodes) for (const d of descendantIds(codes, o.codeId)) ids.add(d);
    }
    return [...ids];
  }, [runnable, codes]);
  const queryKey = `query:${runnable ? JSON.stringify(runnable) : ''}#${filter ? JSON.stringify(filter) : ''}`;
  const hits = useAnalysisQuery(projectId, watched, queryKey, (client) => (runnable ? client.runCodingQuery(projectId, runnable, filter) : Promise.resolve([])));
  const rows = useMemo<SegmentRow[] | undefined>(
    () => hits.value?.map((h) => ({ key: `${h.sourceId}:${h.start}:${h.end}`, sourceId: h.sourceId, start: h.start, end: h.end, codeIds: h.codeIds, reveal: { start: h.start, end: h.end } })),
    [hits.value],
  );
  const place = places.queries?.key === queryKey ? places.queries.rowKey : undefined;
  const title = runnable ? describeQuery(runnable, codeName) : '';
  const resultReady = runnable !== null && rows !== undefined && !hits.running;

  const run = (): void => {
    if (!runDraft()) notify('error', 'Choose code A and code B (and a distance of 0 or more) to run the query.');
  };
  const runOne = (id: string, query: Query): void => runSaved(id, query);

  useCommand('query.save', () => setDialog('save'), draftQuery !== null);
  useCommand('query.codeResult', () => setDialog('code'), resultReady && rows.length > 0);

  return (
    <section className="panel analysis-panel queries-panel" aria-label="Queries">
      <div className="panel-header">
        <h2>Queries</h2>
        <div className="query-actions">
          <button type="button" onClick={() => useQueryStore.getState().newQuery()}>
            New query
          </button>
          <button type="button" onClick={() => setDialog('save')} disabled={draftQuery === null}>
            Save query…
          </button>
          <button type="button" onClick={() => setDialog('code')} disabled={!resultReady || rows.length === 0}>
            Code the result…
          </button>
        </div>
      </div>
      <FilterBar projectId={projectId} />
      <div className="query-top">
        <QueryBuilder entries={entries} onRun={run} canRun={draftQuery !== null} />
        <div className="query-saved-box">
          <h3>Saved queries</h3>
          {saved && <SavedQueriesList saved={saved} currentId={savedId} codeName={codeName} onRun={(q, query) => runOne(q.id, query)} />}
        </div>
      </div>
      <div className="analysis-tools query-result-bar">
        <span className="query-title">{title}</span>
        <span className="analysis-count" role="status" aria-label="Query results">
          {runnable && rows ? countLine(rows, ['passage', 'passages']) : ''}
        </span>
      </div>
      {ran === null ? (
        <p className="empty">Choose two codes and what to look for, then “Run query”. The passages it finds are listed here; click one to read it in its document.</p>
      ) : missing ? (
        <p className="empty">A code of this query no longer exists.</p>
      ) : !rows ? (
        <p className="empty">Running the query…</p>
      ) : rows.length === 0 ? (
        <p className="empty">The query found no passages.</p>
      ) : (
        <SegmentList
          key={queryKey}
          label={`Results of ${title}`}
          rows={rows}
          sourcesById={sourcesById}
          codesById={codesById}
          currentKey={place}
          onOpen={(row, text) => openSegment('queries', queryKey, row, text)}
        />
      )}
      {dialog === 'save' && draftQuery && (
        <NameDialog
          title="Save query"
          label="Query name"
          initial={describeQuery(draftQuery, codeName)}
          submitLabel="Save query"
          onSubmit={async (name) => {
            const q = await saveQuery(projectId, 'query', name, draftQuery);
            runSaved(q.id, draftQuery);
            notify('info', `Saved the query “${q.name}”.`, { undoable: true });
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'code' && rows && (
        <CodeResultDialog
          projectId={projectId}
          passages={rows.map((r) => ({ sourceId: r.sourceId, start: r.start, end: r.end }))}
          entries={entries}
          coder={coder}
          onDone={(result) => {
            setDialog(null);
            if (result) notify('info', `Coded ${plural(result.added, 'passage')} with “${result.code.name}”${result.skipped > 0 ? ` (${result.skipped} already coded or not codable)` : ''}.`, { undoable: true });
          }}
        />
      )}
    </section>
  );
}

