// Opening a listed segment: the document shows its source, scrolled to the span, with the codings
// there open. The list remembers the row, so coming back continues from it.
import { useAnalysisStore } from '../../stores/analysisStore';
import { useUiStore } from '../../stores/uiStore';
import type { SegmentRow } from './segmentRows';

export function openSegment(list: string, listKey: string, row: SegmentRow, text: string | undefined, then?: 'select'): void {
  useAnalysisStore.getState().rememberPlace(list, { key: listKey, rowKey: row.key });
  const { start, end } = row.reveal;
  // The exact text lets the document wait until it shows this source (not the one it had open).
  const exact = text !== undefined ? text.slice(start - row.start, end - row.start) : undefined;
  useUiStore.getState().revealSpan(row.sourceId, start, end, exact !== undefined && exact.length === end - start ? exact : undefined, then);
}
