// Paragraphs as units of analysis: a paragraph is a line of the normalised text (what the
// document view shows as one block), found by its start offset. Only starts are kept, so a
// 20-million-character project costs one number per line, not a copy of its text.

/** UTF-16 offsets where each line starts (the first is 0). */
export function paragraphStarts(text: string): number[] {
  const out = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) out.push(at + 1);
  return out;
}

/** Index of the paragraph holding `offset` (the last whose start is ≤ offset). */
export function paragraphAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The paragraphs a span [start, end) has characters in: first and last index (inclusive). */
export function paragraphsOfSpan(starts: readonly number[], start: number, end: number): [number, number] {
  return [paragraphAt(starts, start), paragraphAt(starts, Math.max(start, end - 1))];
}

/** The span of paragraph `i` without its line break; `length` is the text's length. */
export function paragraphSpan(starts: readonly number[], i: number, length: number): { start: number; end: number } {
  return { start: starts[i]!, end: i + 1 < starts.length ? starts[i + 1]! - 1 : length };
}
