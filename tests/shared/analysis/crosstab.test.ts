// Crosstabs: codes against cases, attribute values and sources, counting codings or cases.
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { buildCrosstab, crosstabCellCodings, NO_VALUE_COLUMN, type CrosstabColumns, type CrosstabCount } from '../../../shared/analysis/crosstab';
import { buildCrosstabCsv } from '../../../shared/analysis/crosstabCsv';
import { buildCrosstabXlsx } from '../../../shared/analysis/crosstabXlsx';
import { codeGroups } from '../../../shared/analysis/codeGroups';
import { CASES, CODES, coded, SOURCES } from './caseFixture';

const aikoDistrust = coded('thread', 'distrust', 'distrust');
const aikoChina = coded('thread', 'china', 'China');
const benTrust = coded('thread', 'trust', 'trust them');
const acrossTurns = coded('thread', 'place', '😀.\nBen');
const lineBreak = coded('thread', 'place', '\n');
const danaTrust = coded('interview', 'trust', 'trust nobody');
const danaTrust2 = coded('interview', 'trust', 'Not even');
const aikoNote = coded('note', 'distrust', 'distrust again');
const codings = [aikoDistrust, aikoChina, benTrust, acrossTurns, lineBreak, danaTrust, danaTrust2, aikoNote];
const rows = codeGroups(CODES, ['distrust', 'trust', 'place'], true);
const input = (columns: CrosstabColumns, count: CrosstabCount) => ({ rows, codings, cases: CASES, sources: SOURCES, columns, count });
const names = new Map(CODES.map((c) => [c.id, c.name]));

describe('buildCrosstab', () => {
  it('counts codings per code and case, subcodes rolled up, a passage across turns in both cases', () => {
    const table = buildCrosstab(input({ kind: 'cases' }, 'codings'));
    expect(table.columns.map((c) => c.label)).toEqual(['Aiko', 'Ben', 'Dana']);
    expect(table.counts).toEqual([
      [3, 0, 0],
      [0, 1, 2],
      [1, 1, 0],
    ]);
    // The passage across two turns is one coding of "Place"; the line break is in no case.
    expect(table.rowTotals).toEqual([3, 3, 1]);
    expect(table.columnTotals).toEqual([4, 2, 2]);
    expect(table.rowPercents[2]).toEqual([100, 100, 0]);
    expect(table.columnPercents[0]).toEqual([75, 0, 0]);
  });

  it('counts a case once however many codings and sources it has', () => {
    const table = buildCrosstab(input({ kind: 'cases' }, 'cases'));
    expect(table.counts).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [1, 1, 0],
    ]);
    expect(table.rowTotals).toEqual([1, 2, 2]);
    expect(table.columnTotals).toEqual([1, 1, 1]);
  });

  it('groups cases by an attribute’s values, categories in their order', () => {
    const cases = buildCrosstab(input({ kind: 'attribute', attributeId: 'region' }, 'cases'));
    expect(cases.columns.map((c) => c.label)).toEqual(['Kanto', 'Kansai']);
    expect(cases.counts).toEqual([
      [1, 0],
      [1, 1],
      [1, 1],
    ]);
    // Counting cases, a column's total is every case with that value: 2 in Kanto, 1 in Kansai.
    expect(cases.columnTotals).toEqual([2, 1]);
    expect(cases.columnPercents[1]).toEqual([50, 100]);
    const codingCounts = buildCrosstab(input({ kind: 'attribute', attributeId: 'region' }, 'codings'));
    expect(codingCounts.counts).toEqual([
      [3, 0],
      [2, 1],
      [1, 1],
    ]);
    expect(codingCounts.columnTotals).toEqual([6, 2]);
  });

  it('adds a "No value" column for cases without a value, and leaves out cases of another type', () => {
    const age = buildCrosstab(input({ kind: 'attribute', attributeId: 'age' }, 'codings'));
    expect(age.columns).toEqual([
      { key: '34', label: '34' },
      { key: '61', label: '61' },
      { key: NO_VALUE_COLUMN, label: 'No value' },
    ]);
    expect(age.counts[1]).toEqual([0, 1, 2]);
    // "joined" is a commenter's attribute: Dana (an interviewee) is in no column at all.
    const joined = buildCrosstab(input({ kind: 'attribute', attributeId: 'joined' }, 'codings'));
    expect(joined.columns.map((c) => c.label)).toEqual(['2024-03-01', '2025-01-15']);
    expect(joined.counts[1]).toEqual([0, 1]);
  });

  it('counts codes per source, codings or the cases that speak there', () => {
    const byCodings = buildCrosstab(input({ kind: 'sources' }, 'codings'));
    expect(byCodings.columns.map((c) => c.label)).toEqual(['thread.txt', 'interview.txt', 'note.txt']);
    expect(byCodings.counts).toEqual([
      [2, 0, 1],
      [1, 2, 0],
      [2, 0, 0],
    ]);
    const byCases = buildCrosstab(input({ kind: 'sources' }, 'cases'));
    expect(byCases.counts).toEqual([
      [1, 0, 1],
      [1, 1, 0],
      [2, 0, 0],
    ]);
    // Aiko speaks in the thread and the note: one case for the row total.
    expect(byCases.rowTotals).toEqual([1, 2, 2]);
    expect(byCases.columnTotals).toEqual([2, 1, 1]);
  });

  it('is empty but well formed without codings or cases', () => {
    const table = buildCrosstab({ ...input({ kind: 'cases' }, 'cases'), codings: [], cases: { cases: [], attributes: [], values: [], links: [] } });
    expect(table.columns).toEqual([]);
    expect(table.counts).toEqual([[], [], []]);
    expect(table.rowPercents).toEqual([[], [], []]);
    expect(() => buildCrosstab(input({ kind: 'attribute', attributeId: 'gone' }, 'cases'))).toThrow('That attribute no longer exists.');
  });

  it('lists the codings behind a cell', () => {
    expect(crosstabCellCodings(input({ kind: 'cases' }, 'codings'), 0, 'aiko').map((c) => c.id)).toEqual([aikoDistrust.id, aikoChina.id, aikoNote.id]);
    expect(crosstabCellCodings(input({ kind: 'attribute', attributeId: 'region' }, 'cases'), 2, '"Kansai"').map((c) => c.id)).toEqual([acrossTurns.id]);
    expect(crosstabCellCodings(input({ kind: 'sources' }, 'codings'), 2, 'thread').map((c) => c.id)).toEqual([acrossTurns.id, lineBreak.id]);
    expect(crosstabCellCodings(input({ kind: 'cases' }, 'codings'), 0, 'nobody')).toEqual([]);
  });
});

