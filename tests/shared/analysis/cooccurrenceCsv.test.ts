// The matrix CSV follows the house CSV conventions (BOM, CRLF, formula guard) and leaves the
// diagonal empty.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildCooccurrenceCsv } from '../../../shared/analysis/cooccurrenceCsv';

describe('buildCooccurrenceCsv', () => {
  it('writes code paths as headers and counts, with an empty diagonal', () => {
    const labels: Record<string, string> = { a: 'Access > Night travel', b: 'Safety', c: '=cmd()' };
    const csv = buildCooccurrenceCsv(
      {
        codeIds: ['a', 'b', 'c'],
        counts: [
          [0, 3, 0],
          [3, 0, 1],
          [0, 1, 0],
        ],
      },
      (id) => labels[id]!,
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'code,Access > Night travel,Safety,"\'=cmd()"',
      'Access > Night travel,,3,0',
      'Safety,3,,1',
      '"\'=cmd()",0,1,',
      '',
    ]);
    expect(Papa.parse(csv.slice(1), { skipEmptyLines: true }).errors).toEqual([]);
  });

  it('writes only the corner for an empty matrix', () => {
    expect(buildCooccurrenceCsv({ codeIds: [], counts: [] }, (id) => id)).toBe('\uFEFFcode\r\n');
  });
});
