// Retrieval: the segments of some codes across a project, as references into their sources.
// Offsets are UTF-16 code units into the source's text, as everywhere inside the app.

/** One coded segment, without its text (the text is read for the rows a list shows). */
export interface SegmentRef {
  codingId: string;
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
}

/**
 * Sorts segments into reading order in place: by their source's position in the project, then
 * by start, then by end (a longer segment after a shorter one starting at the same place).
 */
export function sortInReadingOrder<T extends { sourceId: string; start: number; end: number }>(
  segments: T[],
  sourceOrder: ReadonlyMap<string, number>,
): T[] {
  const rank = (id: string): number => sourceOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  return segments.sort((a, b) => rank(a.sourceId) - rank(b.sourceId) || a.start - b.start || a.end - b.end);
}

/** Each source's rank in the project's source list (its `order`, ties by name, then id). */
export function sourceRanks(sources: ReadonlyArray<{ id: string; name: string; order: number }>): Map<string, number> {
  const sorted = [...sources].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return new Map(sorted.map((s, i) => [s.id, i]));
}
