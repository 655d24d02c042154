// Storing what the import dialog read: a document becomes one source (with its format and page
// starts), a mapped survey becomes cases, attributes, values, sources and links in one
// transaction, and a survey that cannot be stored leaves nothing behind.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { importDocument, importSurvey, type MappedSurvey } from '../../../renderer/src/db/operations/imports';
import { createAttribute } from '../../../renderer/src/db/operations/cases';
import { suggestSurveyMapping } from '../../../shared/import/survey';
import type { SurveyTable } from '../../../shared/import/survey';
import { storedLinks, storedValues } from '../support/caseRows';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
let projectId: string;
beforeEach(async () => {
  db = freshDb();
  projectId = (await createProject('Ferry study')).id;
});

const TABLE: SurveyTable = {
  columns: ['respondent_id', 'age_group', 'district', 'member', 'q3_ferry_view'],
  rows: [
    ['p01', '18-29', 'North', 'yes', 'The night ferry is how I get home from work.'],
    ['p02', '30-49', 'Harbour', 'no', "don't know"],
    ['p03', '65+', 'North', 'yes', ''],
  ],
};

function survey(overrides: Partial<MappedSurvey> = {}): MappedSurvey {
  return { name: 'ferry.csv', byteSize: 321, format: 'csv', encoding: 'UTF-8 with BOM', table: TABLE, mapping: suggestSurveyMapping(TABLE), ...overrides };
}

describe('importDocument', () => {
  it('stores the text with its format, encoding and page starts, after the existing sources', async () => {
    const first = await importDocument(projectId, { name: 'notes.txt', text: 'café “quoted”', encoding: 'Windows-1252', byteSize: 14, format: 'text' });
    const second = await importDocument(projectId, { name: 'report.pdf', text: 'Page one\n\nPage two', encoding: 'PDF', byteSize: 900, format: 'pdf', pageStarts: [0, 10] });
    const stored = await db.sources.get(second);
    expect(stored).toMatchObject({ name: 'report.pdf', format: 'pdf', pageStarts: [0, 10], encoding: 'PDF', length: 18, order: 1 });
    expect((await db.sources.get(first))?.pageStarts).toBeUndefined();
    expect((await db.sourceTexts.get(first))?.text).toBe('café “quoted”');
  });

  it('refuses an empty text and a missing project, storing nothing', async () => {
    await expect(importDocument(projectId, { name: 'blank.txt', text: ' \n ', encoding: 'UTF-8', byteSize: 3, format: 'text' })).rejects.toThrow(/no text/);
    await expect(importDocument('nope', { name: 'a.txt', text: 'a', encoding: 'UTF-8', byteSize: 1, format: 'text' })).rejects.toThrow(/no longer exists/);
    expect(await db.sources.count()).toBe(0);
    expect(await db.sourceTexts.count()).toBe(0);
  });
});

