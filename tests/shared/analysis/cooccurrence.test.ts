// Co-occurrence counts pairs of codings of two different codes in the same source that share at
// least one character; the overlaps listed under a cell are exactly the pairs the cell counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cooccurrenceMatrix, type CodedSpan } from '../../../shared/analysis/cooccurrence';
import { overlapsOfCodes } from '../../../shared/analysis/overlaps';

const span = (sourceId: string, codeId: string, start: number, end: number): CodedSpan => ({ sourceId, codeId, start, end });

/** The definition, pair by pair. */
function bruteForce(codeIds: readonly string[], spans: readonly CodedSpan[]): number[][] {
  const counts = codeIds.map(() => codeIds.map(() => 0));
  for (let x = 0; x < spans.length; x++) {
    for (let y = x + 1; y < spans.length; y++) {
      const a = spans[x]!;
      const b = spans[y]!;
      const i = codeIds.indexOf(a.codeId);
      const j = codeIds.indexOf(b.codeId);
      if (i < 0 || j < 0 || i === j || a.sourceId !== b.sourceId) continue;
      if (Math.min(a.end, b.end) - Math.max(a.start, b.start) < 1) continue;
      counts[i]![j]! += 1;
      counts[j]![i]! += 1;
    }
  }
  return counts;
}

describe('cooccurrenceMatrix', () => {
  it('counts overlapping spans and not touching ones', () => {
    const m = cooccurrenceMatrix(['a', 'b', 'c'], [span('s', 'a', 0, 10), span('s', 'b', 9, 20), span('s', 'c', 10, 15)]);
    expect(m.codeIds).toEqual(['a', 'b', 'c']);
    expect(m.counts).toEqual([
      [0, 1, 0], // a [0,10) and c [10,15) only touch
      [1, 0, 1],
      [0, 1, 0],
    ]);
  });

  it('never counts a code with itself, and counts each coding of a code applied twice', () => {
    const m = cooccurrenceMatrix(['a', 'b'], [span('s', 'a', 0, 10), span('s', 'a', 2, 8), span('s', 'b', 5, 6)]);
    expect(m.counts).toEqual([
      [0, 2],
      [2, 0],
    ]);
  });

  it('counts within a source only, across several sources', () => {
    const m = cooccurrenceMatrix(
      ['a', 'b'],
      [span('s1', 'a', 0, 10), span('s2', 'b', 0, 10), span('s2', 'a', 5, 7), span('s3', 'a', 0, 3), span('s3', 'b', 1, 2)],
    );
    expect(m.counts[0]![1]).toBe(2);
  });

  it('ignores codes it was not asked about and empty spans', () => {
    const m = cooccurrenceMatrix(['a', 'b'], [span('s', 'a', 0, 10), span('s', 'x', 0, 10), span('s', 'b', 4, 4), span('s', 'b', 10, 12)]);
    expect(m.counts).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('gives an empty matrix for no codes', () => {
    expect(cooccurrenceMatrix([], [span('s', 'a', 0, 1)])).toEqual({ codeIds: [], counts: [] });
  });

  const spansArbitrary = fc.array(
    fc
      .record({
        sourceId: fc.constantFrom('s1', 's2', 's3'),
        codeId: fc.constantFrom('a', 'b', 'c', 'd'),
        start: fc.nat(40),
        length: fc.nat(12),
      })
      .map(({ sourceId, codeId, start, length }) => span(sourceId, codeId, start, start + length)),
    { maxLength: 40 },
  );

  it('agrees with the pair-by-pair definition, symmetric with a zero diagonal', () => {
    fc.assert(
      fc.property(spansArbitrary, (spans) => {
        const codeIds = ['a', 'b', 'c'];
        const m = cooccurrenceMatrix(codeIds, spans);
        expect(m.counts).toEqual(bruteForce(codeIds, spans));
        m.counts.forEach((row, i) => {
          expect(row[i]).toBe(0);
          row.forEach((n, j) => expect(n).toBe(m.counts[j]![i]));
        });
      }),
    );
  });

  it('lists as many overlaps under a cell as the cell counts, each one sharing text', () => {
    fc.assert(
      fc.property(spansArbitrary, (spans) => {
        const m = cooccurrenceMatrix(['a', 'b'], spans);
        const overlaps = overlapsOfCodes('a', 'b', spans);
        expect(overlaps).toHaveLength(m.counts[0]![1]!);
        for (const o of overlaps) {
          expect(o.first.codeId).toBe('a');
          expect(o.second.codeId).toBe('b');
          expect(o.first.sourceId).toBe(o.second.sourceId);
          expect(o.overlapEnd).toBeGreaterThan(o.overlapStart);
          expect(o.start).toBeLessThanOrEqual(o.overlapStart);
          expect(o.end).toBeGreaterThanOrEqual(o.overlapEnd);
        }
      }),
    );
  });
});

describe('overlapsOfCodes', () => {
  it('gives the span of both codings and the part where both apply', () => {
    const a = span('s', 'a', 0, 10);
    const b = span('s', 'b', 6, 20);
    expect(overlapsOfCodes('a', 'b', [b, a])).toEqual([{ first: a, second: b, sourceId: 's', start: 0, end: 20, overlapStart: 6, overlapEnd: 10 }]);
    expect(overlapsOfCodes('a', 'a', [a, span('s', 'a', 1, 2)])).toEqual([]);
  });
});
