// Cases and attributes: create, rename, merge and delete cases; add attributes and set values
// that must fit their type; link a case to a whole source; filter sources by an attribute.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import type { Memo } from '../../../shared/model/types';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { importDocument } from '../../../renderer/src/db/operations/imports';
import {
  createAttribute,
  createCase,
  deleteAttribute,
  deleteCases,
  linkCaseToSource,
  mergeCases,
  renameCase,
  setAttributeValue,
  unlinkCase,
} from '../../../renderer/src/db/operations/cases';
import { filterOptions, sourcesMatching, valueKey } from '../../../renderer/src/features/cases/sourceFilter';
import { loadCaseBook, type CaseBook } from '../../../renderer/src/features/cases/useCaseBook';
import { storeLink, storedLinks, storedValues } from '../support/caseRows';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
let projectId: string;
beforeEach(async () => {
  db = freshDb();
  projectId = (await createProject('Harbour study')).id;
});

async function source(name: string): Promise<string> {
  return importDocument(projectId, { name, text: `Text of ${name}`, encoding: 'UTF-8', byteSize: 10, format: 'text' });
}

function book(): Promise<CaseBook> {
  return loadCaseBook(projectId);
}

function memoOn(targetId: string): Memo {
  const now = '2026-01-01T00:00:00.000Z';
  return { id: crypto.randomUUID(), projectId, targetKind: 'case', targetId, title: '', body: 'note', author: 'me', createdAt: now, updatedAt: now };
}

describe('cases', () => {
  it('creates cases in order with unique, cleaned names, and renames them', async () => {
    const ana = await createCase(projectId, '  Ana   Ruiz ');
    const ben = await createCase(projectId, 'Ben');
    expect([ana.name, ana.order, ben.order]).toEqual(['Ana Ruiz', 0, 1]);
    await expect(createCase(projectId, 'Ben')).rejects.toThrow(/already a case named “Ben”/);
    await expect(createCase(projectId, '   ')).rejects.toThrow(/needs a name/);
    await renameCase(ben.id, 'Benedict');
    expect((await db.cases.get(ben.id))?.name).toBe('Benedict');
    await expect(renameCase(ben.id, 'Ana Ruiz')).rejects.toThrow(/already/);
    await expect(renameCase('gone', 'X')).rejects.toThrow(/no longer exists/);
  });

  it('merges cases: links move without duplicates, blanks are filled, memos follow, the others go', async () => {
    const [a, b, c] = [await createCase(projectId, 'R'), await createCase(projectId, 'Ms Tanaka'), await createCase(projectId, 'Tanaka')];
    const s1 = await source('one.txt');
    const s2 = await source('two.txt');
    await linkCaseToSource(a.id, s1);
    await linkCaseToSource(b.id, s1); // the same link: dropped on merge
    await linkCaseToSource(b.id, s2);
    await storeLink({ id: 'seg', projectId, caseId: c.id, sourceId: s1, start: 0, end: 4, order: 3, timestamp: '00:01:02' });
    const age = await createAttribute({ projectId, name: 'age', type: 'number' });
    const town = await createAttribute({ projectId, name: 'town', type: 'text' });
    await setAttributeValue(a.id, age.id, '52');
    await setAttributeValue(b.id, age.id, '60'); // the kept case's own value wins
    await setAttributeValue(b.id, town.id, 'Osaka'); // fills the kept case's blank
    await db.memos.add(memoOn(c.id));

    await mergeCases(a.id, [a.id, b.id, c.id]);
    expect((await db.cases.toArray()).map((x) => x.name)).toEqual(['R']);
    const links = await storedLinks(db);
    expect(links.every((l) => l.caseId === a.id)).toBe(true);
    expect(links.map((l) => `${l.sourceId === s1 ? 'one' : 'two'}:${l.start ?? 'whole'}`).sort()).toEqual(['one:0', 'one:whole', 'two:whole']);
    expect(links.find((l) => l.id === 'seg')).toMatchObject({ order: 3, timestamp: '00:01:02' });
    const values = await storedValues(db);
    expect(values.map((v) => [v.caseId === a.id, v.attributeId === age.id ? 'age' : 'town', v.value]).sort()).toEqual([
      [true, 'age', 52],
      [true, 'town', 'Osaka'],
    ]);
    expect((await db.memos.toArray()).map((m) => m.targetId)).toEqual([a.id]);
  });

  it('deletes cases with their values, links and memos, leaving the sources', async () => {
    const a = await createCase(projectId, 'A');
    const keep = await createCase(projectId, 'Keep');
    const s1 = await source('one.txt');
    await linkCaseToSource(a.id, s1);
    await linkCaseToSource(keep.id, s1);
    const attr = await createAttribute({ projectId, name: 'role', type: 'text' });
    await setAttributeValue(a.id, attr.id, 'chair');
    await db.memos.add(memoOn(a.id));
    await deleteCases([a.id]);
    expect((await db.cases.toArray()).map((c) => c.name)).toEqual(['Keep']);
    expect((await storedLinks(db)).map((l) => l.caseId)).toEqual([keep.id]);
    expect(await storedValues(db)).toEqual([]);
    expect(await db.memos.count()).toBe(0);
    expect(await db.sources.count()).toBe(1);
  });

  it('links a case to a whole source once, and unlinks it', async () => {
    const a = await createCase(projectId, 'A');
    const s1 = await source('one.txt');
    await linkCaseToSource(a.id, s1);
    await linkCaseToSource(a.id, s1);
    const links = await storedLinks(db);
    expect(links).toHaveLength(1);
    await unlinkCase(s1, links[0]!.id);
    expect(await storedLinks(db)).toEqual([]);
    await expect(linkCaseToSource(a.id, 'nope')).rejects.toThrow(/no longer exists/);
  });
});

