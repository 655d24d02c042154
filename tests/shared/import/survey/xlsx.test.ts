import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { cellToText, parseXlsx } from '../../../../shared/import/formats/xlsx';
import { ZIP_BOMB_REASON } from '../../../../shared/import/zip/guard';
import { buildXlsx } from '../builders';

describe('parseXlsx', () => {
  it('reads the first sheet into text cells, keeping blanks and the sheet names', async () => {
    const xlsx = buildXlsx([
      ['respondent_id', 'age', 'answer', null],
      ['r1', 34, 'Tariffs & <trade>', null],
      ['r2', null, "don't know", null],
      ['r3', 61.5, '', null],
    ]);
    expect(await parseXlsx(xlsx)).toEqual({
      ok: true,
      sheetNames: ['Responses'],
      table: {
        columns: ['respondent_id', 'age', 'answer'],
        rows: [
          ['r1', '34', 'Tariffs & <trade>'],
          ['r2', '', "don't know"],
          ['r3', '61.5', ''],
        ],
      },
    });
  });

  it('pads short rows (a spreadsheet omits trailing empty cells)', async () => {
    const xlsx = buildXlsx([['id', 'a', 'b'], ['r1'], ['r2', 'x', 'y']]);
    expect(await parseXlsx(xlsx)).toMatchObject({ ok: true, table: { rows: [['r1', '', ''], ['r2', 'x', 'y']] } });
  });

  it('says which sheet is missing when asked for one', async () => {
    expect(await parseXlsx(buildXlsx([['id'], ['r1']]), { sheet: 'Nope' })).toEqual({ ok: false, reason: 'This workbook has no sheet named “Nope”.' });
  });

  it('refuses files that are not workbooks, and zip bombs', async () => {
    expect(await parseXlsx(new TextEncoder().encode('id,answer\nr1,x'))).toMatchObject({ ok: false, reason: 'This file is not an Excel workbook (.xlsx). It may have been renamed or damaged.' });
    expect(await parseXlsx(zipSync({ 'a.txt': new Uint8Array(2) }))).toMatchObject({ ok: false, reason: expect.stringContaining('not an Excel workbook') });
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(10), 'xl/sharedStrings.xml': [new Uint8Array(3_000_000), { level: 6 }] });
    expect(await parseXlsx(bomb)).toEqual({ ok: false, reason: ZIP_BOMB_REASON });
  });

  it('writes dates as ISO dates and booleans as TRUE/FALSE', () => {
    expect(cellToText(new Date(Date.UTC(2025, 4, 12)))).toBe('2025-05-12');
    expect(cellToText(new Date(Date.UTC(2025, 4, 12, 9, 30)))).toBe('2025-05-12T09:30:00Z');
    expect(cellToText(true)).toBe('TRUE');
    expect(cellToText(null)).toBe('');
    expect(cellToText('a\r\nb')).toBe('a\nb');
  });
});
