// The minimap's bands: each code's codings as runs of canvas pixel rows at their place in the
// text, at least a couple of pixels tall, merged where they touch, codes in order of appearance.
import { describe, expect, it } from 'vitest';
import { minimapRuns, offsetAtShare } from '../../../renderer/src/features/coding/minimapMarks';
import type { CodingSpan } from '../../../shared/model/types';

const span = (id: string, codeId: string, start: number, end: number): CodingSpan => ({ id, sourceId: 's', codeId, start, end, coder: 'me' });

describe('minimapRuns', () => {
  it('places each coding at its share of the text, one list of runs per code in order of appearance', () => {
    const { codeIds, runs } = minimapRuns([span('1', 'b', 500, 600), span('2', 'a', 0, 100), span('3', 'b', 900, 1000)], 1000, 100, 2);
    expect(codeIds).toEqual(['b', 'a']);
    expect([...runs[0]!]).toEqual([50, 60, 90, 100]);
    expect([...runs[1]!]).toEqual([0, 10]);
  });

  it('gives a one-word coding the minimum height and merges bands of one code that touch', () => {
    const { runs } = minimapRuns([span('1', 'a', 100_000, 100_004), span('2', 'a', 100_010, 100_020), span('3', 'a', 500_000, 500_001)], 1_000_000, 800, 2);
    expect([...runs[0]!]).toEqual([80, 82, 400, 402]);
  });

  it('keeps a coding at the very end inside the canvas and draws nothing for an empty text', () => {
    expect([...minimapRuns([span('1', 'a', 999, 1000)], 1000, 100, 2).runs[0]!]).toEqual([99, 100]);
    expect(minimapRuns([span('1', 'a', 0, 1)], 0, 100, 2)).toEqual({ codeIds: [], runs: [] });
  });
});

describe('offsetAtShare', () => {
  it('maps a click to an offset inside the text', () => {
    expect(offsetAtShare(0.5, 1000)).toBe(500);
    expect(offsetAtShare(1.2, 1000)).toBe(999);
    expect(offsetAtShare(-0.1, 1000)).toBe(0);
  });
});
