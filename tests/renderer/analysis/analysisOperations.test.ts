// The analyses over a stored project, run inline as the worker runs them: retrieval in reading
// order with recent edits included, segment texts cut from the source, co-occurrence counted over
// folded and recent codings alike, and the segments CSV equal to the one built from whole codings.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Code, Coding, Source } from '../../../shared/model/types';
import { buildSegmentsCsv } from '../../../shared/analysis/segmentsCsv';
import { cooccurrence, findInSource, retrieveSegments, retrieveSegmentsPacked, segmentTexts, segmentsCsv, warmUp } from '../../../renderer/src/analysis/analysisOperations';
import { packSegments, unpackSegments } from '../../../renderer/src/analysis/segmentPacking';
import { codingsOfProject, codingsOfSource } from '../../../renderer/src/db/codingsRepository';
import { addCodings, addFoldedCodings, removeCodings, updateCodings } from '../support/storeCodings';
import { useFreshDatabase } from '../support/freshDatabase';

const freshDb = useFreshDatabase();

const TEXTS: Record<string, string> = {
  first: 'Hope 😀 returned\r\nslowly after the flood.',
  second: 'The council never called back. كان الانتظار طويلا.',
};

function source(id: string, order: number): Source {
  return { id, projectId: 'p1', name: `${id}.txt`, length: TEXTS[id]!.length, encoding: 'UTF-8', byteSize: 0, importedAt: '', order };
}

function code(id: string, parentId: string | null = null): Code {
  return { id, projectId: 'p1', parentId, name: id, description: '', color: '#336699', order: 1, createdAt: '' };
}

