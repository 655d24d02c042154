// The analyses under a filter, run inline as the worker runs them: retrieval and co-occurrence
// restricted by case, case type, attribute and coder; the segments CSV with its case and attribute
// columns, byte for byte what the command line writes from the same project; the cases and
// context beside listed segments.
import { beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Code, Coding, Source } from '../../../shared/model/types';
import { segmentsCsvOf } from '../../../shared/analysis/projectCsvExports';
import { cooccurrence, retrieveSegments, retrieveSegmentsPacked, segmentDetails, segmentsCsv } from '../../../renderer/src/analysis/analysisOperations';
import { packSegments } from '../../../renderer/src/analysis/segmentPacking';
import { readProject } from '../../../renderer/src/db/readProject';
import { addLinks, putValues } from '../../../renderer/src/db/caseRepository';
import { addFoldedCodings } from '../support/storeCodings';
import { useFreshDatabase } from '../support/freshDatabase';

const freshDb = useFreshDatabase();

const TEXTS: Record<string, string> = {
  first: 'Hope 😀 returned\nslowly after the flood.',
  second: 'The council never called back. كان الانتظار طويلا.',
};

function source(id: string, order: number): Source {
  return { id, projectId: 'p1', name: `${id}.txt`, length: TEXTS[id]!.length, encoding: 'UTF-8', byteSize: 0, importedAt: '', order };
}

function code(id: string): Code {
  return { id, projectId: 'p1', parentId: null, name: id, description: '', color: '#336699', order: 1, createdAt: '' };
}

function coding(id: string, sourceId: string, codeId: string, exact: string, coder = 'Ada'): Coding {
  const start = TEXTS[sourceId]!.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in ${sourceId}`);
  return { id, projectId: 'p1', sourceId, codeId, start, end: start + exact.length, exact, prefix: '', suffix: '', coder, createdAt: '2024-02-03T04:05:06.789Z' };
}

const COUNCIL = 'The council never called back.';

beforeEach(async () => {
  const db = freshDb();
  await db.projects.add({ id: 'p1', name: 'Flood study', createdAt: '', updatedAt: '' });
  await db.sources.bulkAdd([source('first', 2), source('second', 1)]);
  await db.sourceTexts.bulkAdd(Object.entries(TEXTS).map(([sourceId, text]) => ({ sourceId, projectId: 'p1', text })));
  await db.codes.bulkAdd([code('hope'), code('waiting'), code('institutions')]);
  // Rui speaks the council sentence (a segment); Sam is the whole first source.
  await db.cases.bulkAdd([
    { id: 'rui', projectId: 'p1', name: 'Rui', order: 1, createdAt: '', type: 'commenter' },
    { id: 'sam', projectId: 'p1', name: 'Sam', order: 2, createdAt: '', type: 'respondent' },
  ]);
  await db.attributeDefinitions.bulkAdd([{ id: 'region', projectId: 'p1', name: 'region', type: 'category', categories: ['Kanto', 'Kansai'], order: 0 }]);
  await putValues('p1', [
    { caseId: 'rui', attributeId: 'region', value: 'Kanto' },
    { caseId: 'sam', attributeId: 'region', value: 'Kansai' },
  ]);
  await addLinks([
    { id: 'l1', projectId: 'p1', caseId: 'rui', sourceId: 'second', start: 0, end: COUNCIL.length, order: 1 },
    { id: 'l2', projectId: 'p1', caseId: 'sam', sourceId: 'first' },
  ]);
  await addFoldedCodings([
    coding('h1', 'first', 'hope', 'Hope 😀 returned'),
    coding('i2', 'first', 'institutions', 'slowly after the flood', 'Bo'),
    coding('i1', 'second', 'institutions', COUNCIL),
    coding('w1', 'second', 'waiting', 'never called back'),
    // Touches Rui's segment (starts where it ends, after the space) without sharing a character.
    coding('w2', 'second', 'waiting', ' كان الانتظار طويلا', 'Bo'),
  ]);
});

/** The ids retrieved, after checking that the worker's packed answer packs the same segments. */
const ids = async (...args: Parameters<typeof retrieveSegments>) => {
  const refs = await retrieveSegments(...args);
  expect(await retrieveSegmentsPacked(...args)).toEqual(packSegments(refs));
  return refs.map((r) => r.codingId);
};
const ALL = ['hope', 'waiting', 'institutions'];

describe('filtered analyses', () => {
  it('retrieves by case, case type, attribute and coder, the kinds combined', async () => {
    expect(await ids('p1', ALL)).toEqual(['i1', 'w1', 'w2', 'h1', 'i2']);
    expect(await ids('p1', ALL, {})).toEqual(['i1', 'w1', 'w2', 'h1', 'i2']);
    expect(await ids('p1', ALL, { caseIds: ['rui'] })).toEqual(['i1', 'w1']);
    expect(await ids('p1', ALL, { caseTypes: ['respondent'] })).toEqual(['h1', 'i2']);
    expect(await ids('p1', ALL, { attributes: [{ attributeId: 'region', op: 'equals', value: 'Kanto' }] })).toEqual(['i1', 'w1']);
    expect(await ids('p1', ALL, { coders: ['Bo'] })).toEqual(['w2', 'i2']);
    expect(await ids('p1', ALL, { coders: ['Bo'], caseTypes: ['respondent'] })).toEqual(['i2']);
    expect(await ids('p1', ALL, { sourceIds: ['second'], caseTypes: ['respondent'] })).toEqual([]);
  });

  it('counts co-occurrence over the codings a filter keeps', async () => {
    expect((await cooccurrence('p1', ['waiting', 'institutions'])).counts).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect((await cooccurrence('p1', ['waiting', 'institutions'], { caseIds: ['sam'] })).counts).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('exports the segments CSV with case and attribute columns, exactly as the command line does', async () => {
    const { csv } = await segmentsCsv('p1');
    expect(csv).toBe(segmentsCsvOf(await readProject('p1')));
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.coding_id, r.case, r['attribute:region']])).toEqual([
      ['i1', 'Rui', 'Kanto'],
      ['w1', 'Rui', 'Kanto'],
      ['w2', '', ''],
      ['h1', 'Sam', 'Kansai'],
      ['i2', 'Sam', 'Kansai'],
    ]);
    const filtered = Papa.parse<Record<string, string>>((await segmentsCsv('p1', ['institutions'], { caseTypes: ['commenter'] })).csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(filtered.map((r) => r.coding_id)).toEqual(['i1']);
  });

  it('names the cases of listed segments and reads the text around them', async () => {
    const refs = await retrieveSegments('p1', ['waiting']);
    const details = await segmentDetails('p1', refs);
    expect(details.map((d) => d.cases)).toEqual([['Rui'], []]);
    expect(details[0]).toMatchObject({ before: 'The council ', after: '. كان الانتظار طويلا.' });
  });
});
