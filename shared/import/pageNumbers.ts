// Page citations for paged sources (PDF): which page an offset falls on, from the page starts
// recorded on import, so a segment can be cited as "p. 12" or "pp. 12–13".

/** The 1-based page containing `offset` (UTF-16, into the normalised text). */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (pageStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** "p. 12" or "pp. 12–13" for the span start…end (end exclusive). */
export function citePages(pageStarts: readonly number[], start: number, end: number): string {
  const first = pageAt(pageStarts, start);
  const last = pageAt(pageStarts, Math.max(start, end - 1));
  return first === last ? `p. ${first}` : `pp. ${first}–${last}`;
}
