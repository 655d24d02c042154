// Where a source's case segments show in the line-by-line document: the header line (the case's
// name) above the paragraph holding a segment's first character, and the band of paragraphs the
// segment covers (the margin's boundary mark). Pure, so the rules are tested without a DOM.
import type { Paragraph } from './paragraphs';
import { paragraphIndexAt } from './paragraphs';
import { partitionPoint } from './partitionPoint';

export interface CaseSegmentSpan {
  /** Identifies the segment (its link id). */
  key: string;
  start: number;
  end: number;
}

export interface SegmentRows<S extends CaseSegmentSpan> {
  segment: S;
  /** The paragraph above which the header goes. */
  first: number;
  /** The paragraph holding the segment's last character. */
  last: number;
  /** 0 or 1, alternating along the source so two neighbouring segments' bands differ. */
  shade: 0 | 1;
}

export interface CaseSegmentLayout<S extends CaseSegmentSpan> {
  /** The segments whose header goes above a paragraph, by paragraph index, in start order. */
  headersAt: ReadonlyMap<number, ReadonlyArray<SegmentRows<S>>>;
  /** The innermost (latest-starting) segment covering a paragraph, or undefined. */
  bandAt(paragraph: number): SegmentRows<S> | undefined;
}

/** The paragraph holding `offset`'s character; an offset on a line break belongs to the next line. */
function paragraphOfCharacter(paragraphs: readonly Paragraph[], offset: number): number {
  const index = paragraphIndexAt(paragraphs, offset);
  const p = paragraphs[index];
  if (p && offset >= p.start + p.text.length && index + 1 < paragraphs.length) return index + 1;
  return index;
}

export function layoutCaseSegments<S extends CaseSegmentSpan>(paragraphs: readonly Paragraph[], segments: readonly S[]): CaseSegmentLayout<S> {
  const placed: Array<SegmentRows<S>> = [];
  const sorted = segments.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  sorted.forEach((segment, i) => {
    const first = paragraphOfCharacter(paragraphs, segment.start);
    // The last character is at end - 1; a segment ending with a line break ends on that line.
    const last = Math.max(first, paragraphIndexAt(paragraphs, segment.end - 1));
    placed.push({ segment, first, last, shade: (i % 2) as 0 | 1 });
  });
  const headersAt = new Map<number, Array<SegmentRows<S>>>();
  for (const rows of placed) {
    const list = headersAt.get(rows.first);
    if (list) list.push(rows);
    else headersAt.set(rows.first, [rows]);
  }
  // placed is sorted by first (starts are sorted and paragraphs are monotone).
  return {
    headersAt,
    bandAt(paragraph) {
      const upTo = partitionPoint(placed.length, (i) => placed[i]!.first <= paragraph);
      // Walk back from the latest-starting one: the first covering it is the innermost. Only a few
      // back: splits do not nest, and a deeper nesting shows its nearest segments' band.
      for (let i = upTo - 1; i >= 0 && i >= upTo - 8; i--) if (placed[i]!.last >= paragraph) return placed[i];
      return undefined;
    },
  };
}
