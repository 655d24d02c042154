// Reading order: sources as listed, then by position in the source, a longer segment after a
// shorter one starting at the same place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortInReadingOrder } from '../../../shared/analysis/retrieval';

const seg = (sourceId: string, start: number, end: number) => ({ sourceId, start, end });

describe('sortInReadingOrder', () => {
  it('orders by source position, then start, then end', () => {
    const order = new Map([
      ['second', 1],
      ['first', 0],
    ]);
    const sorted = sortInReadingOrder([seg('second', 0, 5), seg('first', 30, 40), seg('first', 2, 9), seg('first', 2, 4)], order);
    expect(sorted).toEqual([seg('first', 2, 4), seg('first', 2, 9), seg('first', 30, 40), seg('second', 0, 5)]);
  });

  it('keeps overlapping and touching segments of the same source by position', () => {
    const order = new Map([['s', 0]]);
    expect(sortInReadingOrder([seg('s', 10, 20), seg('s', 5, 10), seg('s', 5, 15)], order)).toEqual([seg('s', 5, 10), seg('s', 5, 15), seg('s', 10, 20)]);
  });

  it('puts segments of sources missing from the order last', () => {
    const order = new Map([['s', 0]]);
    expect(sortInReadingOrder([seg('gone', 0, 1), seg('s', 50, 60)], order)).toEqual([seg('s', 50, 60), seg('gone', 0, 1)]);
  });

  it('sorts in place and yields a permutation in which every neighbour pair is in order', () => {
    const sources = ['a', 'b', 'c'];
    const order = new Map(sources.map((s, i) => [s, i]));
    fc.assert(
      fc.property(
        fc.array(fc.record({ sourceId: fc.constantFrom(...sources), start: fc.nat(100), length: fc.nat(20) }), { maxLength: 60 }),
        (raw) => {
          const segments = raw.map((r) => seg(r.sourceId, r.start, r.start + r.length));
          const copy = [...segments];
          const sorted = sortInReadingOrder(segments, order);
          expect(sorted).toBe(segments);
          expect([...sorted].sort(compareKey)).toEqual(copy.sort(compareKey));
          for (let i = 1; i < sorted.length; i++) {
            const p = sorted[i - 1]!;
            const n = sorted[i]!;
            const rank = order.get(p.sourceId)! - order.get(n.sourceId)!;
            expect(rank < 0 || (rank === 0 && (p.start < n.start || (p.start === n.start && p.end <= n.end)))).toBe(true);
          }
        },
      ),
    );
  });
});

function compareKey(a: { sourceId: string; start: number; end: number }, b: { sourceId: string; start: number; end: number }): number {
  return a.sourceId.localeCompare(b.sourceId) || a.start - b.start || a.end - b.end;
}
