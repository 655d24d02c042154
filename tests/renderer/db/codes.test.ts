// The codebook's data operations: new codes get a free colour and the next place among their
// siblings; deleting a code takes its subcodes and their codings with it, as the confirmation says.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Coding, Memo } from '../../../shared/model/types';
import { CODE_PALETTE } from '../../../shared/codebook/palette';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { importText } from '../support/importText';
import { createCode, deleteCode, describeCodeDeletion, updateCode } from '../../../renderer/src/db/operations/codes';
import { applyCode } from '../../../renderer/src/db/operations/codings';
import { codingsOfProject } from '../../../renderer/src/db/codingsRepository';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

/** Every stored coding of every project, read the way the app reads them (whatever the layout). */
async function storedCodings(): Promise<Coding[]> {
  const projects = await db.projects.toArray();
  return (await Promise.all(projects.map((p) => codingsOfProject(p.id)))).flat();
}

async function projectWithSource(text = 'I was tired and angry after the night shift at the harbour.') {
  const project = await createProject('Study');
  const sourceId = await importText(project.id, 'a.txt', text);
  return { projectId: project.id, sourceId, text };
}

async function memoOn(projectId: string, targetKind: Memo['targetKind'], targetId: string): Promise<string> {
  const id = crypto.randomUUID();
  await db.memos.add({ id, projectId, targetKind, targetId, title: '', body: 'b', author: 'Ada', createdAt: '', updatedAt: '' });
  return id;
}

describe('createCode', () => {
  it('gives each new code the next unused palette colour and the next place', async () => {
    const { projectId } = await projectWithSource();
    const first = await createCode({ projectId, name: 'Feelings' });
    const second = await createCode({ projectId, name: 'Place' });
    expect([first.color, second.color]).toEqual([CODE_PALETTE[0], CODE_PALETTE[1]]);
    expect([first.order, second.order]).toEqual([0, 1]);
    expect([first.parentId, second.parentId]).toEqual([null, null]);
    expect(await db.codes.get(second.id)).toEqual(second);
  });

  it('does not let another project’s colours decide', async () => {
    const { projectId } = await projectWithSource();
    const other = await createProject('Other');
    await createCode({ projectId: other.id, name: 'Elsewhere' });
    expect((await createCode({ projectId, name: 'Here' })).color).toBe(CODE_PALETTE[0]);
  });

  it('puts a child under its parent, first among its own siblings', async () => {
    const { projectId } = await projectWithSource();
    const parent = await createCode({ projectId, name: 'Feelings' });
    await createCode({ projectId, name: 'Place' });
    const child = await createCode({ projectId, name: 'Tired', parentId: parent.id });
    const sibling = await createCode({ projectId, name: 'Angry', parentId: parent.id });
    expect(child).toMatchObject({ parentId: parent.id, order: 0 });
    expect(sibling).toMatchObject({ parentId: parent.id, order: 1 });
  });

  it('keeps a chosen colour and description, tidies the name', async () => {
    const { projectId } = await projectWithSource();
    const code = await createCode({ projectId, name: '  Night \n shifts ', description: ' Working at night. ', color: '#123abc' });
    expect(code).toMatchObject({ name: 'Night shifts', description: 'Working at night.', color: '#123abc' });
  });

  it('refuses a parent that does not exist or belongs to another project', async () => {
    const { projectId } = await projectWithSource();
    const other = await createProject('Other');
    const foreign = await createCode({ projectId: other.id, name: 'Foreign' });
    await expect(createCode({ projectId, name: 'Child', parentId: 'deleted-code' })).rejects.toThrow('The parent code no longer exists.');
    await expect(createCode({ projectId, name: 'Child', parentId: foreign.id })).rejects.toThrow('The parent code no longer exists.');
    expect(await db.codes.where('projectId').equals(projectId).count()).toBe(0);
  });

  it('refuses an empty name and a colour that is not #rrggbb', async () => {
    const { projectId } = await projectWithSource();
    await expect(createCode({ projectId, name: ' \t ' })).rejects.toThrow('The code needs a name.');
    await expect(createCode({ projectId, name: 'Red', color: 'red' })).rejects.toThrow('"red" is not a colour.');
    expect(await db.codes.count()).toBe(0);
  });
});

