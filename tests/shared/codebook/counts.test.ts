import { describe, expect, it } from 'vitest';
import { countCodings } from '../../../shared/codebook/counts';
import { code, coding } from './fixtures';

describe('countCodings', () => {
  it('counts codings and sources per code, with and without subcodes', () => {
    const codes = [code('A', null, 0), code('A1', 'A', 0), code('A1x', 'A1', 0), code('B', null, 1)];
    const codings = [
      coding('A', 's1', 0, 1),
      coding('A1', 's1', 2, 3),
      coding('A1', 's2', 0, 1),
      coding('A1x', 's3', 0, 1),
      coding('A1x', 's3', 5, 6),
      coding('gone', 's9', 0, 1), // a coding of a deleted code is ignored
    ];
    const counts = countCodings(codes, codings);
    expect(counts.get('A')).toEqual({ nCodings: 1, nSources: 1, nCodingsWithSubcodes: 5, nSourcesWithSubcodes: 3 });
    expect(counts.get('A1')).toEqual({ nCodings: 2, nSources: 2, nCodingsWithSubcodes: 4, nSourcesWithSubcodes: 3 });
    expect(counts.get('A1x')).toEqual({ nCodings: 2, nSources: 1, nCodingsWithSubcodes: 2, nSourcesWithSubcodes: 1 });
    expect(counts.get('B')).toEqual({ nCodings: 0, nSources: 0, nCodingsWithSubcodes: 0, nSourcesWithSubcodes: 0 });
  });

  it('does not hang on a cycle in stored data', () => {
    const codes = [code('X', 'Y', 0), code('Y', 'X', 0)];
    const counts = countCodings(codes, [coding('X', 's', 0, 1)]);
    expect(counts.get('X')!.nCodings).toBe(1);
  });
});
