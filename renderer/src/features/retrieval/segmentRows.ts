// Rows of a segments list: a coded segment, or the overlap of two codings (a co-occurrence cell).
// A row is a span of one source to show and a span to reveal in the document.
import type { SegmentRef } from '../../../../shared/analysis/retrieval';
import type { SpanOverlap } from '../../../../shared/analysis/overlaps';

export interface SegmentRow {
  key: string;
  sourceId: string;
  /** The span whose text the row shows. */
  start: number;
  end: number;
  /** The codes shown on the row, first the one the row is listed under. */
  codeIds: readonly string[];
  /** A part of the text to emphasise (where two codes overlap), in source offsets. */
  mark?: { start: number; end: number };
  /** What opening the row reveals in the document. */
  reveal: { start: number; end: number };
}

export function rowOfSegment(ref: SegmentRef): SegmentRow {
  return { key: ref.codingId, sourceId: ref.sourceId, start: ref.start, end: ref.end, codeIds: [ref.codeId], reveal: { start: ref.start, end: ref.end } };
}

export function rowOfOverlap(overlap: SpanOverlap<SegmentRef>): SegmentRow {
  const mark = { start: overlap.overlapStart, end: overlap.overlapEnd };
  return {
    key: `${overlap.first.codingId}+${overlap.second.codingId}`,
    sourceId: overlap.sourceId,
    start: overlap.start,
    end: overlap.end,
    codeIds: [overlap.first.codeId, overlap.second.codeId],
    mark,
    reveal: mark,
  };
}

/** The reference `segmentTexts` reads a row's text by. */
export function textRefOf(row: SegmentRow): SegmentRef {
  return { codingId: row.key, sourceId: row.sourceId, codeId: row.codeIds[0] ?? '', start: row.start, end: row.end };
}

/** Rows with the same source and span have the same text, whatever their codes. */
export function textKeyOf(row: Pick<SegmentRow, 'sourceId' | 'start' | 'end'>): string {
  return `${row.sourceId}:${row.start}:${row.end}`;
}

/** "1,204 segments in 3 sources" */
export function countLine(rows: ReadonlyArray<Pick<SegmentRow, 'sourceId'>>, unit: [string, string]): string {
  const sources = new Set(rows.map((r) => r.sourceId)).size;
  return `${rows.length.toLocaleString('en-US')} ${rows.length === 1 ? unit[0] : unit[1]} in ${sources.toLocaleString('en-US')} source${sources === 1 ? '' : 's'}`;
}
