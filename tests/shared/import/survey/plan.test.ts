import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BLANK_ANSWER_MARKER,
  planSurveyImport,
  suggestSurveyMapping,
  validateSurveyMapping,
  type SurveyMapping,
  type SurveyTable,
} from '../../../../shared/import/survey';
import type { AttributeDefinition } from '../../../../shared/model/cases';

const TABLE: SurveyTable = {
  columns: ['id', 'age_group', 'region', 'q1', 'q2'],
  rows: [
    ['r1', '18-29', 'Kanto', 'Tariffs hurt us.', 'More trade with ASEAN.'],
    ['r2', '30-49', 'Kansai', "don't know", ''],
    ['r3', '18-29', 'Kanto', 'Line one\nline two 😀', 'Fine.'],
  ],
};

function counter() {
  let n = 0;
  return () => `id-${++n}`;
}

const context = () => ({ projectId: 'p1', newId: counter(), now: '2026-01-01T00:00:00.000Z' });

const MAPPING: SurveyMapping = {
  idColumn: 'id',
  textColumns: ['q1', 'q2'],
  attributeColumns: [
    { column: 'age_group', type: 'category' },
    { column: 'region', type: 'category', name: 'Region' },
  ],
  layout: 'source-per-question',
};

describe('planSurveyImport', () => {
  it('makes one case per respondent with typed attribute values', () => {
    const result = planSurveyImport(TABLE, MAPPING, context());
    if (!result.ok) throw new Error(result.reason);
    const { cases, attributes, values } = result.plan;
    expect(cases.map((c) => [c.name, c.order, c.projectId])).toEqual([
      ['r1', 1, 'p1'],
      ['r2', 2, 'p1'],
      ['r3', 3, 'p1'],
    ]);
    expect(attributes.map((a) => [a.name, a.type, a.categories])).toEqual([
      ['age_group', 'category', ['18-29', '30-49']],
      ['Region', 'category', ['Kansai', 'Kanto']],
    ]);
    const region = attributes[1]!;
    expect(values.filter((v) => v.attributeId === region.id).map((v) => v.value)).toEqual(['Kanto', 'Kansai', 'Kanto']);
  });

  it('source per question: one source per column, one segment per respondent, blanks and "don\'t know" kept', () => {
    const result = planSurveyImport(TABLE, MAPPING, { ...context(), sourceNamePrefix: 'survey.csv' });
    if (!result.ok) throw new Error(result.reason);
    const { sources, links, cases } = result.plan;
    expect(sources.map((s) => s.name)).toEqual(['survey.csv – q1', 'survey.csv – q2']);
    expect(sources[0]!.text).toBe("r1\nTariffs hurt us.\n\nr2\ndon't know\n\nr3\nLine one\nline two 😀");
    expect(sources[1]!.text).toBe(`r1\nMore trade with ASEAN.\n\nr2\n${BLANK_ANSWER_MARKER}\n\nr3\nFine.`);
    // Every link covers exactly that respondent's answer, in UTF-16 offsets.
    const answerOf = (sourceIndex: number, caseName: string) => {
      const source = sources[sourceIndex]!;
      const owner = cases.find((c) => c.name === caseName)!;
      const link = links.find((l) => l.sourceId === source.id && l.caseId === owner.id)!;
      return source.text.slice(link.start, link.end);
    };
    expect(answerOf(0, 'r2')).toBe("don't know");
    expect(answerOf(0, 'r3')).toBe('Line one\nline two 😀');
    expect(answerOf(1, 'r2')).toBe(BLANK_ANSWER_MARKER);
    expect(sources[1]!.segments.find((s) => s.blank)).toMatchObject({ column: 'q2' });
    expect(links).toHaveLength(6);
  });

  it('source per respondent: one source per case, linked whole, with a section per question', () => {
    const result = planSurveyImport(TABLE, { ...MAPPING, layout: 'source-per-respondent' }, context());
    if (!result.ok) throw new Error(result.reason);
    const { sources, links, cases } = result.plan;
    expect(sources.map((s) => s.name)).toEqual(['r1', 'r2', 'r3']);
    expect(sources[1]!.text).toBe(`q1\ndon't know\n\nq2\n${BLANK_ANSWER_MARKER}`);
    expect(links).toEqual(cases.map((c, i) => ({ id: expect.any(String), projectId: 'p1', caseId: c.id, sourceId: sources[i]!.id })));
    const q1 = sources[0]!.segments.find((s) => s.column === 'q1')!;
    expect(sources[0]!.text.slice(q1.start, q1.end)).toBe('Tariffs hurt us.');
  });

  it('reuses attributes the project already has, with their type', () => {
    const existing: AttributeDefinition = { id: 'attr-age', projectId: 'p1', name: 'age_group', type: 'text' };
    const result = planSurveyImport(TABLE, MAPPING, { ...context(), existingAttributes: new Map([['age_group', existing]]) });
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan.attributes.map((a) => a.name)).toEqual(['Region']);
    expect(result.plan.values.filter((v) => v.attributeId === 'attr-age')).toHaveLength(3);
  });

  it('keeps a value that does not fit the chosen type as blank, with a warning', () => {
    const table: SurveyTable = { columns: ['id', 'age', 'q'], rows: [['r1', '34', 'a'], ['r2', 'unknown', 'b']] };
    const result = planSurveyImport(table, { idColumn: 'id', textColumns: ['q'], attributeColumns: [{ column: 'age', type: 'number' }], layout: 'source-per-question' }, context());
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan.values.map((v) => v.value)).toEqual([34, null]);
    expect(result.plan.warnings).toEqual(['Row 2: “unknown” is not a number value for “age”; it was left blank.']);
  });

  it('names a respondent without an id after its row', () => {
    const table: SurveyTable = { columns: ['id', 'q'], rows: [['', 'answer']] };
    const result = planSurveyImport(table, { idColumn: 'id', textColumns: ['q'], attributeColumns: [], layout: 'source-per-question' }, context());
    expect(result.ok && result.plan.cases[0]!.name).toBe('Row 1');
  });

  it('refuses mappings that cannot be imported', () => {
    expect(validateSurveyMapping(TABLE, { ...MAPPING, idColumn: 'nope' })).toMatch(/identifies each respondent/);
    expect(validateSurveyMapping(TABLE, { ...MAPPING, textColumns: [] })).toMatch(/at least one column/);
    expect(validateSurveyMapping(TABLE, { ...MAPPING, textColumns: ['id'] })).toMatch(/cannot also be an answer/);
    expect(validateSurveyMapping(TABLE, { ...MAPPING, attributeColumns: [{ column: 'region', type: 'text' }, { column: 'age_group', type: 'text', name: 'region' }] })).toMatch(/both named/);
    const dup: SurveyTable = { ...TABLE, rows: [...TABLE.rows, ['r2', '', '', 'again', '']] };
    expect(planSurveyImport(dup, MAPPING, context())).toEqual({
      ok: false,
      reason: 'The respondent id “r2” appears in rows 2 and 4. Ids must be unique: choose another id column or fix the file.',
    });
  });

  it('suggests id, text and attribute columns', () => {
    expect(suggestSurveyMapping({ ...TABLE, rows: [...TABLE.rows, ['r4', '65+', 'Kanto', 'Somewhat longer answer text here', 'And another long answer for q2']] })).toEqual({
      idColumn: 'id',
      textColumns: ['q1', 'q2'],
      attributeColumns: [
        { column: 'age_group', type: 'category', categories: ['18-29', '30-49', '65+'] },
        { column: 'region', type: 'category', categories: ['Kansai', 'Kanto'] },
      ],
      layout: 'source-per-question',
    });
  });

  it('every link points at its answer, whatever the answers are (property)', () => {
    const answer = fc.string({ unit: 'grapheme', maxLength: 20 });
    fc.assert(
      fc.property(fc.array(fc.tuple(answer, answer), { minLength: 1, maxLength: 8 }), fc.boolean(), (answers, perRespondent) => {
        const table: SurveyTable = { columns: ['id', 'a', 'b'], rows: answers.map(([a, b], i) => [`r${i}`, a, b]) };
        const result = planSurveyImport(table, { idColumn: 'id', textColumns: ['a', 'b'], attributeColumns: [], layout: perRespondent ? 'source-per-respondent' : 'source-per-question' }, context());
        if (!result.ok) throw new Error(result.reason);
        for (const source of result.plan.sources) {
          expect(source.text).not.toMatch(/\r/);
          for (const s of source.segments) {
            const row = table.rows[result.plan.cases.findIndex((c) => c.id === s.caseId)]!;
            const raw = row[table.columns.indexOf(s.column)]!;
            const expected = raw.trim() === '' ? BLANK_ANSWER_MARKER : raw.trim().replace(/\r\n?/g, '\n');
            expect(source.text.slice(s.start, s.end)).toBe(expected);
          }
        }
      }),
    );
  });
});
