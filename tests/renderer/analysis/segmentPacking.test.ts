// Segments sent from the worker as columns come back as the same segments, in the same order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentRef } from '../../../shared/analysis/retrieval';
import { packSegments, unpackSegments } from '../../../renderer/src/analysis/segmentPacking';

const ref = fc.record({
  codingId: fc.string({ minLength: 1, maxLength: 40 }),
  sourceId: fc.constantFrom('s1', 's2', 'ßource 😀'),
  codeId: fc.constantFrom('a', 'b', 'c'),
  start: fc.nat({ max: 1_000_000 }),
  end: fc.nat({ max: 1_000_000 }),
}) satisfies fc.Arbitrary<SegmentRef>;

describe('segment packing', () => {
  it('round-trips any list of segments', () => {
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 50 }), (refs) => {
        expect(unpackSegments(packSegments(refs))).toEqual(refs);
      }),
    );
  });
});
