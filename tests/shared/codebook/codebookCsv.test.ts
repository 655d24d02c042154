import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCodebookCsv } from '../../../shared/codebook/codebookCsv';
import { planCodebookCsvImport, unguardCell } from '../../../shared/codebook/importCsv';
import { planToCodes } from '../../../shared/codebook/importPlan';
import { readCsv } from '../../../shared/csv/readCsv';
import { codebookArb } from './arbitraries';
import { code, coding } from './fixtures';

const HEADER = 'id,parent_id,path,name,description,color,memo,n_codings,n_sources,inclusion,exclusion,is_codable,example';

describe('buildCodebookCsv', () => {
  it('writes the full header and one row per code in tree order', () => {
    const codes = [
      code('b', null, 1, { name: 'Barriers', color: '#ABCDEF', isCodable: false }),
      code('a', null, 0, { name: 'Access', description: 'Getting to services', memo: 'ask Ana', inclusion: 'any mode', exclusion: 'cost', exampleCodingId: 'k-ex' }),
      code('a1', 'a', 0, { name: 'Transport' }),
    ];
    const codings = [
      coding('a', 's1', 0, 4, { id: 'k-ex', exact: 'took the bus' }),
      coding('a', 's2', 0, 4),
      coding('a1', 's2', 5, 9),
    ];
    const csv = buildCodebookCsv(codes, codings);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      HEADER,
      'a,,Access,Access,Getting to services,#e6194b,ask Ana,2,2,any mode,cost,true,took the bus',
      'a1,a,Access > Transport,Transport,,#e6194b,,1,1,,,true,',
      'b,,Barriers,Barriers,,#abcdef,,0,0,,,false,',
      '',
    ]);
  });

  it('still accepts the old call with counts-only codings, and example texts passed apart', () => {
    const codes = [code('a', null, 0, { exampleCodingId: 'k1' })];
    const csv = buildCodebookCsv(codes, [{ codeId: 'a', sourceId: 's' }], { exampleTexts: new Map([['k1', 'the quote']]) });
    expect(csv).toContain(',1,1,,,true,the quote\r\n');
  });

  it('guards formula-like cells so that one apostrophe is always the writer’s', () => {
    const names = ['=SUM(A1)', '-5', "'=already", "''+x", "'plain"];
    const codes = names.map((name, i) => code(`c${i}`, null, i, { name }));
    const table = readCsv(buildCodebookCsv(codes, []));
    const cells = table.records.map((r) => r.values[3]!);
    // A plain number ("-5") is no formula: it stays a number for R and spreadsheets.
    expect(cells).toEqual(["'=SUM(A1)", '-5', "''=already", "'''+x", "'plain"]);
    expect(cells.map(unguardCell)).toEqual(names);
  });
});

describe('CSV round trip', () => {
  it('export → import into an empty project → export gives the same file', () => {
    fc.assert(
      fc.property(codebookArb, (codes) => {
        const first = buildCodebookCsv(codes, []);
        const plan = planCodebookCsvImport(first, []);
        expect(plan.format).toBe('marginalia');
        expect(plan.summary).toEqual({ create: codes.length, match: 0, skip: 0 });
        let n = 0;
        const imported = planToCodes(plan, 'p2', 'now', () => `new-${n++}`);
        expect(n).toBe(0); // every id was kept
        expect(buildCodebookCsv(imported, [])).toBe(first);
      }),
      { numRuns: 200 },
    );
  });
});
