// The "Coded segments" view: every segment of a code (and, by default, of its subcodes) across the
// project, in reading order, with how many there are and in how many sources. Picking a code here
// or in the codebook lists its segments; opening one shows it in the document.
import { useEffect, useMemo, useRef, useState } from 'react';
import { descendantIds, flattenTree } from '../../../../shared/codebook/tree';
import { useCodes, useSources } from '../../db/queries';
import { useAnalysisQuery } from '../../analysis/useAnalysisQuery';
import {
  selectIncludeSubcodes,
  selectPlaces,
  selectRetrievalCodeId,
  useAnalysisStore,
} from '../../stores/analysisStore';
import { reportError, selectSelectedCodeId, useUiStore } from '../../stores/uiStore';
import { selectActiveFilter, useAnalysisFilterStore } from '../../stores/analysisFilterStore';
import { FilterBar } from '../analysis/filter/FilterBar';
import { useFilterQueryKey } from '../analysis/filter/useFilterQueryKey';
import { useCaseDataRevision } from '../../db/caseQueries';
import { exportSegmentsCsv } from '../export/exportCsv';
import { exportedMessage } from '../analysis/filter/filterNote';
import { CodePicker } from './CodePicker';
import { SegmentList } from './SegmentList';
import { countLine, rowOfSegment } from './segmentRows';
import { openSegment } from './openSegment';
import './retrieval.css';

const NO_CODES: string[] = [];

export function CodedSegmentsView({ projectId }: { projectId: string }) {
  const codes = useCodes(projectId);
  const sources = useSources(projectId);
  const codeId = useAnalysisStore(selectRetrievalCodeId);
  const includeSubcodes = useAnalysisStore(selectIncludeSubcodes);
  const places = useAnalysisStore(selectPlaces);
  const pickRetrievalCode = useAnalysisStore((s) => s.pickRetrievalCode);
  const setIncludeSubcodes = useAnalysisStore((s) => s.setIncludeSubcodes);
  const selectedCodeId = useUiStore(selectSelectedCodeId);
  const selectCode = useUiStore((s) => s.selectCode);
  const notify = useUiStore((s) => s.notify);

  const entries = useMemo(() => flattenTree(codes ?? []), [codes]);
  const codesById = useMemo(() => new Map((codes ?? []).map((c) => [c.id, c])), [codes]);
  const sourcesById = useMemo(() => new Map((sources ?? []).map((s) => [s.id, s])), [sources]);
  const code = codeId ? codesById.get(codeId) : undefined;
  const subcodeIds = useMemo(() => (code && codes ? descendantIds(codes, code.id) : NO_CODES), [code, codes]);
  const codeIds = useMemo(() => (code ? [code.id, ...(includeSubcodes ? subcodeIds : [])] : NO_CODES), [code, includeSubcodes, subcodeIds]);
  const filter = useAnalysisFilterStore(selectActiveFilter);
  const filterId = useFilterQueryKey(projectId);
  const [withContext, setWithContext] = useState(false);
  const caseRevision = useCaseDataRevision(projectId);
  const queryKey = `segments:${codeIds.join('|')}#${filterId}`;
  const segments = useAnalysisQuery(projectId, codeIds, queryKey, (client) => client.retrieveSegments(projectId, codeIds, filter));
  const rows = useMemo(() => segments.value?.map(rowOfSegment), [segments.value]);

  // A code picked in the codebook while this view is open is the one whose segments are listed;
  // with none chosen yet, the codebook's focused code is.
  const lastSelected = useRef(selectedCodeId);
  useEffect(() => {
    const changed = lastSelected.current !== selectedCodeId;
    lastSelected.current = selectedCodeId;
    if (selectedCodeId && (changed || !useAnalysisStore.getState().retrievalCodeId)) pickRetrievalCode(selectedCodeId);
  }, [pickRetrievalCode, selectedCodeId]);

  const pick = (id: string | null): void => {
    pickRetrievalCode(id);
    if (id) selectCode(id);
  };

  const listKey = queryKey;
  const place = places.segments?.key === listKey ? places.segments.rowKey : undefined;

  const exportListed = (): void => {
    if (!code) return;
    exportSegmentsCsv(projectId, { codeIds, name: code.name, filter })
      .then(async (result) => {
        if (result.saved) notify('info', await exportedMessage(projectId, `the segments of “${code.name}”`, result.fileName, filter));
      })
      .catch(reportError);
  };

  return (
    <section className="panel analysis-panel" aria-label="Coded segments">
      <div className="panel-header">
        <h2>Coded segments</h2>
        <button type="button" onClick={exportListed} disabled={!code || !rows || rows.length === 0}>
          Export segments (CSV)
        </button>
      </div>
      <div className="analysis-tools">
        <CodePicker label="Code" entries={entries} value={code ? code.id : null} placeholder="Choose a code…" onChange={pick} />
        <label className="check" title={subcodeIds.length === 0 && code ? `“${code.name}” has no subcodes.` : undefined}>
          <input type="checkbox" checked={includeSubcodes} onChange={(e) => setIncludeSubcodes(e.target.checked)} />
          Include subcodes{code && subcodeIds.length > 0 ? ` (${subcodeIds.length})` : ''}
        </label>
        <label className="check">
          <input type="checkbox" checked={withContext} onChange={(e) => setWithContext(e.target.checked)} />
          Show context
        </label>
        <span className="analysis-count" role="status">
          {code && rows ? countLine(rows, ['segment', 'segments']) : ''}
        </span>
      </div>
      <FilterBar projectId={projectId} />
      {!code ? (
        <p className="empty">
          Choose a code to read every passage coded with it, across all sources. You can also select a code in the codebook and use “Show
          coded segments”.
        </p>
      ) : !rows ? (
        <p className="empty">Finding the segments of “{code.name}”…</p>
      ) : rows.length === 0 ? (
        <p className="empty">
          {filterId !== ''
            ? `No segments of “${code.name}” pass the filter.`
            : `No segments are coded with “${code.name}”${includeSubcodes && subcodeIds.length > 0 ? ' or its subcodes' : ''} yet.`}
        </p>
      ) : (
        <SegmentList
          key={listKey}
          label={`Segments of ${code.name}`}
          rows={rows}
          sourcesById={sourcesById}
          codesById={codesById}
          currentKey={place}
          projectId={projectId}
          withContext={withContext}
          {...(caseRevision !== undefined ? { caseRevision } : {})}
          onOpen={(row, text) => openSegment('segments', listKey, row, text)}
        />
      )}
    </section>
  );
}
