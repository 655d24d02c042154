// Page citations for paged sources (PDF): which page an offset falls on, from the page starts
// recorded on import, so a segment can be cited as "p. 12" or "pp. 12–13".
import { partitionPoint } from '../text/partitionPoint';

/** The 1-based page containing `offset` (UTF-16, into the normalised text). */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  return Math.max(1, partitionPoint(pageStarts.length, (i) => pageStarts[i]! <= offset));
}

/** "p. 12" or "pp. 12–13" for the span start…end (end exclusive). */
export function citePages(pageStarts: readonly number[], start: number, end: number): string {
  const first = pageAt(pageStarts, start);
  const last = pageAt(pageStarts, Math.max(start, end - 1));
  return first === last ? `p. ${first}` : `pp. ${first}–${last}`;
}
