// Upgrading databases written by older schema versions: v1 codings gain their source's projectId;
// v3/v4 per-source blocks become v5 per-code blocks with counts; v5/v6 blocks become v7 columns
// per source; v6 value and link rows become v8 rows per attribute and per source. Nothing is
// lost on the way.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Coding, Source } from '../../../shared/model/types';
import { openDatabase, replaceDatabase, type MarginaliaDb } from '../../../renderer/src/db/db';
import { schemaV1, schemaV4, schemaV6, schemaV8, schemaV9, schemaV10, schemaV11, schemaV12 } from '../../../renderer/src/db/schema';
import { importDocument } from '../../../renderer/src/db/operations/imports';
import { deleteSource } from '../../../renderer/src/db/operations/sources';
import { undo, undoRedoState } from '../../../renderer/src/db/operations/history';
import { createCode } from '../../../renderer/src/db/operations/codes';
import { codingTallies, codingsOfCodes, codingsOfProject, codingsOfSource, countCodingsOfProject, getCoding, spansOfSource } from '../../../renderer/src/db/codingsRepository';
import { deleteProject, describeProject } from '../../../renderer/src/db/operations/projects';
import { deleteCases, setAttributeValue } from '../../../renderer/src/db/operations/cases';
import { loadCaseBook, caseValue } from '../../../renderer/src/features/cases/useCaseBook';
import { linksOfCase } from '../../../renderer/src/db/caseRepository';
import type { CaseAttributeValue, CaseLink } from '../../../shared/model/cases';
import { readProject } from '../../../renderer/src/db/readProject';
import { packCodingsV7 } from '../../../renderer/src/db/migrations/packCodingsV7';
import { commit } from '../../../renderer/src/db/operations/commit';
import { retrieveSegments } from '../../../renderer/src/analysis/analysisOperations';
import { saveQuery, renameSavedQuery } from '../../../renderer/src/db/operations/savedQueries';
import { savedQueriesOf } from '../../../renderer/src/db/savedQueryQueries';

let upgraded: MarginaliaDb | undefined;

afterEach(async () => {
  await upgraded?.delete();
  upgraded = undefined;
});

function source(id: string, projectId: string): Source {
  return { id, projectId, name: `${id}.txt`, length: 20, encoding: 'UTF-8', byteSize: 20, importedAt: '2024-01-01T00:00:00.000Z', order: 1 };
}

/** A coding as version 1 stored it: no projectId. */
function v1Coding(id: string, sourceId: string): Omit<Coding, 'projectId'> {
  return { id, sourceId, codeId: 'code-1', start: 0, end: 5, exact: 'Hello', prefix: '', suffix: ' world', coder: 'Ada', createdAt: '2024-01-01T00:00:00.000Z' };
}

describe('schema upgrade from version 1 to 2', () => {
  it('gives every coding its source’s projectId, and the projectId index finds them', async () => {
    const name = 'test-' + crypto.randomUUID();
    const old = new Dexie(name);
    old.version(1).stores(schemaV1);
    await old.open();
    await old.table('projects').bulkAdd([
      { id: 'p1', name: 'One', createdAt: '', updatedAt: '' },
      { id: 'p2', name: 'Two', createdAt: '', updatedAt: '' },
    ]);
    await old.table('sources').bulkAdd([source('s1', 'p1'), source('s2', 'p1'), source('s3', 'p2')]);
    await old.table('codings').bulkAdd([v1Coding('k1', 's1'), v1Coding('k2', 's2'), v1Coding('k3', 's3'), v1Coding('k4', 's1')]);
    expect(old.verno).toBe(1);
    old.close();

    upgraded = openDatabase(name);
    replaceDatabase(upgraded);
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(2);

    const all = [...(await codingsOfProject('p1')), ...(await codingsOfProject('p2'))];
    expect(Object.fromEntries(all.map((c) => [c.id, c.projectId]))).toEqual({ k1: 'p1', k2: 'p1', k3: 'p2', k4: 'p1' });
    expect((await codingsOfProject('p1')).map((c) => c.id).sort()).toEqual(['k1', 'k2', 'k4']);
    expect((await codingsOfProject('p2')).map((c) => c.id)).toEqual(['k3']);
    expect(await countCodingsOfProject('p1')).toBe(3);
    expect((await describeProject('p1')).codings).toBe(3);
    // The rest of each coding is untouched.
    expect(all.find((c) => c.id === 'k1')).toEqual({ ...v1Coding('k1', 's1'), projectId: 'p1' });
    expect(await upgraded.sources.count()).toBe(3);
  });

  it('keeps a coding whose source is missing, under no project, rather than dropping it', async () => {
    const name = 'test-' + crypto.randomUUID();
    const old = new Dexie(name);
    old.version(1).stores(schemaV1);
    await old.table('codings').add(v1Coding('orphan', 'gone'));
    old.close();

    upgraded = openDatabase(name);
    replaceDatabase(upgraded);
    expect(await getCoding('orphan')).toMatchObject({ id: 'orphan', projectId: '' });
    expect(await codingsOfProject('p1')).toEqual([]);
  });
});

