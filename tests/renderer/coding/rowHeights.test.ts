// The document view's row-height estimate: fitted to measured rows, it predicts the height a row
// will have once rendered, so rows appearing while scrolling do not move the rows around them.
import { describe, expect, it } from 'vitest';
import { deriveRowMetrics, estimateRowHeight, type RowSample } from '../../../renderer/src/features/coding/rowHeights';

// A column holding 90 characters a line; one-line rows 32.9 px high, 24.5 px more per line.
const ONE_LINE = 32.9;
const PER_LINE = 24.5;
function sample(length: number, charsPerLine = 90, columnWidth = 720): RowSample {
  const lines = Math.max(1, Math.ceil(length / charsPerLine));
  return {
    length,
    height: ONE_LINE + PER_LINE * (lines - 1),
    lines,
    lineHeight: PER_LINE,
    columnWidth,
    inkWidth: length * (columnWidth / charsPerLine),
  };
}
const rendered = [12, 40, 88, 95, 130, 175, 200, 260, 33, 0, 410, 61].map((n) => sample(n));

describe('deriveRowMetrics', () => {
  it('predicts the heights of rows it has not seen, within a line', () => {
    const metrics = deriveRowMetrics(rendered)!;
    for (const length of [5, 80, 150, 300, 700, 1500]) {
      const actual = Math.round(sample(length).height);
      expect(Math.abs(estimateRowHeight(length, metrics) - actual)).toBeLessThanOrEqual(Math.round(PER_LINE));
    }
  });

  it('gives a one-line paragraph exactly the height of a one-line row', () => {
    const metrics = deriveRowMetrics(rendered)!;
    expect(estimateRowHeight(20, metrics)).toBe(Math.round(ONE_LINE));
    expect(estimateRowHeight(0, metrics)).toBe(Math.round(ONE_LINE));
  });

  it('estimates more lines for the same paragraph in a narrower column', () => {
    const wide = deriveRowMetrics(rendered)!;
    const narrow = deriveRowMetrics([12, 40, 88, 95, 130, 175, 200, 260].map((n) => sample(n, 45, 360)))!;
    expect(estimateRowHeight(400, narrow)).toBeGreaterThan(estimateRowHeight(400, wide));
  });

  it('uses the column width when every rendered paragraph fits on one line', () => {
    const metrics = deriveRowMetrics([10, 25, 40, 60].map((n) => sample(n)))!;
    expect(estimateRowHeight(30, metrics)).toBe(Math.round(ONE_LINE));
    expect(estimateRowHeight(400, metrics)).toBeGreaterThan(Math.round(ONE_LINE + 2 * PER_LINE));
  });

  it('gives up without rows or without a line height', () => {
    expect(deriveRowMetrics([])).toBeNull();
    expect(deriveRowMetrics([{ ...sample(30), lineHeight: null }])).toBeNull();
  });
});
