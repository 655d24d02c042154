import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { buildCodebookXlsx } from '../../../shared/codebook/codebookXlsx';
import { CODEBOOK_COLUMNS } from '../../../shared/codebook/codebookTable';
import { code, coding } from './fixtures';

describe('buildCodebookXlsx', () => {
  it('writes the same table as the CSV, with text that looks like a formula kept as text', async () => {
    const codes = [
      code('a', null, 0, { name: '=HYPERLINK("x")', description: 'bell\u0007 removed', exampleCodingId: 'k' }),
      code('b', 'a', 0, { name: 'Child', isCodable: false }),
    ];
    const bytes = await buildCodebookXlsx(codes, [coding('a', 's', 0, 3, { id: 'k', exact: 'the example' })]);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const rows = await readSheet(Buffer.from(bytes));
    expect(rows[0]).toEqual([...CODEBOOK_COLUMNS]);
    expect(rows[1]).toEqual(['a', null, '=HYPERLINK("x")', '=HYPERLINK("x")', 'bell removed', '#e6194b', null, 1, 1, null, null, 'true', 'the example']);
    expect(rows[2]).toEqual(['b', 'a', '=HYPERLINK("x") > Child', 'Child', null, '#e6194b', null, 0, 0, null, null, 'false', null]);
  });
});
