// The document view's paragraph index: extended in place when a coding is appended, rebuilt
// otherwise, and always equal to an index built from scratch (what the user sees never differs).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Coding } from '../../../shared/model/types';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { ParagraphIndexCache, codingsAt, indexCodingsByParagraph } from '../../../renderer/src/features/coding/paragraphCodings';

const text = 'first line\nsecond line is longer\n\nfourth\nfifth and last';
const paragraphs = splitParagraphs(text);

function coding(id: string, start: number, end: number): Coding {
  return { id, projectId: 'p', sourceId: 's', codeId: 'c', start, end, exact: '', prefix: '', suffix: '', coder: '', createdAt: '' };
}

const asPlain = (index: ReadonlyMap<number, readonly Coding[]>) =>
  [...index].map(([i, list]) => [i, list.map((c) => c.id)] as const).sort((a, b) => a[0] - b[0]);

describe('ParagraphIndexCache', () => {
  it('equals a fresh index after any sequence of appends and replacements', () => {
    const span = fc
      .tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 1, max: 20 }))
      .map(([start, length]) => [start, Math.min(text.length, start + length)] as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.array(span, { maxLength: 4 })), { maxLength: 12 }), (steps) => {
        const cache = new ParagraphIndexCache();
        let current: Coding[] = [];
        let n = 0;
        for (const [append, spans] of steps) {
          const added = spans.map(([s, e]) => coding(`k${n++}`, s, e));
          current = append ? [...current, ...added] : added;
          expect(asPlain(cache.get(paragraphs, current))).toEqual(asPlain(indexCodingsByParagraph(paragraphs, current)));
        }
      }),
    );
  });

  it('finds the codings under an offset, innermost first', () => {
    const index = indexCodingsByParagraph(paragraphs, [coding('long', 0, 30), coding('short', 12, 18)]);
    expect(codingsAt(index, paragraphs, 14).map((c) => c.id)).toEqual(['short', 'long']);
    expect(codingsAt(index, paragraphs, 40)).toEqual([]);
  });
});