describe('importSurvey', () => {
  it('makes a case per respondent with typed attributes, one source per question and a link per answer', async () => {
    const summary = await importSurvey(projectId, survey());
    const cases = await db.cases.where('projectId').equals(projectId).sortBy('order');
    expect(cases.map((c) => c.name)).toEqual(['p01', 'p02', 'p03']);
    const attributes = await db.attributeDefinitions.toArray();
    expect(attributes.map((a) => [a.name, a.type, a.order]).sort()).toEqual([
      ['age_group', 'text', 0], // three rows, three values: not a category
      ['district', 'category', 1],
      ['member', 'boolean', 2],
    ]);
    const member = attributes.find((a) => a.name === 'member')!;
    const p02 = cases[1]!;
    expect((await storedValues(db)).find((v) => v.caseId === p02.id && v.attributeId === member.id)?.value).toBe(false);

    expect(summary.sourceIds).toHaveLength(1);
    const source = await db.sources.get(summary.sourceIds[0]!);
    expect(source).toMatchObject({ name: 'ferry.csv – q3_ferry_view', format: 'csv', encoding: 'UTF-8 with BOM' });
    const text = (await db.sourceTexts.get(source!.id))!.text;
    const links = (await storedLinks(db)).filter((l) => l.sourceId === source!.id);
    expect(links).toHaveLength(3);
    const answerOf = (caseName: string) => {
      const link = links.find((l) => l.caseId === cases.find((c) => c.name === caseName)!.id)!;
      return text.slice(link.start, link.end);
    };
    // "Don't know" and a blank answer are both kept.
    expect(answerOf('p02')).toBe("don't know");
    expect(answerOf('p03')).toBe('[no answer]');
  });

  it('makes one source per respondent, linked whole, when asked', async () => {
    const mapping = { ...suggestSurveyMapping(TABLE), layout: 'source-per-respondent' as const };
    const summary = await importSurvey(projectId, survey({ mapping }));
    expect(summary.sourceIds).toHaveLength(3);
    const links = await storedLinks(db);
    expect(links.every((l) => l.start === undefined && l.end === undefined)).toBe(true);
    expect((await db.sources.toArray()).map((s) => s.name).sort()).toEqual(['ferry.csv – p01', 'ferry.csv – p02', 'ferry.csv – p03']);
  });

  it('reuses an attribute the project already has, by name and with its type', async () => {
    const existing = await createAttribute({ projectId, name: 'district', type: 'text' });
    const summary = await importSurvey(projectId, survey());
    expect(summary.attributeIds).not.toContain(existing.id);
    expect((await db.attributeDefinitions.toArray()).filter((a) => a.name === 'district')).toHaveLength(1);
    const values = (await storedValues(db)).filter((v) => v.attributeId === existing.id);
    expect(values.map((v) => v.value).sort()).toEqual(['Harbour', 'North', 'North']);
  });

  it('stores nothing when the mapping is invalid', async () => {
    await expect(importSurvey(projectId, survey({ mapping: { ...suggestSurveyMapping(TABLE), textColumns: [] } }))).rejects.toThrow(/open-ended/);
    for (const table of [db.cases, db.attributeDefinitions, db.attributeValues, db.sources, db.sourceTexts, db.caseLinkBlocks]) {
      expect(await table.count()).toBe(0);
    }
  });

  it('stores a survey of thousands in a row per attribute and per source, or, when a write fails, nothing', async () => {
    const big: SurveyTable = {
      columns: TABLE.columns,
      rows: Array.from({ length: 3000 }, (_, i) => [`r${i + 1}`, i % 2 ? '18-29' : '65+', i % 3 ? 'North' : 'Harbour', i % 5 ? 'yes' : 'no', `Answer number ${i + 1} about the ferry.`]),
    };
    // A case already in the project, with a value and a link, must come through a failed import untouched.
    const first = await importSurvey(projectId, survey());
    const before = { cases: await db.cases.count(), values: await storedValues(db), links: await storedLinks(db), sources: await db.sources.count() };
    vi.spyOn(db.attributeValues, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(importSurvey(projectId, survey({ name: 'big.csv', table: big, mapping: suggestSurveyMapping(big) }))).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect({ cases: await db.cases.count(), values: await storedValues(db), links: await storedLinks(db), sources: await db.sources.count() }).toEqual(before);
    expect(await db.attributeDefinitions.count()).toBe(first.attributeIds.length);

    const stored = await importSurvey(projectId, survey({ name: 'big.csv', table: big, mapping: suggestSurveyMapping(big) }));
    expect(stored.caseIds).toHaveLength(3000);
    // The attributes were reused by name: still three rows of values, one per attribute, and one row of links per source.
    expect(await db.attributeValues.count()).toBe(3);
    expect(await db.caseLinkBlocks.count()).toBe(2);
    expect((await storedValues(db)).length).toBe(3 * 3003);
    const links = await storedLinks(db);
    expect(links).toHaveLength(3003);
    const last = stored.caseIds[2999]!;
    const link = links.find((l) => l.caseId === last)!;
    expect((await db.sourceTexts.get(link.sourceId))!.text.slice(link.start, link.end)).toBe('Answer number 3000 about the ferry.');
  });

  it('stores nothing when a write fails half-way (one transaction)', async () => {
    vi.spyOn(db.caseLinkBlocks, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(importSurvey(projectId, survey())).rejects.toThrow('disk full');
    for (const table of [db.cases, db.attributeDefinitions, db.attributeValues, db.sources, db.sourceTexts, db.caseLinkBlocks]) {
      expect(await table.count()).toBe(0);
    }
    vi.restoreAllMocks();
  });
});
