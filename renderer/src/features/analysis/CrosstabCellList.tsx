// Under a crosstab cell: the segments it counts (the Coded segments list), in reading order.
// Opening one shows it in the document; coming back, the list continues from it.
import { useMemo } from 'react';
import type { Code, Source } from '../../../../shared/model/types';
import { useAnalysisQuery } from '../../analysis/useAnalysisQuery';
import type { CrosstabRequest } from '../../analysis/tableOperations';
import { selectPlaces, useAnalysisStore } from '../../stores/analysisStore';
import type { CrosstabCellRef } from '../../stores/tablesStore';
import { SegmentList } from '../retrieval/SegmentList';
import { countLine, rowOfSegment } from '../retrieval/segmentRows';
import { openSegment } from '../retrieval/openSegment';

export interface CrosstabCellListProps {
  projectId: string;
  request: CrosstabRequest;
  cell: CrosstabCellRef;
  columnLabel: string;
  sources: readonly Source[];
  codesById: ReadonlyMap<string, Code>;
  onClose(): void;
}

export function CrosstabCellList({ projectId, request, cell, columnLabel, sources, codesById, onClose }: CrosstabCellListProps) {
  const watched = useMemo(() => [...codesById.keys()], [codesById]);
  const queryKey = `crosstab-cell:${JSON.stringify(request)}:${cell.row}:${cell.columnKey}`;
  const segments = useAnalysisQuery(projectId, watched, queryKey, (client) => client.crosstabCell(projectId, request, cell.row, cell.columnKey));
  const sourcesById = useMemo(() => new Map(sources.map((s) => [s.id, s])), [sources]);
  const rows = useMemo(() => segments.value?.map(rowOfSegment), [segments.value]);
  const places = useAnalysisStore(selectPlaces);
  const place = places.crosstab?.key === queryKey ? places.crosstab.rowKey : undefined;
  const name = codesById.get(cell.codeId)?.name ?? 'Deleted code';
  const label = `Segments of ${name} in ${columnLabel}`;

  return (
    <section className="overlap-pane" aria-label={label}>
      <div className="overlap-header">
        <h3>
          “{name}” in {columnLabel}
        </h3>
        <span className="analysis-count" role="status">
          {rows ? countLine(rows, ['segment', 'segments']) : 'Finding the segments…'}
        </span>
        <button type="button" className="icon-button" aria-label="Close the segments" title="Close" onClick={onClose}>
          ✕
        </button>
      </div>
      {rows && rows.length === 0 && <p className="empty">No segments here any more.</p>}
      {rows && rows.length > 0 && (
        <SegmentList key={queryKey} label={label} rows={rows} sourcesById={sourcesById} codesById={codesById} currentKey={place} onOpen={(row, text) => openSegment('crosstab', queryKey, row, text)} />
      )}
    </section>
  );
}