describe('schema upgrade from version 4 to the per-code blocks of version 5', () => {
  it('moves every per-source block into per-code blocks, counts them, and keeps recent rows', async () => {
    const name = 'test-' + crypto.randomUUID();
    const old = new Dexie(name);
    old.version(4).stores(schemaV4);
    await old.open();
    const coding = (id: string, codeId: string, start: number): Coding => ({
      id, projectId: 'p1', sourceId: 's1', codeId, start, end: start + 5, exact: 'Hello', prefix: '', suffix: '', coder: 'Ada', createdAt: '',
    });
    await old.table('projects').add({ id: 'p1', name: 'One', createdAt: '', updatedAt: '' });
    await old.table('sources').add(source('s1', 'p1'));
    await old.table('codingBlocks').add({ sourceId: 's1', projectId: 'p1', codings: [coding('b1', 'c1', 0), coding('b2', 'c2', 3), coding('b3', 'c1', 9)] });
    await old.table('codings').add(coding('r1', 'c2', 12));
    old.close();

    upgraded = openDatabase(name);
    replaceDatabase(upgraded);
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(6);
    expect(upgraded.tables.map((t) => t.name)).not.toContain('codingBlocks');
    expect((await codingsOfProject('p1')).map((c) => c.id).sort()).toEqual(['b1', 'b2', 'b3', 'r1']);
    expect((await codingsOfCodes(['c1'])).map((c) => c.id).sort()).toEqual(['b1', 'b3']);
    expect(await countCodingsOfProject('p1')).toBe(4);
    expect((await codingTallies('p1')).sort((a, b) => a.codeId.localeCompare(b.codeId))).toEqual([
      { sourceId: 's1', codeId: 'c1', count: 2 },
      { sourceId: 's1', codeId: 'c2', count: 2 },
    ]);
  });
});

describe('schema upgrade from version 6 to the per-source columns of version 7', () => {
  it('moves every per-code block into its source’s columns, whole, and keeps counts and recent rows', async () => {
    const name = 'test-' + crypto.randomUUID();
    const old = new Dexie(name);
    old.version(6).stores(schemaV6);
    await old.open();
    const coding = (id: string, sourceId: string, codeId: string, start: number): Coding => ({
      id, projectId: 'p1', sourceId, codeId, start, end: start + 5, exact: `quote ${id} 😀`, prefix: 'before', suffix: 'after',
      coder: id === 'b3' ? 'Bo' : 'Ada', createdAt: id === 'b2' ? '2024-01-01T00:00:00Z' : '2024-03-04T05:06:07.890Z',
    });
    const blocks = [
      { sourceId: 's1', codeId: 'c1', projectId: 'p1', codings: [coding('b1', 's1', 'c1', 9), coding('b3', 's1', 'c1', 0)] },
      { sourceId: 's1', codeId: 'c2', projectId: 'p1', codings: [coding('b2', 's1', 'c2', 3)] },
      { sourceId: 's2', codeId: 'c2', projectId: 'p1', codings: [coding('b4', 's2', 'c2', 1)] },
    ];
    await old.table('projects').add({ id: 'p1', name: 'One', createdAt: '', updatedAt: '' });
    await old.table('sources').bulkAdd([source('s1', 'p1'), source('s2', 'p1')]);
    await old.table('codeBlocks').bulkAdd(blocks);
    await old.table('codingStats').bulkAdd([
      { sourceId: 's1', projectId: 'p1', counts: { c1: 2, c2: 1 } },
      { sourceId: 's2', projectId: 'p1', counts: { c2: 1 } },
    ]);
    await old.table('codings').add(coding('r1', 's1', 'c2', 12));
    old.close();

    upgraded = openDatabase(name);
    replaceDatabase(upgraded);
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(7);
    expect(upgraded.tables.map((t) => t.name)).not.toContain('codeBlocks');
    const byId = (list: Coding[]): Coding[] => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await codingsOfProject('p1'))).toEqual(byId([...blocks.flatMap((b) => b.codings), coding('r1', 's1', 'c2', 12)]));
    expect((await codingsOfCodes(['c1'])).map((c) => c.id).sort()).toEqual(['b1', 'b3']);
    expect((await codingsOfSource('s2')).map((c) => c.id)).toEqual(['b4']);
    expect((await spansOfSource('s1')).map((s) => [s.id, s.codeId, s.start, s.end])).toEqual([
      ['b3', 'c1', 0, 5], ['b2', 'c2', 3, 8], ['b1', 'c1', 9, 14], ['r1', 'c2', 12, 17],
    ]);
    expect(await countCodingsOfProject('p1')).toBe(5);
  });
});

