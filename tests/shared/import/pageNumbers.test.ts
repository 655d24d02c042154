import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { citePages, pageAt } from '../../../shared/import/pageNumbers';

describe('pageAt / citePages', () => {
  const starts = [0, 120, 250, 251];

  it('finds the page an offset falls on', () => {
    expect(pageAt(starts, 0)).toBe(1);
    expect(pageAt(starts, 119)).toBe(1);
    expect(pageAt(starts, 120)).toBe(2);
    expect(pageAt(starts, 250)).toBe(3);
    expect(pageAt(starts, 9999)).toBe(4);
  });

  it('cites one page or a range', () => {
    expect(citePages(starts, 10, 20)).toBe('p. 1');
    expect(citePages(starts, 100, 120)).toBe('p. 1');
    expect(citePages(starts, 100, 130)).toBe('pp. 1–2');
  });

  it('agrees with a linear scan (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(500), { minLength: 1 }), fc.nat(600), (raw, offset) => {
        const sorted = [0, ...raw.filter((n) => n > 0).sort((a, b) => a - b)];
        const linear = sorted.filter((s) => s <= offset).length;
        expect(pageAt(sorted, offset)).toBe(linear);
      }),
    );
  });
});
