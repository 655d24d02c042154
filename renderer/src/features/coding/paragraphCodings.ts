// Which codings touch which paragraph, so painting a visible paragraph never scans every coding.
import type { CodingSpan } from '../../../../shared/model/types';
import { paragraphIndexAt, type Paragraph } from '../../../../shared/text/paragraphs';
import { changesBetween } from './codingChanges';

export type ParagraphCodings = ReadonlyMap<number, readonly CodingSpan[]>;

export function indexCodingsByParagraph(paragraphs: readonly Paragraph[], codings: readonly CodingSpan[]): ParagraphCodings {
  const index = new Map<number, CodingSpan[]>();
  if (paragraphs.length === 0) return index;
  for (const coding of codings) {
    const first = paragraphIndexAt(paragraphs, coding.start);
    // The paragraph holding the last coded character (end is exclusive).
    const last = paragraphIndexAt(paragraphs, Math.max(coding.start, coding.end - 1));
    for (let i = first; i <= last; i++) {
      const list = index.get(i);
      if (list) list.push(coding);
      else index.set(i, [coding]);
    }
  }
  return index;
}

/** Codings that cover `offset` (start <= offset < end), innermost (shortest) first. */
export function codingsAt(index: ParagraphCodings, paragraphs: readonly Paragraph[], offset: number): CodingSpan[] {
  if (paragraphs.length === 0) return [];
  const candidates = index.get(paragraphIndexAt(paragraphs, offset)) ?? [];
  return candidates
    .filter((c) => c.start <= offset && offset < c.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** Adds codings to an index in place (the paragraphs they touch get new arrays). */
function addToIndex(index: Map<number, readonly CodingSpan[]>, paragraphs: readonly Paragraph[], codings: readonly CodingSpan[]): void {
  for (const coding of codings) {
    const first = paragraphIndexAt(paragraphs, coding.start);
    const last = paragraphIndexAt(paragraphs, Math.max(coding.start, coding.end - 1));
    for (let i = first; i <= last; i++) index.set(i, [...(index.get(i) ?? []), coding]);
  }
}

/** Removes codings from an index in place, by id (the index may hold an earlier copy of each). */
function removeFromIndex(index: Map<number, readonly CodingSpan[]>, paragraphs: readonly Paragraph[], codings: readonly CodingSpan[]): void {
  for (const coding of codings) {
    const first = paragraphIndexAt(paragraphs, coding.start);
    const last = paragraphIndexAt(paragraphs, Math.max(coding.start, coding.end - 1));
    for (let i = first; i <= last; i++) {
      const kept = (index.get(i) ?? []).filter((c) => c.id !== coding.id);
      if (kept.length > 0) index.set(i, kept);
      else index.delete(i);
    }
  }
}

/**
 * Keeps a paragraph index across renders. When the new codings differ from the previous list by a
 * few additions or removals (a coding just applied, then the live query's fresh copy of the list),
 * only those are applied instead of rebuilding the index over every coding of the source: applying
 * a code stays within a frame on a 20,000-coding source. The index keeps the objects it was given
 * first for codings whose id, code and span are unchanged.
 */
export class ParagraphIndexCache {
  private paragraphs: readonly Paragraph[] | null = null;
  private codings: readonly CodingSpan[] = [];
  private index = new Map<number, readonly CodingSpan[]>();

  get(paragraphs: readonly Paragraph[], codings: readonly CodingSpan[]): ParagraphCodings {
    const changes = this.paragraphs === paragraphs ? changesBetween(this.codings, codings) : null;
    if (!changes) {
      this.index = new Map(indexCodingsByParagraph(paragraphs, codings));
    } else {
      // In place (copying a 25,000-entry map cost more than the change itself): readers look
      // paragraphs up on every render, and each touched paragraph gets a new array.
      removeFromIndex(this.index, paragraphs, changes.removed);
      addToIndex(this.index, paragraphs, changes.added);
    }
    this.paragraphs = paragraphs;
    this.codings = codings;
    return this.index;
  }
}