describe('crosstab exports', () => {
  const table = buildCrosstab(input({ kind: 'attribute', attributeId: 'region' }, 'cases'));

  it('writes CSV with a code column, one column per value, totals, and percentages on request', () => {
    expect(buildCrosstabCsv(table, (id) => names.get(id)!)).toBe('\uFEFFcode,Kanto,Kansai,total\r\nDistrust,1,0,1\r\nTrust,1,1,2\r\nPlace,1,1,2\r\ntotal,2,1,\r\n');
    expect(buildCrosstabCsv(table, (id) => names.get(id)!, 'columnPercents').split('\r\n')[2]).toBe('Trust,50,100,2');
    expect(buildCrosstabCsv(table, (id) => names.get(id)!, 'rowPercents').split('\r\n')[2]).toBe('Trust,50,50,2');
  });

  it('writes XLSX with counts, row and column percentages on three sheets', async () => {
    const bytes = Buffer.from(await buildCrosstabXlsx(table, (id) => (id === 'trust' ? '=Trust' : names.get(id)!)));
    expect(await readSheet(bytes, 'Counts')).toEqual([
      ['code', 'Kanto', 'Kansai', 'total'],
      ['Distrust', 1, 0, 1],
      ['=Trust', 1, 1, 2],
      ['Place', 1, 1, 2],
      ['total', 2, 1, null],
    ]);
    expect((await readSheet(bytes, 'Column %'))[2]).toEqual(['=Trust', 50, 100, 2]);
    expect((await readSheet(bytes, 'Row %'))[1]).toEqual(['Distrust', 100, 0, 1]);
  });
});