function coding(id: string, sourceId: string, codeId: string, exact: string, createdAt = '2024-02-03T04:05:06.789Z'): Coding {
  const start = TEXTS[sourceId]!.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in ${sourceId}`);
  return { id, projectId: 'p1', sourceId, codeId, start, end: start + exact.length, exact, prefix: '', suffix: '', coder: 'Ada', createdAt };
}

beforeEach(async () => {
  const db = freshDb();
  await db.projects.add({ id: 'p1', name: 'Flood study', createdAt: '', updatedAt: '' });
  // The second source is listed first: reading order follows the list, not the import.
  await db.sources.bulkAdd([source('first', 2), source('second', 1)]);
  await db.sourceTexts.bulkAdd(Object.entries(TEXTS).map(([sourceId, text]) => ({ sourceId, projectId: 'p1', text })));
  await db.codes.bulkAdd([code('hope'), code('waiting'), code('institutions'), code('emoji', 'hope')]);
  await addFoldedCodings([
    coding('h1', 'first', 'hope', 'Hope 😀 returned'),
    coding('e1', 'first', 'emoji', '😀'),
    coding('w1', 'second', 'waiting', 'never called back'),
    coding('i1', 'second', 'institutions', 'The council never called back.'),
    coding('w2', 'second', 'waiting', 'كان الانتظار طويلا', '2024-01-01T00:00:00Z'),
  ]);
  // A recent edit as older versions stored it (a row hiding its folded copy), and a new coding (a row).
  await db.codings.put({ ...coding('h1', 'first', 'hope', 'Hope 😀 returned\r\nslowly') });
  await addCodings([coding('i2', 'first', 'institutions', 'slowly after the flood')]);
});

describe('analysis operations', () => {
  it('retrieves a code with its subcode in reading order, recent edits included', async () => {
    const refs = await retrieveSegments('p1', ['hope', 'emoji', 'institutions']);
    expect(refs.map((r) => r.codingId)).toEqual(['i1', 'h1', 'e1', 'i2']);
    expect(await segmentTexts(refs)).toEqual(['The council never called back.', 'Hope 😀 returned\r\nslowly', '😀', 'slowly after the flood']);
    expect(await retrieveSegments('p1', [])).toEqual([]);
    expect(await retrieveSegments('p1', ['unused'])).toEqual([]);
    // What the worker sends: the same segments, packed as packSegments packs them.
    const packed = await retrieveSegmentsPacked('p1', ['hope', 'emoji', 'institutions']);
    expect(packed).toEqual(packSegments(refs));
    expect(unpackSegments(packed)).toEqual(refs);
    expect(unpackSegments(await retrieveSegmentsPacked('p1', []))).toEqual([]);
    expect(await retrieveSegments('other project', ['hope'])).toEqual([]);
  });

  it('counts overlapping codings of two codes, touching spans not counted', async () => {
    const matrix = await cooccurrence('p1', ['hope', 'emoji', 'waiting', 'institutions']);
    expect(matrix.codeIds).toEqual(['hope', 'emoji', 'waiting', 'institutions']);
    expect(matrix.counts).toEqual([
      [0, 1, 0, 1],
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [1, 0, 1, 0],
    ]);
  });

  it('exports the same segments CSV as one built from the whole codings', async () => {
    const db = freshDb();
    const expected = buildSegmentsCsv({
      sources: await db.sources.toArray(),
      texts: new Map(Object.entries(TEXTS)),
      codes: await db.codes.toArray(),
      codings: await codingsOfProject('p1'),
    });
    const { projectName, csv } = await segmentsCsv('p1');
    expect(projectName).toBe('Flood study');
    expect(csv).toBe(expected);
    expect(csv).toContain('"Hope 😀 returned\r\nslowly"');
    await expect(segmentsCsv('gone')).rejects.toThrow('no longer exists');
  });

  it('exports ties (the same passage coded twice, folded and recent) in the order a whole read gives, and follows a change', async () => {
    const db = freshDb();
    await addFoldedCodings([coding('t1', 'second', 'institutions', 'never called back'), coding('t0', 'second', 'hope', 'never called back')]);
    await addCodings([coding('t2', 'second', 'emoji', 'never called back')]);
    const whole = async () =>
      buildSegmentsCsv({ sources: await db.sources.toArray(), texts: new Map(Object.entries(TEXTS)), codes: await db.codes.toArray(), codings: await codingsOfProject('p1') });
    const first = (await segmentsCsv('p1')).csv;
    expect(first).toBe(await whole());
    // The worker keeps the columns between exports: a change made since shows in the next one.
    await updateCodings([[coding('w1', 'second', 'waiting', 'never called back'), coding('w1', 'second', 'hope', 'called back')]]);
    const second = (await segmentsCsv('p1')).csv;
    expect(second).not.toBe(first);
    expect(second).toBe(await whole());
  });

  it('finds a query in a stored source, case-insensitively, with exact UTF-16 spans', async () => {
    expect(await findInSource('second', 'CALLED')).toEqual([{ start: 18, end: 24 }]);
    expect(await findInSource('first', 'returned')).toEqual([{ start: 8, end: 16 }]);
    expect(await findInSource('first', '')).toEqual([]);
    expect(await findInSource('gone', 'x')).toEqual([]);
  });

  it('answers from fresh data after every kind of change, though it keeps the columns between requests', async () => {
    expect((await retrieveSegments('p1', ['waiting'])).map((r) => r.codingId)).toEqual(['w1', 'w2']);
    // Folded: swap one coding of the code for another, counts unchanged.
    await removeCodings([coding('w1', 'second', 'waiting', 'never called back')]);
    await addFoldedCodings([coding('w3', 'second', 'waiting', 'The council')]);
    expect((await retrieveSegments('p1', ['waiting'])).map((r) => r.codingId)).toEqual(['w3', 'w2']);
    // Recoding a folded coding to another code takes it out of the first.
    const w2 = coding('w2', 'second', 'waiting', 'كان الانتظار طويلا', '2024-01-01T00:00:00Z');
    await updateCodings([[w2, { ...w2, codeId: 'institutions' }]]);
    expect((await retrieveSegments('p1', ['waiting'])).map((r) => r.codingId)).toEqual(['w3']);
    expect((await cooccurrence('p1', ['waiting', 'institutions'])).counts).toEqual([[0, 1], [1, 0]]);
    // A deleted source goes, with its codings.
    await removeCodings(await codingsOfSource('second'));
    expect(await retrieveSegments('p1', ['waiting'])).toEqual([]);
  });
});

describe('a retrieval asked while the warm-up reads the project', () => {
  it('answers the same segments as one asked after it', async () => {
    const asked = ['hope', 'emoji', 'institutions'];
    const [, during] = await Promise.all([warmUp('p1'), retrieveSegments('p1', asked)]);
    expect(during.map((r) => r.codingId)).toEqual(['i1', 'h1', 'e1', 'i2']);
    expect(await retrieveSegments('p1', asked)).toEqual(during);
  });

  it('includes codings written after the warm-up started, as recent rows or into the columns', async () => {
    const warming = warmUp('p1');
    await addCodings([coding('h2', 'second', 'hope', 'The council')]);
    // Folding rewrites the second source's columns (h2 goes into them): its stamp moves.
    await addFoldedCodings([coding('e2', 'second', 'emoji', 'كان')]);
    const during = await retrieveSegments('p1', ['hope', 'emoji']);
    await warming;
    expect(during.map((r) => r.codingId)).toEqual(['h2', 'e2', 'h1', 'e1']);
    expect(await segmentTexts(during)).toEqual(['The council', 'كان', 'Hope 😀 returned\r\nslowly', '😀']);
    expect(await retrieveSegments('p1', ['hope', 'emoji'])).toEqual(during);
  });
});
