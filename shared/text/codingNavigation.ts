// Moving through a source by its codings: the next or previous coding from a position, and the
// next paragraph no coding touches (for working through a transcript without missing a line).
// Offsets are UTF-16 code units into the source's text, as everywhere in the app.
import type { Paragraph } from './paragraphs';
import { paragraphIndexAt } from './paragraphs';
import { partitionPoint } from './partitionPoint';

export interface Span {
  start: number;
  end: number;
}

const byStart = <T extends Span>(spans: readonly T[]): T[] => [...spans].sort((a, b) => a.start - b.start || a.end - b.end);

/**
 * The coding after `offset` (the first starting after it) or before it (the last starting before
 * it); wraps around at either end of the source, so the command always lands somewhere when there
 * are codings. Null when the source has none.
 */
export function adjacentCoding<T extends Span>(codings: readonly T[], offset: number, direction: 1 | -1): T | null {
  if (codings.length === 0) return null;
  const sorted = byStart(codings);
  if (direction === 1) {
    const i = partitionPoint(sorted.length, (k) => sorted[k]!.start <= offset);
    return sorted[i] ?? sorted[0]!;
  }
  const i = partitionPoint(sorted.length, (k) => sorted[k]!.start < offset) - 1;
  return sorted[i] ?? sorted[sorted.length - 1]!;
}

/** Merged, sorted stretches of text covered by at least one coding. */
function coverage(codings: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const c of byStart(codings)) {
    const last = merged[merged.length - 1];
    if (last && c.start <= last.end) last.end = Math.max(last.end, c.end);
    else merged.push({ start: c.start, end: c.end });
  }
  return merged;
}

/**
 * The index of the first paragraph after the one holding `offset` that has text (not only
 * whitespace) and that no coding overlaps; wraps to the start. Null when every paragraph with text is coded.
 */
export function nextUncodedParagraph(paragraphs: readonly Paragraph[], codings: readonly Span[], offset: number): number | null {
  const covered = coverage(codings);
  const isCoded = (p: Paragraph): boolean => {
    const end = p.start + p.text.length;
    // The first stretch that ends after the paragraph starts: does it begin before the paragraph ends?
    const i = partitionPoint(covered.length, (k) => covered[k]!.end <= p.start);
    return i < covered.length && covered[i]!.start < end;
  };
  const from = paragraphIndexAt(paragraphs, offset);
  for (let step = 1; step <= paragraphs.length; step++) {
    const index = (from + step) % paragraphs.length;
    const p = paragraphs[index]!;
    if (p.text.trim() !== '' && !isCoded(p)) return index;
  }
  return null;
}
