// Code co-occurrence: cell [a][b] counts the pairs of codings of codes a and b (a ≠ b) in the same
// source whose spans overlap by at least one character (touching spans do not co-occur). One sweep
// per source over codings sorted by start, keeping the ones still open, so the cost follows the
// overlap depth rather than n².
import type { CodingSpan } from '../model/types';

export interface CooccurrenceMatrix {
  codeIds: string[];
  /** counts[i][j] for codeIds[i] and codeIds[j]; symmetric, zero diagonal. */
  counts: number[][];
}

/** What co-occurrence needs of a coding: the one CodingSpan type, without id and coder. */
export type CodedSpan = Pick<CodingSpan, 'sourceId' | 'codeId' | 'start' | 'end'>;

export function cooccurrenceMatrix(codeIds: readonly string[], spans: Iterable<CodedSpan>): CooccurrenceMatrix {
  const indexOf = new Map(codeIds.map((id, i) => [id, i]));
  const counts = codeIds.map(() => new Array<number>(codeIds.length).fill(0));
  const bySource = new Map<string, CodedSpan[]>();
  for (const span of spans) {
    if (!indexOf.has(span.codeId)) continue;
    const list = bySource.get(span.sourceId);
    if (list) list.push(span);
    else bySource.set(span.sourceId, [span]);
  }
  for (const list of bySource.values()) {
    list.sort((a, b) => a.start - b.start);
    let open: CodedSpan[] = [];
    for (const span of list) {
      // An empty span shares no character with anything (imported data can hold one).
      if (span.end <= span.start) continue;
      open = open.filter((other) => other.end > span.start);
      const i = indexOf.get(span.codeId)!;
      for (const other of open) {
        const j = indexOf.get(other.codeId)!;
        if (i === j) continue;
        counts[i]![j]! += 1;
        counts[j]![i]! += 1;
      }
      open.push(span);
    }
  }
  return { codeIds: [...codeIds], counts };
}