describe('schema upgrade from version 6 to the per-attribute values and per-source links of version 8', () => {
  it('moves every value and link row, keeps blanks missing, and leaves each project its own', async () => {
    const name = 'test-' + crypto.randomUUID();
    const old = new Dexie(name);
    old.version(6).stores(schemaV6);
    await old.open();
    await old.table('projects').bulkAdd([
      { id: 'p1', name: 'One', createdAt: '', updatedAt: '' },
      { id: 'p2', name: 'Two', createdAt: '', updatedAt: '' },
    ]);
    await old.table('sources').bulkAdd([source('s1', 'p1'), source('s2', 'p1'), source('s3', 'p2')]);
    const aCase = (id: string, projectId: string, order: number) => ({ id, projectId, name: id.toUpperCase(), order, createdAt: '' });
    await old.table('cases').bulkAdd([aCase('k1', 'p1', 1), aCase('k2', 'p1', 2), aCase('k3', 'p2', 1)]);
    await old.table('attributeDefinitions').bulkAdd([
      { id: 'age', projectId: 'p1', name: 'age', type: 'number', order: 1 },
      { id: 'town', projectId: 'p1', name: 'town', type: 'text', order: 2 },
      { id: 'role', projectId: 'p2', name: 'role', type: 'text', order: 1 },
    ]);
    const value = (id: string, caseId: string, attributeId: string, v: CaseAttributeValue['value'], projectId = 'p1'): CaseAttributeValue => ({ id, projectId, caseId, attributeId, value: v });
    await old.table('caseAttributeValues').bulkAdd([
      value('v1', 'k1', 'age', 52),
      value('v2', 'k2', 'age', null), // a blank cell: missing after the upgrade too
      value('v3', 'k1', 'town', 'Osaka'),
      value('v4', 'k2', 'town', 'Kobe'),
      value('v5', 'k3', 'role', 'chair', 'p2'),
    ]);
    const links: CaseLink[] = [
      { id: 'l1', projectId: 'p1', caseId: 'k1', sourceId: 's1', start: 0, end: 5, order: 1, timestamp: '00:01:02' },
      { id: 'l2', projectId: 'p1', caseId: 'k2', sourceId: 's1', start: 6, end: 9, order: 2 },
      { id: 'l3', projectId: 'p1', caseId: 'k1', sourceId: 's2' },
      { id: 'l4', projectId: 'p2', caseId: 'k3', sourceId: 's3' },
    ];
    await old.table('caseLinks').bulkAdd(links);
    old.close();

    upgraded = openDatabase(name);
    replaceDatabase(upgraded);
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(8);
    const tables = upgraded.tables.map((t) => t.name);
    expect(tables).not.toContain('caseAttributeValues');
    expect(tables).not.toContain('caseLinks');
    // Three attributes, three sources: one row each.
    expect(await upgraded.attributeValues.count()).toBe(3);
    expect(await upgraded.caseLinkBlocks.count()).toBe(3);

    const one = await loadCaseBook('p1');
    expect(one.cases.map((c) => c.id)).toEqual(['k1', 'k2']);
    expect([caseValue(one, 'k1', 'age'), caseValue(one, 'k2', 'age'), caseValue(one, 'k1', 'town'), caseValue(one, 'k2', 'town')]).toEqual([52, undefined, 'Osaka', 'Kobe']);
    expect(caseValue(one, 'k3', 'role')).toBeUndefined();
    // Every link field survives, in the order the links were made.
    expect(one.links).toEqual(links.slice(0, 3));
    expect(one.linksByCase.get('k1')?.map((l) => l.id)).toEqual(['l1', 'l3']);
    const two = await loadCaseBook('p2');
    expect(caseValue(two, 'k3', 'role')).toBe('chair');
    expect(two.links).toEqual([links[3]]);
    expect((await linksOfCase('p1', 'k2')).map((l) => l.id)).toEqual(['l2']);

    // The operations work on the moved rows.
    await setAttributeValue('k2', 'age', '61');
    await deleteCases(['k1']);
    const after = await loadCaseBook('p1');
    expect([caseValue(after, 'k2', 'age'), caseValue(after, 'k2', 'town'), caseValue(after, 'k1', 'town')]).toEqual([61, 'Kobe', undefined]);
    expect(after.links.map((l) => l.id)).toEqual(['l2']);
    await deleteProject('p1');
    expect((await upgraded.attributeValues.toArray()).map((r) => r.attributeId)).toEqual(['role']);
    expect((await upgraded.caseLinkBlocks.toArray()).map((b) => b.sourceId)).toEqual(['s3']);
  });
});