describe('attributes', () => {
  it('converts what is typed to the attribute type, and says what fits when it does not', async () => {
    const a = await createCase(projectId, 'A');
    const age = await createAttribute({ projectId, name: 'age', type: 'number' });
    const born = await createAttribute({ projectId, name: 'interviewed', type: 'date' });
    const member = await createAttribute({ projectId, name: 'member', type: 'boolean' });
    const region = await createAttribute({ projectId, name: 'region', type: 'category', categories: ['North', ' South ', 'North', ''] });
    expect(region.categories).toEqual(['North', 'South']);
    expect(await setAttributeValue(a.id, age.id, ' 42.5 ')).toBe(42.5);
    expect(await setAttributeValue(a.id, born.id, '2025-05-12')).toBe('2025-05-12');
    expect(await setAttributeValue(a.id, member.id, 'Yes')).toBe(true);
    await expect(setAttributeValue(a.id, age.id, 'forty')).rejects.toThrow('“forty” is not a value for “age”: enter a number, such as 42 or 3.5.');
    await expect(setAttributeValue(a.id, born.id, '12/05/2025')).rejects.toThrow(/YYYY-MM-DD/);
    await expect(setAttributeValue(a.id, member.id, 'maybe')).rejects.toThrow(/yes or no/);
    // A new category value joins the list instead of being refused.
    expect(await setAttributeValue(a.id, region.id, 'Islands')).toBe('Islands');
    expect((await db.attributeDefinitions.get(region.id))?.categories).toEqual(['North', 'South', 'Islands']);
    // Blank clears the value: missing, not an empty string.
    expect(await setAttributeValue(a.id, age.id, '')).toBeNull();
    expect((await storedValues(db)).filter((v) => v.attributeId === age.id)).toEqual([]);
    expect((await storedValues(db)).filter((v) => v.attributeId === member.id)).toEqual([{ caseId: a.id, attributeId: member.id, value: true }]);
  });

  it('refuses duplicate attribute names and unknown types; deleting one deletes its values', async () => {
    const a = await createCase(projectId, 'A');
    const role = await createAttribute({ projectId, name: 'role', type: 'text' });
    await expect(createAttribute({ projectId, name: 'role', type: 'number' })).rejects.toThrow(/already an attribute/);
    await expect(createAttribute({ projectId, name: 'x', type: 'colour' as never })).rejects.toThrow(/not an attribute type/);
    await setAttributeValue(a.id, role.id, 'chair');
    await deleteAttribute(role.id);
    expect(await db.attributeDefinitions.count()).toBe(0);
    expect(await storedValues(db)).toEqual([]);
  });
});

describe('filtering sources by attribute', () => {
  it('keeps the sources linked (whole or by a segment) to a case with the value, and offers "No value"', async () => {
    const [north1, north2, south, unknown] = [await createCase(projectId, 'p1'), await createCase(projectId, 'p2'), await createCase(projectId, 'p3'), await createCase(projectId, 'p4')];
    const region = await createAttribute({ projectId, name: 'region', type: 'category', categories: ['South', 'North'] });
    await setAttributeValue(north1.id, region.id, 'North');
    await setAttributeValue(north2.id, region.id, 'North');
    await setAttributeValue(south.id, region.id, 'South');
    const [s1, s2, s3, s4] = [await source('a.txt'), await source('b.txt'), await source('c.txt'), await source('d.txt')];
    await linkCaseToSource(north1.id, s1);
    await storeLink({ id: 'seg', projectId, caseId: north2.id, sourceId: s2, start: 0, end: 4 });
    await linkCaseToSource(south.id, s3);
    await linkCaseToSource(unknown.id, s4);
    const current = await book();
    expect(filterOptions(current, region).map((o) => [o.label, o.cases])).toEqual([
      ['South', 1],
      ['North', 2],
      ['No value', 1],
    ]);
    expect([...sourcesMatching(current, region.id, valueKey('North'))].sort()).toEqual([s1, s2].sort());
    expect([...sourcesMatching(current, region.id, valueKey(null))]).toEqual([s4]);
    expect(sourcesMatching(current, region.id, valueKey('East')).size).toBe(0);
  });
});
