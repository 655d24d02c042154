// Projects: creating, renaming, and deleting one with everything in it (and nothing of any other).
import { beforeEach, describe, expect, it } from 'vitest';
import type { Memo, MemoTargetKind } from '../../../shared/model/types';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject, deleteProject, describeProject, renameProject } from '../../../renderer/src/db/operations/projects';
import { importText } from '../support/importText';
import { createCode } from '../../../renderer/src/db/operations/codes';
import { applyCode } from '../../../renderer/src/db/operations/codings';
import { codingsOfProject } from '../../../renderer/src/db/codingsRepository';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

async function addMemo(projectId: string, targetKind: MemoTargetKind, targetId: string): Promise<Memo> {
  const memo: Memo = {
    id: crypto.randomUUID(),
    projectId,
    targetKind,
    targetId,
    title: 'Note',
    body: 'Check this later.',
    author: 'Ada',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
  await db.memos.add(memo);
  return memo;
}

/** A project with two sources, three codes (one nested), two codings and three memos. */
async function filledProject(name: string) {
  const project = await createProject(name);
  const first = await importText(project.id, 'one.txt', 'I was tired after the night shift.');
  const second = await importText(project.id, 'two.txt', 'The library was the only warm place.');
  const feelings = await createCode({ projectId: project.id, name: 'Feelings' });
  const tired = await createCode({ projectId: project.id, name: 'Tired', parentId: feelings.id });
  const place = await createCode({ projectId: project.id, name: 'Place' });
  const c1 = await applyCode({ sourceId: first, start: 6, end: 11 }, tired.id, 'Ada');
  await applyCode({ sourceId: second, start: 4, end: 11 }, place.id, 'Ada');
  await addMemo(project.id, 'project', project.id);
  await addMemo(project.id, 'source', first);
  await addMemo(project.id, 'coding', c1.id);
  return { project, sourceIds: [first, second] };
}

describe('createProject', () => {
  it('stores a project under the name typed, tidied', async () => {
    const project = await createProject('  Harbour   library\tstudy ');
    expect(project.name).toBe('Harbour library study');
    expect(await db.projects.get(project.id)).toEqual(project);
  });

  it('refuses a project without a name, storing nothing', async () => {
    await expect(createProject('   ')).rejects.toThrow('The project needs a name.');
    await expect(createProject('x'.repeat(201))).rejects.toThrow(/longer than 200/);
    expect(await db.projects.count()).toBe(0);
  });
});

describe('renameProject', () => {
  it('renames the project', async () => {
    const project = await createProject('Draft');
    await renameProject(project.id, ' Final ');
    expect((await db.projects.get(project.id))?.name).toBe('Final');
  });

  it('refuses an empty name and keeps the old one', async () => {
    const project = await createProject('Draft');
    await expect(renameProject(project.id, '')).rejects.toThrow('The project needs a name.');
    expect((await db.projects.get(project.id))?.name).toBe('Draft');
  });

  it('says so when the project is gone', async () => {
    await expect(renameProject('no-such-project', 'X')).rejects.toThrow('That project no longer exists.');
  });
});

describe('describeProject', () => {
  it('counts what deleting the project would lose', async () => {
    const { project } = await filledProject('Study');
    expect(await describeProject(project.id)).toEqual({ sources: 2, codes: 3, codings: 2, memos: 3 });
  });

  it('counts nothing for an empty project', async () => {
    const project = await createProject('Empty');
    expect(await describeProject(project.id)).toEqual({ sources: 0, codes: 0, codings: 0, memos: 0 });
  });
});

describe('deleteProject', () => {
  it('removes the project with its sources, texts, codes, codings and memos', async () => {
    const { project } = await filledProject('Doomed');
    await deleteProject(project.id);
    expect(await db.projects.get(project.id)).toBeUndefined();
    expect(await codingsOfProject(project.id)).toEqual([]);
    for (const table of [db.sources, db.sourceTexts, db.codes, db.memos]) {
      expect(await table.where('projectId').equals(project.id).count()).toBe(0);
    }
    expect(await describeProject(project.id)).toEqual({ sources: 0, codes: 0, codings: 0, memos: 0 });
  });

  it('leaves every other project as it was', async () => {
    const { project: doomed } = await filledProject('Doomed');
    const { project: kept, sourceIds } = await filledProject('Kept');
    const keptBefore = await db.projects.get(kept.id);
    await deleteProject(doomed.id);
    expect(await db.projects.get(kept.id)).toEqual(keptBefore);
    expect(keptBefore?.name).toBe('Kept');
    expect(await describeProject(kept.id)).toEqual({ sources: 2, codes: 3, codings: 2, memos: 3 });
    expect((await db.sourceTexts.get(sourceIds[0]!))?.text).toBe('I was tired after the night shift.');
    expect(await db.projects.count()).toBe(1);
  });
});