describe('schema upgrade from version 8 to the history of version 9', () => {
  it('drops the old split records (they cannot become history), keeps other settings, and starts an empty history', async () => {
    const name = 'test-' + crypto.randomUUID();
    const old = new Dexie(name);
    old.version(8).stores(schemaV8);
    await old.open();
    await old.table('projects').add({ id: 'p1', name: 'One', createdAt: '', updatedAt: '' });
    await old.table('settings').bulkAdd([
      { key: 'split:p1:2025-01-01T00:00:00.000Z:x', value: { key: 'split:p1:…', caseIds: ['c1'] } },
      { key: 'coderName', value: 'Ada' },
      { key: 'firstRunDone', value: true },
    ]);
    old.close();

    upgraded = openDatabase(name);
    replaceDatabase(upgraded);
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(9);
    expect((await upgraded.settings.toArray()).map((s) => s.key).sort()).toEqual(['coderName', 'firstRunDone']);
    expect(await undoRedoState('p1')).toEqual({});
    await createCode({ projectId: 'p1', name: 'First' });
    // Steps carry the coder id the coder session installs (features/coders); with none running, as
    // here, the legacy coder "me".
    expect(await upgraded.history.where('projectId').equals('p1').first()).toMatchObject({ label: 'Create code First', coder: 'me', seq: 1, undone: 0 });
    expect(await undo('p1')).toBe('Create code First');
    expect(await upgraded.codes.count()).toBe(0);
  });
});

describe('schema upgrade from version 9 to the saved queries of version 10', () => {
  it('keeps the project and its history, adds an empty saved-query table that saving, undo and deleting use', async () => {
    const name = 'test-' + crypto.randomUUID();
    const old = new Dexie(name);
    old.version(9).stores(schemaV9);
    await old.open();
    await old.table('projects').add({ id: 'p1', name: 'One', createdAt: '', updatedAt: '' });
    await old.table('codes').add({ id: 'c1', projectId: 'p1', parentId: null, name: 'Trust', description: '', color: '#aa0000', order: 1, createdAt: '' });
    await old.table('history').add({ projectId: 'p1', seq: 1, label: 'Create code Trust', coder: 'Ada', time: '', changes: {}, inverse: {}, undone: 0 });
    old.close();

    upgraded = openDatabase(name);
    replaceDatabase(upgraded);
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(10);
    expect((await upgraded.codes.toArray()).map((c) => c.name)).toEqual(['Trust']);
    expect(await upgraded.history.count()).toBe(1);
    expect(await savedQueriesOf('p1', 'query')).toEqual([]);

    const definition = { kind: 'and', a: { codeId: 'c1' }, b: { codeId: 'c1', includeSubcodes: true } };
    const saved = await saveQuery('p1', 'query', '  Trust twice ', definition);
    await saveQuery('p1', 'filter', 'Kanto', { caseIds: ['k1'] });
    await expect(saveQuery('p1', 'query', 'trust TWICE', definition)).rejects.toThrow('There is already a saved query “trust TWICE”.');
    await renameSavedQuery(saved.id, 'Both');
    const queries = await savedQueriesOf('p1', 'query');
    expect(queries.map((q) => [q.name, q.type, q.definition])).toEqual([['Both', 'query', definition]]);
    expect((await savedQueriesOf('p1', 'filter')).map((q) => q.name)).toEqual(['Kanto']);
    expect((await readProject('p1')).savedQueries.map((q) => q.name).sort()).toEqual(['Both', 'Kanto']);
    expect(await undo('p1')).toBe('Rename query Trust twice to Both');
    expect((await savedQueriesOf('p1', 'query')).map((q) => q.name)).toEqual(['Trust twice']);

    await deleteProject('p1');
    expect(await upgraded.savedQueries.count()).toBe(0);
  });
});

