import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionPoint } from '../../../shared/text/partitionPoint';

describe('partitionPoint', () => {
  it('finds where the entries stop being before the target, as a linear scan does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, target) => {
        const sorted = [...values].sort((a, b) => a - b);
        const expected = sorted.findIndex((v) => v >= target);
        expect(partitionPoint(sorted.length, (i) => sorted[i]! < target)).toBe(expected === -1 ? sorted.length : expected);
      }),
      { seed: 11 },
    );
  });

  it('handles empty and all-before ranges', () => {
    expect(partitionPoint(0, () => true)).toBe(0);
    expect(partitionPoint(5, () => true)).toBe(5);
    expect(partitionPoint(5, () => false)).toBe(0);
  });
});
