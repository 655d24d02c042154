// The overlaps behind one co-occurrence cell: every pair of a coding of one code and a coding of
// another in the same source whose spans share at least one character, counted exactly as
// `cooccurrenceMatrix` counts them, so the list under a cell is as long as the cell says.
import type { CodedSpan } from './cooccurrence';

export interface SpanOverlap<T extends CodedSpan> {
  /** The coding of the first code. */
  first: T;
  /** The coding of the second code. */
  second: T;
  sourceId: string;
  /** Both codings together: from the earlier start to the later end. */
  start: number;
  end: number;
  /** Where both codes apply. */
  overlapStart: number;
  overlapEnd: number;
}

export function overlapsOfCodes<T extends CodedSpan>(firstCodeId: string, secondCodeId: string, spans: Iterable<T>): Array<SpanOverlap<T>> {
  if (firstCodeId === secondCodeId) return [];
  const bySource = new Map<string, T[]>();
  for (const span of spans) {
    if (span.codeId !== firstCodeId && span.codeId !== secondCodeId) continue;
    const list = bySource.get(span.sourceId);
    if (list) list.push(span);
    else bySource.set(span.sourceId, [span]);
  }
  const out: Array<SpanOverlap<T>> = [];
  for (const list of bySource.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    let open: T[] = [];
    for (const span of list) {
      open = open.filter((other) => other.end > span.start);
      if (span.end > span.start) {
        for (const other of open) {
          if (other.codeId === span.codeId) continue;
          const [first, second] = span.codeId === firstCodeId ? [span, other] : [other, span];
          out.push({
            first,
            second,
            sourceId: span.sourceId,
            start: Math.min(first.start, second.start),
            end: Math.max(first.end, second.end),
            overlapStart: Math.max(first.start, second.start),
            overlapEnd: Math.min(first.end, second.end),
          });
        }
        open.push(span);
      }
    }
  }
  return out;
}
