// readCsv lives in shared/csv; its tests sit with the codebook import that it was written for.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../shared/csv/readCsv';

describe('readCsv', () => {
  it('ignores a BOM, reads quoted cells with line breaks and skips blank lines', () => {
    const table = readCsv('\uFEFFname,description\r\n"A, B","line 1\r\nline 2"\r\n\r\nC,""""\r\n');
    expect(table.header).toEqual(['name', 'description']);
    expect(table.records).toEqual([
      { row: 2, values: ['A, B', 'line 1\r\nline 2'] },
      { row: 4, values: ['C', '"'] },
    ]);
    expect(table.problems).toEqual([]);
  });

  it('takes the delimiter from the header', () => {
    expect(readCsv('Code;Memo\nA;x, y\n')).toMatchObject({ delimiter: ';', records: [{ values: ['A', 'x, y'] }] });
    expect(readCsv('Code\tMemo\nA\tx;y\n')).toMatchObject({ delimiter: '\t', records: [{ values: ['A', 'x;y'] }] });
    expect(readCsv('tag\nA;B\n')).toMatchObject({ delimiter: ',', records: [{ values: ['A;B'] }] });
  });

  it('reports ragged rows but tolerates trailing empty cells', () => {
    const table = readCsv('a,b\n1\n1,2,3\n1,2,,\n');
    expect(table.problems.map((p) => p.row)).toEqual([2, 3]);
    expect(table.records.map((r) => r.values)).toEqual([['1', ''], ['1', '2'], ['1', '2']]);
  });

  it('reports an unclosed quote', () => {
    const table = readCsv('a,b\n"open,2\n');
    expect(table.problems.length).toBeGreaterThan(0);
  });
});
