import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { parseCsv } from '../../../../shared/import/formats/csv';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parseCsv', () => {
  it('handles a BOM, CRLF, quoted separators, doubled quotes and quoted newlines', () => {
    const csv = '\uFEFFid,group,answer\r\nr1,A,"Yes, but ""fair"" for whom?"\r\nr2,B,"Line one\r\nline two"\r\nr3,A,\r\n';
    expect(parseCsv(utf8(csv))).toEqual({
      ok: true,
      encoding: 'UTF-8 with BOM',
      encodingLabel: 'utf-8',
      table: {
        columns: ['id', 'group', 'answer'],
        rows: [
          ['r1', 'A', 'Yes, but "fair" for whom?'],
          ['r2', 'B', 'Line one\nline two'],
          ['r3', 'A', ''],
        ],
      },
    });
  });

  it('detects semicolons and tabs as separators', () => {
    expect(parseCsv(utf8('id;answer\nr1;ja, gern\n'))).toMatchObject({ ok: true, table: { rows: [['r1', 'ja, gern']] } });
    expect(parseCsv(utf8('id\tanswer\nr1\tok\n'))).toMatchObject({ ok: true, table: { columns: ['id', 'answer'] } });
  });

  it('refuses ragged rows, naming the row and its line in the file', () => {
    const csv = 'id,age,answer\nr1,30,"two\nlines"\nr2,40\nr3,50,fine\n';
    expect(parseCsv(utf8(csv))).toEqual({
      ok: false,
      reason: 'Row 2 (line 4 of the file) (starting “r2”) has 2 cells but the header has 3. Check that row for a missing or extra separator, or a quote that is not closed.',
    });
    expect(parseCsv(utf8('a,b\n1,2,3\n'))).toMatchObject({ ok: false, reason: expect.stringContaining('has 3 cells but the header has 2') });
  });

  it('refuses an unclosed quote', () => {
    expect(parseCsv(utf8('id,answer\nr1,"never closed\nr2,x\n'))).toMatchObject({ ok: false, reason: expect.stringContaining('never closed') });
  });

  it('names duplicate and empty header cells so every column can be chosen', () => {
    expect(parseCsv(utf8('id,q,q,\nr1,a,b,c\n'))).toMatchObject({ ok: true, table: { columns: ['id', 'q', 'q (2)', 'Column 4'] } });
  });

  it('refuses empty files, header-only files and binaries', () => {
    expect(parseCsv(new Uint8Array())).toMatchObject({ ok: false, reason: 'This file is empty (0 bytes).' });
    expect(parseCsv(utf8('id,answer\n'))).toMatchObject({ ok: false, reason: expect.stringContaining('no answers') });
    expect(parseCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toMatchObject({ ok: false, reason: expect.stringContaining('not text') });
  });

  it('reads legacy-encoded CSV (Windows-1252) when asked', () => {
    const bytes = new Uint8Array([...utf8('id,answer\nr1,caf'), 0xe9, 0x0a]);
    expect(parseCsv(bytes, { encoding: 'windows-1252' })).toMatchObject({ ok: true, table: { rows: [['r1', 'café']] }, encoding: 'Windows-1252' });
  });

  it('round-trips any table papaparse writes (property)', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/\r/g, ''));
    const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc.tuple(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), { minLength: width, maxLength: width }),
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
      ),
    );
    fc.assert(
      fc.property(table, ([columns, rows]) => {
        // A row of blank cells is a blank line when there is one column: papaparse skips those.
        fc.pre(rows.every((r) => r.some((c) => c !== '')));
        const csv = Papa.unparse({ fields: columns, data: rows }, { quotes: true, newline: '\r\n' });
        const parsed = parseCsv(utf8(csv), { delimiter: ',' });
        expect(parsed).toMatchObject({ ok: true, table: { columns, rows } });
      }),
      { numRuns: 80 },
    );
  });
});
