// The document view's paragraph index: extended in place when a coding is appended, rebuilt
// otherwise, and always equal to an index built from scratch (what the user sees never differs).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Coding, CodingSpan } from '../../../shared/model/types';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { ParagraphIndexCache, codingsAt, indexCodingsByParagraph } from '../../../renderer/src/features/coding/paragraphCodings';

const text = 'first line\nsecond line is longer\n\nfourth\nfifth and last';
const paragraphs = splitParagraphs(text);

function coding(id: string, start: number, end: number): Coding {
  return { id, projectId: 'p', sourceId: 's', codeId: 'c', start, end, exact: '', prefix: '', suffix: '', coder: '', createdAt: '' };
}

// Which codings each paragraph has; their order within a paragraph changes nothing on screen.
const asPlain = (index: ReadonlyMap<number, readonly CodingSpan[]>) =>
  [...index].map(([i, list]) => [i, list.map((c) => c.id).sort()] as const).sort((a, b) => a[0] - b[0]);

describe('ParagraphIndexCache', () => {
  it('equals a fresh index after any sequence of appends, re-reads with edits, and replacements', () => {
    const span = fc
      .tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 1, max: 20 }))
      .map(([start, length]) => [start, Math.min(text.length, start + length)] as const);
    // A step appends codings, replaces the list, or reads it again as fresh copies (as the live
    // query does) with some codings inserted and some removed anywhere in it.
    const step = fc.record({
      kind: fc.constantFrom('append', 'replace', 'reread'),
      spans: fc.array(span, { maxLength: 4 }),
      at: fc.nat(),
      removals: fc.array(fc.nat(), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const cache = new ParagraphIndexCache();
        let current: Coding[] = [];
        let n = 0;
        for (const { kind, spans, at, removals } of steps) {
          const added = spans.map(([s, e]) => coding(`k${n++}`, s, e));
          if (kind === 'append') current = [...current, ...added];
          else if (kind === 'replace') current = added;
          else {
            const copy = current.map((c) => ({ ...c }));
            for (const r of removals) if (copy.length > 0) copy.splice(r % copy.length, 1);
            copy.splice(at % (copy.length + 1), 0, ...added);
            current = copy;
          }
          expect(asPlain(cache.get(paragraphs, current))).toEqual(asPlain(indexCodingsByParagraph(paragraphs, current)));
        }
      }),
    );
  });

  it('gives untouched paragraphs the same arrays when the list is read again with one coding more', () => {
    const cache = new ParagraphIndexCache();
    const first = [coding('a', 0, 5), coding('b', 40, 45)];
    const before = new Map(cache.get(paragraphs, first));
    const reread = [{ ...first[0]! }, coding('new', 12, 18), { ...first[1]! }];
    const after = cache.get(paragraphs, reread);
    expect(after.get(0)).toBe(before.get(0));
    expect(after.get(1)!.map((c) => c.id)).toEqual(['new']);
  });

  it('finds the codings under an offset, innermost first', () => {
    const index = indexCodingsByParagraph(paragraphs, [coding('long', 0, 30), coding('short', 12, 18)]);
    expect(codingsAt(index, paragraphs, 14).map((c) => c.id)).toEqual(['short', 'long']);
    expect(codingsAt(index, paragraphs, 40)).toEqual([]);
  });
});
