import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCodebookCsv } from '../../../shared/codebook/codebookCsv';
import { detectCodebookCsvFormat, planCodebookCsvImport } from '../../../shared/codebook/importCsv';
import { planToCodes, planToRecords, type ImportPlan } from '../../../shared/codebook/importPlan';
import { codePath } from '../../../shared/codebook/tree';
import type { Code } from '../../../shared/model/types';
import { code } from './fixtures';

const fixture = (name: string): string =>
  readFileSync(path.resolve(__dirname, '../../fixtures/codebooks', name), 'utf8');

/** Imports into `existing` and returns every resulting code's path → the imported record. */
function importedPaths(plan: ImportPlan, existing: Code[] = []): Map<string, Code> {
  let n = 0;
  const written = planToCodes(plan, 'p1', 'now', () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
  const all = new Map(existing.map((c) => [c.id, c]));
  for (const c of written) all.set(c.id, c);
  return new Map([...all.values()].map((c) => [codePath(all, c.id), c]));
}

/** "Row 4: error: text" lines, for readable assertions on the preview's messages. */
function messages(plan: ImportPlan): string[] {
  return plan.rows.flatMap((row) => row.messages.map((m) => `${row.where}: ${m.severity}: ${m.text}`));
}

describe('detectCodebookCsvFormat', () => {
  it('tells the formats apart by their header', () => {
    expect(detectCodebookCsvFormat(['id', 'parent_id', 'path', 'name'])).toBe('marginalia');
    expect(detectCodebookCsvFormat(['tag', 'parent', 'description', 'number of highlights'])).toBe('taguette');
    expect(detectCodebookCsvFormat(['Name', 'Description'])).toBe('taguette');
    expect(detectCodebookCsvFormat(['Code', 'Memo'])).toBe('maxqda');
    expect(detectCodebookCsvFormat(['foo', 'bar'])).toBe(null);
  });

  it('explains a file it cannot read', () => {
    const plan = planCodebookCsvImport('foo,bar\r\n1,2\r\n', []);
    expect(plan.format).toBe(null);
    expect(plan.rows).toEqual([]);
    expect(plan.messages[0]!.severity).toBe('error');
  });
});

describe('Taguette codebooks', () => {
  it('imports tags under their parent tags, with descriptions', () => {
    const plan = planCodebookCsvImport(fixture('taguette-codebook.csv'), []);
    expect(plan.format).toBe('taguette');
    expect(plan.summary).toEqual({ create: 6, match: 0, skip: 0 });
    const codes = importedPaths(plan);
    expect([...codes.keys()]).toEqual([
      'Emotions',
      'Emotions > Joy',
      'Emotions > Frustration',
      'Work',
      'Work > Night shifts',
      'Interesting quote',
    ]);
    expect(codes.get('Emotions > Frustration')!.description).toBe('Anger or irritation; "fed up"');
    expect(codes.get('Emotions')!.description).toBe('Feelings the participant names or shows, in any tone');
    // Taguette has no colours: each new code gets a palette colour.
    expect(codes.get('Emotions > Joy')!.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(codes.get('Emotions > Joy')!.color).not.toBe(codes.get('Emotions')!.color);
  });

  it('imports an older, flat Taguette export', () => {
    const plan = planCodebookCsvImport(fixture('taguette-flat-codebook.csv'), []);
    expect([...importedPaths(plan).keys()]).toEqual(['barriers', 'facilitators', 'cost, money']);
  });
});

describe('MAXQDA code lists', () => {
  it('reads backslash paths and memos, creating a parent that only a path names', () => {
    const plan = planCodebookCsvImport(fixture('maxqda-codes.csv'), []);
    expect(plan.format).toBe('maxqda');
    const codes = importedPaths(plan);
    expect([...codes.keys()]).toEqual([
      'Reasons for leaving',
      'Reasons for leaving > Pay',
      'Reasons for leaving > Workload',
      'Reasons for leaving > Workload > Overtime',
      'Coping',
      'Coping > Peer support',
      'Support',
      'Support > Family',
    ]);
    expect(codes.get('Reasons for leaving > Pay')!.description).toBe('Mentions of salary, bonuses or pay cuts.');
    const implied = plan.rows.find((r) => r.implied)!;
    expect(implied).toMatchObject({ where: 'Row 8 (implied parent)', action: 'create', path: 'Support' });
    expect(implied.messages[0]!.severity).toBe('warning');
  });

  it('creates every missing level of a deep path, shallowest first', () => {
    const plan = planCodebookCsvImport('Code,Memo\r\nOther,\r\nX\\Y\\Z,deep\r\n', []);
    expect(plan.rows.map((r) => [r.path, r.implied ?? false])).toEqual([
      ['Other', false],
      ['X', true],
      ['X > Y', true],
      ['X > Y > Z', false],
    ]);
    expect([...importedPaths(plan).keys()]).toEqual(['Other', 'X', 'X > Y', 'X > Y > Z']);
  });

  it('reads semicolon-separated files with " > " paths and colours', () => {
    const plan = planCodebookCsvImport(fixture('maxqda-codes-semicolon.csv'), []);
    const codes = importedPaths(plan);
    expect([...codes.keys()]).toEqual(['Outcomes', 'Outcomes > Positive', 'Outcomes > Negative']);
    expect(codes.get('Outcomes')!.color).toBe('#00aa00');
    expect(codes.get('Outcomes > Positive')!.color).toBe('#008000');
    expect(codes.get('Outcomes > Negative')!.color).toBe('#c0392b');
  });
});

describe('bad rows', () => {
  const plan = planCodebookCsvImport(fixture('bad-codebook.csv'), []);

  it('gives each bad row a clear message', () => {
    expect(messages(plan)).toEqual([
      'Row 4: error: Its parent chain goes round in a circle (row 4 → row 5 → row 4).',
      'Row 5: error: Its parent chain goes round in a circle (row 5 → row 4 → row 5).',
      'Row 6: error: Its parent (id 99999999-9999-4999-8999-999999999999) is neither in the file nor in the codebook.',
      'Row 7: error: It has the same path as row 3 (“Access > Transport”).',
      'Row 8: warning: “blue-ish” is not a colour (use #rgb, #rrggbb or rgb(r, g, b)): a palette colour is used instead.',
      'Row 9: error: Its parent (row 6) is not imported.',
      'Row 10: error: Its parent (row 4) is not imported.',
    ]);
  });

  it('keeps the valid rows importable and normalises the colours it accepts', () => {
    expect(plan.summary).toEqual({ create: 5, match: 0, skip: 6 });
    const codes = importedPaths(plan);
    expect([...codes.keys()]).toEqual(['Access', 'Access > Transport', 'Cost', 'Waiting', 'Waiting > Queues']);
    expect(codes.get('Access > Transport')!.description).toBe('Buses and cars');
    expect(codes.get('Waiting')!.color).toBe('#ff0000');
    expect(codes.get('Waiting > Queues')).toMatchObject({ color: '#aabbcc', isCodable: false });
    expect(codes.get('Cost')!.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('finds cycles made through Taguette parent names too', () => {
    const csv = 'tag,parent,description\r\nA,B,\r\nB,A,\r\nC,,fine\r\n';
    const result = planCodebookCsvImport(csv, []);
    expect(messages(result)).toEqual([
      'Row 2: error: Its parent chain goes round in a circle (row 2 → row 3 → row 2).',
      'Row 3: error: Its parent chain goes round in a circle (row 3 → row 2 → row 3).',
    ]);
    expect([...importedPaths(result).keys()]).toEqual(['C']);
  });

  it('reports ragged rows and still reads them', () => {
    const csv = 'Code,Memo\r\nA,one,extra\r\nB\r\n';
    const result = planCodebookCsvImport(csv, []);
    expect(messages(result)).toEqual([
      'Row 2: warning: Row 2 has 3 cells but the header has 2: the extra cells are ignored.',
      'Row 3: warning: Row 3 has 1 cell but the header has 2: the missing cells are read as empty.',
    ]);
    expect(result.summary.create).toBe(2);
  });

  it('refuses a row without a name and a row reusing an id', () => {
    const csv = [
      'id,parent_id,path,name',
      '11111111-1111-4111-8111-111111111111,,A,A',
      '11111111-1111-4111-8111-111111111111,,B,B',
      '33333333-3333-4333-8333-333333333333,,,  ',
      'not-a-guid,,C,C',
    ].join('\r\n');
    expect(messages(planCodebookCsvImport(csv, []))).toEqual([
      'Row 3: error: It has the same id as row 2.',
      'Row 4: error: It has no name.',
      'Row 5: warning: Its id “not-a-guid” is not a GUID, so it gets a new one.',
    ]);
  });
});

describe('importing into an existing codebook', () => {
  const existing = [
    code('11111111-1111-4111-8111-111111111111', null, 0, { name: 'Access', description: 'old text' }),
    code('99999999-9999-4999-8999-999999999999', null, 1, { name: 'Emotions', color: '#123456' }),
  ];

  it('matches codes by id, then by path, and adds new ones after existing siblings', () => {
    const plan = planCodebookCsvImport(fixture('bad-codebook.csv'), existing);
    const access = plan.rows.find((r) => r.where === 'Row 2')!;
    expect(access).toMatchObject({ action: 'match', matchedBy: 'id', codeId: existing[0]!.id, updates: { description: 'Getting to services', color: '#1f77b4' } });
    // The orphan's parent id is an existing code: no longer an orphan.
    const orphan = plan.rows.find((r) => r.where === 'Row 6')!;
    expect(orphan).toMatchObject({ action: 'create', path: 'Emotions > Orphan', parent: { kind: 'existing', id: existing[1]!.id } });
    const cost = plan.rows.find((r) => r.where === 'Row 8')!;
    expect(cost.order).toBe(2);

    const taguette = planCodebookCsvImport(fixture('taguette-codebook.csv'), existing);
    const emotions = taguette.rows.find((r) => r.where === 'Row 2')!;
    expect(emotions).toMatchObject({ action: 'match', matchedBy: 'path', codeId: existing[1]!.id });
    expect(taguette.rows.find((r) => r.where === 'Row 3')).toMatchObject({ action: 'create', parent: { kind: 'existing', id: existing[1]!.id } });
  });

  it('writes matched codes only when something changes, never erasing with empty cells', () => {
    const csv = 'Code,Memo\r\nAccess,\r\nEmotions,New definition\r\n';
    const { codes } = planToRecords(planCodebookCsvImport(csv, existing), 'p1', 'now', () => 'x');
    expect(codes).toEqual([{ ...existing[1], description: 'New definition' }]);
  });

  it('gives a new id when the file’s id is used in another project', () => {
    const exported = buildCodebookCsv([code('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', null, 0, { name: 'X' })], []);
    const plan = planCodebookCsvImport(exported, [], { takenIds: new Set(['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa']) });
    expect(plan.rows[0]).toMatchObject({ action: 'create', codeId: null });
    expect(planToCodes(plan, 'p2', 'now', () => 'fresh')[0]!.id).toBe('fresh');
  });
});
