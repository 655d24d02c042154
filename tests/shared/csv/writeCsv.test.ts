// CSV files are opened in Excel and read by R and Python: they must survive a round trip through
// a standard parser and must not run as formulas when a reader comment starts with "=".
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { UTF8_BOM, writeCsv } from '../../../shared/csv/writeCsv';

/** Parses what writeCsv wrote, the way a spreadsheet would: BOM skipped, CRLF rows. */
function parseWritten(csv: string): string[][] {
  expect(csv.startsWith(UTF8_BOM)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1, -2), { delimiter: ',', newline: '\r\n', header: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('writeCsv', () => {
  it('starts with a UTF-8 BOM and ends every row with CRLF', () => {
    const csv = writeCsv(['a', 'b'], [
      { a: 'x', b: 1 },
      { a: 'y', b: 2 },
    ]);
    expect(csv).toBe('\uFEFFa,b\r\nx,1\r\ny,2\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(writeCsv(['coding_id', 'text'], [])).toBe('\uFEFFcoding_id,text\r\n');
  });

  it('quotes cells with commas, quotes and line breaks so they read back unchanged', () => {
    const row = {
      name: 'Interview 3, part "two"',
      text: 'She said: "no".\nThen left.\r\nLater…',
      other: ' padded ',
    };
    const csv = writeCsv(['name', 'text', 'other'], [row]);
    expect(parseWritten(csv)).toEqual([
      ['name', 'text', 'other'],
      [row.name, row.text, row.other],
    ]);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ['+1 agree'],
    ['-- not sure'],
    ['@everyone'],
    ['\tindented'],
    ['-2+3+cmd|" /C calc"!A0'],
    ['-1e5'],
  ])('prefixes a cell Excel would run as a formula with an apostrophe: %j', (cell) => {
    const csv = writeCsv(['text'], [{ text: cell }]);
    expect(parseWritten(csv)).toEqual([['text'], [`'${cell}`]]);
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(writeCsv(['start', 'end'], [{ start: -1, end: 12 }])).toBe('\uFEFFstart,end\r\n-1,12\r\n');
  });

  it('leaves numbers written as text alone too (a kappa of "-0.0148" is a number to R)', () => {
    expect(writeCsv(['kappa', 'alpha', 'n'], [{ kappa: '-0.0148', alpha: '+0.5000', n: '-3' }])).toBe('\uFEFFkappa,alpha,n\r\n-0.0148,+0.5000,-3\r\n');
  });

  it('round-trips any text that does not look like a formula, in any script', () => {
    const cell = fc
      .array(
        fc.oneof(
          fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', ' ', ';', "'", '😔', 'e\u0301', 'مرحبا', '日本語', '='),
          fc.string({ unit: 'grapheme', maxLength: 4 }),
        ),
        { maxLength: 10 },
      )
      .map((parts) => parts.join(''))
      .filter((value) => !/^(?![+-]?\d+(?:\.\d+)?$)[=+\-@\t\r]/.test(value));
    const rows = fc.array(fc.record({ a: cell, b: cell, c: cell }), { maxLength: 8 });
    fc.assert(
      fc.property(rows, (data) => {
        const parsed = parseWritten(writeCsv(['a', 'b', 'c'], data));
        expect(parsed).toEqual([['a', 'b', 'c'], ...data.map((r) => [r.a, r.b, r.c])]);
      }),
    );
  });

  it('writes byte for byte what Papa.unparse wrote with the same rules, for any cells', () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom(',', '"', '\n', '\r', ' ', '\uFEFF', '=', '+', '-', '@', '\t', "'", '😔', 'مرحبا'), fc.string({ maxLength: 3 })), { maxLength: 6 })
      .map((parts) => parts.join(''));
    const value = fc.oneof(text, fc.integer({ min: -1000, max: 1000 }));
    const header = fc.uniqueArray(text, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(header, fc.array(fc.array(value, { minLength: 4, maxLength: 4 }), { maxLength: 6 }), (columns, cells) => {
        const rows = cells.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]!])));
        const papa = Papa.unparse({ fields: columns, data: rows.map((row) => columns.map((c) => row[c])) }, { quotes: false, newline: '\r\n', escapeFormulae: /^(?![+-]?\d+(?:\.\d+)?$)[=+\-@\t\r]/ });
        const expected = UTF8_BOM + (rows.length === 0 ? papa.replace(/\r\n$/, '') : papa) + '\r\n';
        expect(writeCsv(columns, rows)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