describe('schema upgrade from version 10 to the original files of version 11', () => {
  it('keeps sources, texts, codings and history, and stores originals for new imports (and none for old sources)', async () => {
    const name = 'test-' + crypto.randomUUID();
    const old = new Dexie(name);
    old.version(10).stores(schemaV10);
    await old.open();
    await old.table('projects').add({ id: 'p1', name: 'One', createdAt: '', updatedAt: '' });
    await old.table('sources').add(source('s1', 'p1'));
    await old.table('sourceTexts').add({ sourceId: 's1', projectId: 'p1', text: 'Hello world, hello.' });
    await old.table('codings').add({ ...v1Coding('k1', 's1'), projectId: 'p1' });
    await old.table('history').add({ projectId: 'p1', seq: 1, label: 'Import s1.txt', coder: 'Ada', time: '', changes: {}, inverse: {}, undone: 0 });
    old.close();

    upgraded = openDatabase(name);
    replaceDatabase(upgraded);
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(11);
    expect((await upgraded.sources.toArray()).map((s) => s.name)).toEqual(['s1.txt']);
    expect((await upgraded.sourceTexts.get('s1'))?.text).toBe('Hello world, hello.');
    expect((await codingsOfSource('s1')).map((c) => c.exact)).toEqual(['Hello']);
    expect(await upgraded.history.count()).toBe(1);
    // A source stored before originals has none; a new import keeps its file.
    expect(await upgraded.sourceOriginals.count()).toBe(0);
    const bytes = new Uint8Array([1, 2, 3, 250]);
    const fresh = await importDocument('p1', { name: 'new.rtf', text: 'New text', encoding: 'RTF', byteSize: 4, format: 'rtf', original: bytes });
    expect([...(await upgraded.sourceOriginals.get(fresh))!.bytes]).toEqual([1, 2, 3, 250]);
    // The old source deletes (and undoes) without an original, as before.
    await deleteSource('s1');
    expect(await undo('p1')).toBe('Delete source s1.txt');
    expect(await upgraded.sources.count()).toBe(2);

    await deleteProject('p1');
    expect(await upgraded.sourceOriginals.count()).toBe(0);
  });
});

describe('schema upgrade from version 11 to the quote parts of version 12', () => {
  it('moves each source’s quotes into its part 0, whole, and later steps add parts of their own', async () => {
    const name = 'test-' + crypto.randomUUID();
    const old = new Dexie(name);
    old.version(11).stores(schemaV11);
    await old.open();
    const coding = (id: string, sourceId: string, start: number): Coding => ({
      id, projectId: 'p1', sourceId, codeId: 'c1', start, end: start + 5, exact: `quote ${id} 😀`, prefix: `before ${id}`, suffix: `after ${id}`,
      coder: 'Ada', createdAt: '2024-03-04T05:06:07.890Z',
    });
    const s1 = [coding('b1', 's1', 9), coding('b2', 's1', 0), coding('b3', 's1', 4)];
    const s2 = [coding('b4', 's2', 1)];
    await old.table('projects').add({ id: 'p1', name: 'One', createdAt: '', updatedAt: '' });
    await old.table('sources').bulkAdd([source('s1', 'p1'), source('s2', 'p1'), source('s3', 'p1')]);
    const packed = [packCodingsV7('s1', 'p1', s1), packCodingsV7('s2', 'p1', s2)];
    await old.table('sourceCodings').bulkAdd(packed.map((p) => p.columns));
    // s2's quotes row is missing: its quotes read as empty, before the upgrade as after.
    await old.table('codingQuotes').add(packed[0]!.quotes);
    await old.table('codingStats').bulkAdd([
      { sourceId: 's1', projectId: 'p1', counts: { c1: 3 }, stamp: 'a' },
      { sourceId: 's2', projectId: 'p1', counts: { c1: 1 }, stamp: 'b' },
    ]);
    old.close();

    upgraded = openDatabase(name);
    replaceDatabase(upgraded);
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(12);
    expect(upgraded.tables.map((t) => t.name)).not.toContain('codingQuotes');
    expect((await upgraded.quoteParts.toArray()).map((p) => [p.sourceId, p.part, p.exactEnds.length])).toEqual([['s1', 0, 3], ['s2', 0, 1]]);
    const byId = (list: Coding[]): Coding[] => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await codingsOfProject('p1'))).toEqual(byId([...s1, { ...s2[0]!, exact: '', prefix: '', suffix: '' }]));
    expect(await getCoding('b3', 's1')).toEqual(s1[2]);

    // A step adding many codings to s1 writes a part with theirs alone; its undo leaves 3 of the
    // 63 stored quotes in use, so s1's quotes are compacted into one new part.
    const added = Array.from({ length: 60 }, (_, i) => coding(`n${i}`, 's1', 20 + i));
    await commit('p1', 'Add many', () => ({ codings: { added, updated: [], removed: [] } }));
    expect((await upgraded.quoteParts.where('projectId').equals('p1').toArray()).map((p) => [p.sourceId, p.part, p.exactEnds.length])).toEqual([['s1', 0, 3], ['s1', 1, 60], ['s2', 0, 1]]);
    expect(byId(await codingsOfSource('s1'))).toEqual(byId([...s1, ...added]));
    expect(await undo('p1')).toBe('Add many');
    expect((await upgraded.quoteParts.toArray()).map((p) => [p.sourceId, p.part, p.exactEnds.length])).toEqual([['s1', 2, 3], ['s2', 0, 1]]);
    expect(byId(await codingsOfSource('s1'))).toEqual(byId(s1));

    await deleteProject('p1');
    expect(await upgraded.quoteParts.count()).toBe(0);
  });
});