describe('updateCode', () => {
  it('renames and recolours a code', async () => {
    const { projectId } = await projectWithSource();
    const code = await createCode({ projectId, name: 'Tierd' });
    await updateCode(code.id, { name: ' Tired ', color: '#ABCDEF', description: ' Exhaustion. ' });
    expect(await db.codes.get(code.id)).toMatchObject({ name: 'Tired', color: '#abcdef', description: 'Exhaustion.' });
  });

  it('refuses an invalid colour or an empty name and changes nothing', async () => {
    const { projectId } = await projectWithSource();
    const code = await createCode({ projectId, name: 'Tired' });
    await expect(updateCode(code.id, { color: '#12345' })).rejects.toThrow('"#12345" is not a colour.');
    await expect(updateCode(code.id, { name: '', color: '#000000' })).rejects.toThrow('The code needs a name.');
    expect(await db.codes.get(code.id)).toEqual(code);
  });

  it('says so when the code is gone', async () => {
    await expect(updateCode('deleted', { name: 'X' })).rejects.toThrow('That code no longer exists.');
  });
});

describe('deleteCode', () => {
  async function nestedCodebook() {
    const { projectId, sourceId } = await projectWithSource();
    const feelings = await createCode({ projectId, name: 'Feelings' });
    const tired = await createCode({ projectId, name: 'Tired', parentId: feelings.id });
    const veryTired = await createCode({ projectId, name: 'Very tired', parentId: tired.id });
    const place = await createCode({ projectId, name: 'Place' });
    const span = (start: number, end: number) => ({ sourceId, start, end });
    const codings = {
      feelings: await applyCode(span(0, 12), feelings.id, 'Ada'),
      tired: await applyCode(span(6, 11), tired.id, 'Ada'),
      veryTired: await applyCode(span(2, 11), veryTired.id, 'Ada'),
      veryTired2: await applyCode(span(16, 21), veryTired.id, 'Ada'),
      place: await applyCode(span(51, 58), place.id, 'Ada'),
    };
    return { projectId, sourceId, feelings, tired, veryTired, place, codings };
  }

  it('describes what deleting would take: the code, its subcodes and all their codings', async () => {
    const { feelings, tired, veryTired, place } = await nestedCodebook();
    const deletion = await describeCodeDeletion(feelings.id);
    expect(deletion.codeIds.sort()).toEqual([feelings.id, tired.id, veryTired.id].sort());
    expect(deletion.codings).toBe(4);
    expect(await describeCodeDeletion(tired.id)).toEqual({ codeIds: [tired.id, veryTired.id], codings: 3 });
    expect(await describeCodeDeletion(place.id)).toEqual({ codeIds: [place.id], codings: 1 });
    await expect(describeCodeDeletion('deleted')).rejects.toThrow('That code no longer exists.');
  });

  it('removes the code, its subcodes, their codings and memos, and nothing else', async () => {
    const { projectId, tired, veryTired, feelings, place, codings } = await nestedCodebook();
    const goneMemos = [await memoOn(projectId, 'code', veryTired.id), await memoOn(projectId, 'coding', codings.tired.id)];
    const keptMemos = [await memoOn(projectId, 'code', feelings.id), await memoOn(projectId, 'coding', codings.place.id)];

    await deleteCode(tired.id);

    expect((await db.codes.toArray()).map((c) => c.name).sort()).toEqual(['Feelings', 'Place']);
    expect((await storedCodings()).map((c) => c.id).sort()).toEqual([codings.feelings.id, codings.place.id].sort());
    const memoIds = (await db.memos.toArray()).map((m) => m.id);
    expect(memoIds.sort()).toEqual([...keptMemos].sort());
    for (const id of goneMemos) expect(memoIds).not.toContain(id);
    expect(await db.codes.get(place.id)).toBeDefined();
  });

  it('does nothing for a code that is already gone', async () => {
    const { codings } = await nestedCodebook();
    await deleteCode('deleted');
    expect(await storedCodings()).toHaveLength(Object.keys(codings).length);
  });
});
