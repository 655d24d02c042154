// A straightforward code co-occurrence matrix, written for the benchmark because the product has
// none yet (shared/analysis/ holds only the segments CSV): cell [a][b] counts pairs of codings of
// codes a and b (a ≠ b) in the same source whose spans overlap. One sweep per source over codings
// sorted by start, keeping the ones still open, so the cost follows the overlap depth, not n².
import type { Coding } from '../../shared/model/types';

export interface CooccurrenceMatrix {
  codeIds: string[];
  /** counts[i][j] for codeIds[i] and codeIds[j]; symmetric, zero diagonal. */
  counts: number[][];
}

export function cooccurrenceMatrix(codeIds: readonly string[], codings: readonly Coding[]): CooccurrenceMatrix {
  const indexOf = new Map(codeIds.map((id, i) => [id, i]));
  const counts = codeIds.map(() => new Array<number>(codeIds.length).fill(0));
  const bySource = new Map<string, Coding[]>();
  for (const coding of codings) {
    if (!indexOf.has(coding.codeId)) continue;
    const list = bySource.get(coding.sourceId);
    if (list) list.push(coding);
    else bySource.set(coding.sourceId, [coding]);
  }
  for (const list of bySource.values()) {
    list.sort((a, b) => a.start - b.start);
    let open: Coding[] = [];
    for (const coding of list) {
      open = open.filter((other) => other.end > coding.start);
      const i = indexOf.get(coding.codeId)!;
      for (const other of open) {
        const j = indexOf.get(other.codeId)!;
        if (i === j) continue;
        counts[i]![j]! += 1;
        counts[j]![i]! += 1;
      }
      open.push(coding);
    }
  }
  return { codeIds: [...codeIds], counts };
}