describe('schema upgrade from version 12 to the write stamps of version 13', () => {
  it('copies each source’s stamp (a source without one gets one), and later writes and deletes keep them with the counts', async () => {
    const name = 'test-' + crypto.randomUUID();
    const old = new Dexie(name);
    old.version(12).stores(schemaV12);
    await old.open();
    const coding = (id: string, sourceId: string, start: number): Coding => ({
      id, projectId: 'p1', sourceId, codeId: 'c1', start, end: start + 5, exact: '', prefix: '', suffix: '', coder: 'Ada', createdAt: '2024-03-04T05:06:07.890Z',
    });
    await old.table('projects').add({ id: 'p1', name: 'One', createdAt: '', updatedAt: '' });
    await old.table('sources').bulkAdd([source('s1', 'p1'), source('s2', 'p1')]);
    const packed = [packCodingsV7('s1', 'p1', [coding('b1', 's1', 0)]), packCodingsV7('s2', 'p1', [coding('b2', 's2', 3)])];
    await old.table('sourceCodings').bulkAdd(packed.map((p) => ({ ...p.columns, quoteParts: [], quotePartSizes: [], quotePart: new Uint32Array(1), quoteIndex: new Uint32Array(1) })));
    await old.table('codingStats').bulkAdd([
      { sourceId: 's1', projectId: 'p1', counts: { c1: 1 }, stamp: 'a' },
      // Written before stamps existed.
      { sourceId: 's2', projectId: 'p1', counts: { c1: 1 } },
    ]);
    old.close();

    upgraded = openDatabase(name);
    replaceDatabase(upgraded);
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(13);
    const stamps = new Map((await upgraded.codingStamps.toArray()).map((s) => [s.sourceId, s.stamp]));
    const stats = new Map((await upgraded.codingStats.toArray()).map((s) => [s.sourceId, s.stamp]));
    expect(stamps.get('s1')).toBe('a');
    expect(stamps.get('s2')).toEqual(expect.any(String));
    expect(stamps).toEqual(stats);
    expect((await retrieveSegments('p1', ['c1'])).map((s) => s.codingId)).toEqual(['b1', 'b2']);

    // A step writing s1's columns moves its stamp in both places; deleting the project drops them.
    await commit('p1', 'Add many', () => ({ codings: { added: Array.from({ length: 600 }, (_, i) => coding(`n${i}`, 's1', 10 + i)), updated: [], removed: [] } }));
    const after = await upgraded.codingStamps.get('s1');
    expect(after?.stamp).not.toBe('a');
    expect(after?.stamp).toBe((await upgraded.codingStats.get('s1'))?.stamp);
    expect((await retrieveSegments('p1', ['c1'])).length).toBe(602);
    await deleteProject('p1');
    expect(await upgraded.codingStamps.count()).toBe(0);
  });
});
