// Hostile workbooks through the function the import worker runs: a sheet that claims
// XFD1048576 (in its <dimension> or in one cell), and one with 150,000 rows. Each is refused by
// counting, with the limit in the reason, or read from the cells that exist.
import { describe, expect, it } from 'vitest';
import { runParseRequest } from '../../../shared/import/parseRequest';
import { scanSheet } from '../../../shared/import/formats/xlsxSheetScan';
import { xlsxCell, xlsxManyRows, xlsxWithSheetXml } from './hostileBuilders';

const header = `<row r="1">${xlsxCell('A1', 'id')}${xlsxCell('B1', 'answer')}</row><row r="2">${xlsxCell('A2', 'r1')}${xlsxCell('B2', 'Yes')}</row>`;

async function parse(bytes: Uint8Array) {
  const response = await runParseRequest({ format: 'xlsx', bytes });
  if (response.kind !== 'survey') throw new Error('expected a survey');
  return response.result;
}

describe('an .xlsx that claims the whole sheet', () => {
  it('in its <dimension> only: read from the cells that exist', async () => {
    const result = await parse(xlsxWithSheetXml(`<dimension ref="A1:XFD1048576"/><sheetData>${header}</sheetData>`));
    expect(result).toMatchObject({ ok: true, table: { columns: ['id', 'answer'], rows: [['r1', 'Yes']] } });
  });

  it('with a value in cell XFD1048576: refused, saying the row limit', async () => {
    const result = await parse(xlsxWithSheetXml(`<sheetData>${header}<row r="1048576">${xlsxCell('XFD1048576', 'x')}</row></sheetData>`));
    expect(result).toEqual({ ok: false, reason: 'The sheet has data down to row 1,048,576; at most 100,000 rows (below the header row) can be imported.' });
  });

  it('with a value far to the right: refused, saying the column limit', async () => {
    const result = await parse(xlsxWithSheetXml(`<sheetData><row r="1">${xlsxCell('A1', 'id')}${xlsxCell('XFD1', 'far')}</row></sheetData>`));
    expect(result).toEqual({ ok: false, reason: 'The sheet has data in column 16,384; at most 500 columns can be imported.' });
  });

  it('with formatting only in XFD1048576: the empty row is dropped and the sheet reads', async () => {
    const result = await parse(xlsxWithSheetXml(`<sheetData>${header}<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>`));
    expect(result).toMatchObject({ ok: true, table: { rows: [['r1', 'Yes']] } });
  });
});

describe('an .xlsx with 150,000 rows', () => {
  it('says "at most 100,000 rows" instead of overflowing the stack', { timeout: 30_000 }, async () => {
    const result = await parse(xlsxManyRows(150_000));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('at most 100,000 rows') });
  });
});

describe('scanSheet', () => {
  it('counts rows and columns with values, in prefixed sheets and without r attributes', () => {
    const xml = `<x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row/><x:row><x:c><x:v>3</x:v></x:c></x:row></x:sheetData>`;
    const scanned = scanSheet(xml);
    expect(scanned.ok && scanned.extent).toEqual({ lastRow: 3, lastColumn: 2 });
  });

  it('refuses past the cell budget even when rows and columns are each within limits', () => {
    const xml = `<sheetData><row r="1">${xlsxCell('SF1', 'wide')}</row><row r="90000">${xlsxCell('A90000', 'deep')}</row></sheetData>`;
    expect(scanSheet(xml)).toEqual({ ok: false, reason: expect.stringMatching(/spans 90,000 rows by 500 columns; at most 10,000,000 cells/) });
  });
});

describe('a survey CSV that would read silently wrong or too long', () => {
  const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('not valid UTF-8: read as Windows-1252 with a visible warning', async () => {
    const bytes = Uint8Array.from([...enc('id,answer\nr1,Caf'), 0xe9, ...enc(' au lait\n')]);
    const response = await runParseRequest({ format: 'csv', bytes });
    expect(response.kind === 'survey' && response.result).toMatchObject({
      ok: true,
      table: { rows: [['r1', 'Café au lait']] },
      warnings: [expect.stringMatching(/not valid UTF-8, so it was read as Windows-1252 \(a guess\)/)],
    });
  });

  it('valid UTF-8, or an encoding the user chose: no warning', async () => {
    const utf8 = await runParseRequest({ format: 'csv', bytes: enc('id,answer\nr1,Café\n') });
    expect(utf8.kind === 'survey' && utf8.result.ok && utf8.result.warnings).toBeUndefined();
    const chosen = await runParseRequest({ format: 'csv', bytes: Uint8Array.from([...enc('id,answer\nr1,Caf'), 0xe9, 0x0a]), encoding: 'windows-1252' });
    expect(chosen.kind === 'survey' && chosen.result.ok && chosen.result.warnings).toBeUndefined();
  });

  it('with 150,000 rows: refused at the limit while reading', async () => {
    const response = await runParseRequest({ format: 'csv', bytes: enc(`id\n${'x\n'.repeat(150_000)}`) });
    expect(response).toEqual({ kind: 'survey', result: { ok: false, reason: 'The file has more than 100,000 rows; at most 100,000 can be imported.' } });
  });
});
