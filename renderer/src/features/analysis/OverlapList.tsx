// Under a co-occurrence cell: the passages where the two codes overlap, one row per pair of
// codings (as the cell counts them), the shared part marked. Opening a row shows that part.
import { useMemo } from 'react';
import type { Code, Source } from '../../../../shared/model/types';
import { overlapsOfCodes } from '../../../../shared/analysis/overlaps';
import { sortInReadingOrder } from '../../../../shared/analysis/retrieval';
import { useAnalysisQuery } from '../../analysis/useAnalysisQuery';
import { selectPlaces, useAnalysisStore, type CooccurrenceCell } from '../../stores/analysisStore';
import { selectActiveFilter, useAnalysisFilterStore } from '../../stores/analysisFilterStore';
import { useFilterQueryKey } from './filter/useFilterQueryKey';
import { SegmentList } from '../retrieval/SegmentList';
import { countLine, rowOfOverlap } from '../retrieval/segmentRows';
import { openSegment } from '../retrieval/openSegment';

export interface OverlapListProps {
  projectId: string;
  cell: CooccurrenceCell;
  sources: readonly Source[];
  codesById: ReadonlyMap<string, Code>;
  onClose(): void;
}

export function OverlapList({ projectId, cell, sources, codesById, onClose }: OverlapListProps) {
  const codeIds = useMemo(() => [cell.firstCodeId, cell.secondCodeId], [cell]);
  const filter = useAnalysisFilterStore(selectActiveFilter);
  const filterId = useFilterQueryKey(projectId);
  const queryKey = `segments:${codeIds.join('|')}#${filterId}`;
  const segments = useAnalysisQuery(projectId, codeIds, queryKey, (client) => client.retrieveSegments(projectId, codeIds, filter));
  const sourcesById = useMemo(() => new Map(sources.map((s) => [s.id, s])), [sources]);
  const rows = useMemo(() => {
    if (!segments.value) return undefined;
    const order = new Map(sources.map((s, i) => [s.id, i]));
    return sortInReadingOrder(overlapsOfCodes(cell.firstCodeId, cell.secondCodeId, segments.value), order).map(rowOfOverlap);
  }, [cell, segments.value, sources]);
  const places = useAnalysisStore(selectPlaces);
  const place = places.overlaps?.key === queryKey ? places.overlaps.rowKey : undefined;
  const first = codesById.get(cell.firstCodeId)?.name ?? 'Deleted code';
  const second = codesById.get(cell.secondCodeId)?.name ?? 'Deleted code';

  return (
    <section className="overlap-pane" aria-label={`Overlaps of ${first} and ${second}`}>
      <div className="overlap-header">
        <h3>
          Where “{first}” and “{second}” overlap
        </h3>
        <span className="analysis-count" role="status">
          {rows ? countLine(rows, ['overlap', 'overlaps']) : 'Finding the overlaps…'}
        </span>
        <button type="button" className="icon-button" aria-label="Close the overlaps" title="Close" onClick={onClose}>
          ✕
        </button>
      </div>
      {rows && rows.length === 0 && <p className="empty">These codes no longer overlap anywhere.</p>}
      {rows && rows.length > 0 && (
        <SegmentList
          key={queryKey}
          label={`Overlaps of ${first} and ${second}`}
          rows={rows}
          sourcesById={sourcesById}
          codesById={codesById}
          currentKey={place}
          onOpen={(row, text) => openSegment('overlaps', queryKey, row, text)}
        />
      )}
    </section>
  );
}
