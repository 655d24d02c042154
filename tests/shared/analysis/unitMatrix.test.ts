// The unit × code matrix: each unit, 0/1 or counts per code, attributes, names R and SPSS accept.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { codeGroups } from '../../../shared/analysis/codeGroups';
import { buildUnitMatrix, type MatrixUnit } from '../../../shared/analysis/unitMatrix';
import { buildUnitMatrixCsv, buildUnitMatrixLabelsCsv } from '../../../shared/analysis/unitMatrixCsv';
import { safeVariableName, safeVariableNames } from '../../../shared/analysis/variableNames';
import { CASES, CODES, coded, SOURCES, TEXTS } from './caseFixture';

const codings = [
  coded('thread', 'distrust', 'distrust'),
  coded('thread', 'china', 'China'),
  coded('thread', 'place', '😀.\nBen'), // across Aiko's and Ben's turns
  coded('interview', 'trust', 'trust nobody'),
  coded('interview', 'trust', 'Not even'),
  coded('note', 'distrust', 'distrust again'),
];
const paths = new Map([
  ['distrust', 'Distrust'],
  ['trust', 'Trust'],
  ['place', 'Place > of speaking'],
]);
const build = (unit: MatrixUnit, counts = false) =>
  buildUnitMatrix({
    unit,
    groups: codeGroups(CODES, ['distrust', 'trust', 'place'], true),
    codings,
    cases: CASES,
    sources: SOURCES,
    texts: TEXTS,
    counts,
    labelOf: (id) => paths.get(id)!,
  });

describe('buildUnitMatrix', () => {
  it('one row per case: 0/1 per code (subcodes rolled up), then attributes', () => {
    const m = build('case');
    expect(m.header).toEqual(['case', 'case_type', 'Distrust', 'Trust', 'Place_of_speaking', 'region', 'age', 'joined']);
    expect(m.rows).toEqual([
      ['Aiko', 'commenter', 1, 0, 1, 'Kanto', 34, '2024-03-01'],
      ['Ben', 'commenter', 0, 0, 1, 'Kansai', 61, '2025-01-15'],
      ['Dana', 'interviewee', 0, 1, 0, 'Kanto', '', ''],
    ]);
    expect(m.labels.slice(2, 5)).toEqual(['Distrust', 'Trust', 'Place > of speaking']);
  });

  it('counts on request: a case across two sources adds both', () => {
    expect(build('case', true).rows.map((r) => r.slice(2, 5))).toEqual([
      [3, 0, 1],
      [0, 0, 1],
      [0, 2, 0],
    ]);
  });

  it('one row per split segment, numbered by its order, with its case', () => {
    expect(build('segment', true).rows.map((r) => r.slice(0, 6))).toEqual([
      ['thread.txt', 1, 'Aiko', 2, 0, 1],
      ['thread.txt', 2, 'Ben', 0, 0, 1],
      ['thread.txt', 3, 'Aiko', 0, 0, 0],
      ['note.txt', 1, 'Aiko', 1, 0, 0],
    ]);
  });

  it('one row per non-blank paragraph, several cases’ values joined', () => {
    const m = build('paragraph');
    expect(m.header.slice(0, 2)).toEqual(['source', 'paragraph']);
    // The interview's blank line is no unit: paragraphs 1 and 2 are its two lines of text.
    expect(m.rows.map((r) => r.slice(0, 5))).toEqual([
      ['thread.txt', 1, 1, 0, 1],
      ['thread.txt', 2, 0, 0, 1],
      ['thread.txt', 3, 0, 0, 0],
      ['interview.txt', 1, 0, 1, 0],
      ['interview.txt', 2, 0, 1, 0],
      ['note.txt', 1, 1, 0, 0],
    ]);
    expect(m.rows[0]!.slice(5)).toEqual(['Kanto', 34, '2024-03-01']);
  });

  it('one row per source, with the values of every case that speaks there', () => {
    const m = build('source');
    expect(m.rows).toEqual([
      ['thread.txt', 1, 0, 1, 'Kanto; Kansai', '34; 61', '2024-03-01; 2025-01-15'],
      ['interview.txt', 0, 1, 0, 'Kanto', '', ''],
      ['note.txt', 1, 0, 0, 'Kanto', 34, '2024-03-01'],
    ]);
  });

  it('writes booleans as 1/0 and an empty matrix as a header only', () => {
    const m = buildUnitMatrix({
      unit: 'case',
      groups: [],
      codings: [],
      cases: { cases: [{ id: 'x', name: 'X', order: 1 }], attributes: [{ id: 'b', name: 'consented', type: 'boolean' }], values: [{ caseId: 'x', attributeId: 'b', value: true }], links: [] },
      sources: [],
      labelOf: String,
    });
    expect(m.rows).toEqual([['X', '', 1]]);
    expect(buildUnitMatrix({ unit: 'source', groups: [], codings: [], cases: { cases: [], attributes: [], values: [], links: [] }, sources: [], labelOf: String })).toEqual({ header: ['source'], labels: ['source'], rows: [] });
  });

  it('writes CSV that reads back, and a labels file naming every column', () => {
    const m = build('case');
    const csv = buildUnitMatrixCsv(m);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(m.header);
    expect(parsed.data[1]).toEqual(['Aiko', 'commenter', '1', '0', '1', 'Kanto', '34', '2024-03-01']);
    expect(buildUnitMatrixLabelsCsv(m).split('\r\n')[5]).toBe('Place_of_speaking,Place > of speaking');
  });
});

describe('safeVariableNames', () => {
  it('makes names R, pandas and SPSS accept', () => {
    expect(safeVariableName('Distrust of China')).toBe('Distrust_of_China');
    expect(safeVariableName('2nd wave')).toBe('v_2nd_wave');
    expect(safeVariableName('?!')).toBe('v');
    expect(safeVariableName('中国への不信')).toBe('中国への不信');
    expect(safeVariableName('with')).toBe('with_');
    expect(safeVariableName('Œuvre—été')).toBe('Œuvre_été');
    expect(safeVariableName('😀 joy')).toBe('joy');
    expect(new TextEncoder().encode(safeVariableName('長'.repeat(40))).length).toBeLessThanOrEqual(64);
  });

  it('keeps names unique ignoring letter case, and clear of the id columns', () => {
    expect(safeVariableNames(['Trust', 'trust', 'Trust!', 'case'], ['case'])).toEqual(['Trust', 'trust_2', 'Trust_3', 'case_2']);
  });
});
