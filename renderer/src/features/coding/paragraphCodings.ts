// Which codings touch which paragraph, so painting a visible paragraph never scans every coding.
import type { Coding } from '../../../../shared/model/types';
import { paragraphIndexAt, type Paragraph } from '../../../../shared/text/paragraphs';

export type ParagraphCodings = ReadonlyMap<number, readonly Coding[]>;

export function indexCodingsByParagraph(paragraphs: readonly Paragraph[], codings: readonly Coding[]): ParagraphCodings {
  const index = new Map<number, Coding[]>();
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
export function codingsAt(index: ParagraphCodings, paragraphs: readonly Paragraph[], offset: number): Coding[] {
  if (paragraphs.length === 0) return [];
  const candidates = index.get(paragraphIndexAt(paragraphs, offset)) ?? [];
  return candidates
    .filter((c) => c.start <= offset && offset < c.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}
