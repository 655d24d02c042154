// Deleting and renaming sources: a deleted source takes its text, codings and memos with it.
// (Importing is tested on the path users take: tests/renderer/import/textImportPath.test.ts.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Memo } from '../../../shared/model/types';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject } from '../../../renderer/src/db/operations/projects';
import {
  countSourceCodings,
  deleteSource,
  getSourceText,
  renameSource,
} from '../../../renderer/src/db/operations/sources';
import { createCode } from '../../../renderer/src/db/operations/codes';
import { applyCode } from '../../../renderer/src/db/operations/codings';
import { codingsOfProject } from '../../../renderer/src/db/codingsRepository';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => {
  vi.restoreAllMocks();
});

import { importText } from '../support/importText';

async function addMemo(projectId: string, targetId: string): Promise<Memo> {
  const memo: Memo = {
    id: crypto.randomUUID(),
    projectId,
    targetKind: 'source',
    targetId,
    title: '',
    body: 'memo',
    author: 'Ada',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
  await db.memos.add(memo);
  return memo;
}

describe('deleteSource', () => {
  it('removes the source, its text, its codings and the memos on it and on its codings', async () => {
    const project = await createProject('Study');
    const a = await importText(project.id, 'a.txt', 'alpha beta gamma');
    const b = await importText(project.id, 'b.txt', 'delta epsilon');
    const code = await createCode({ projectId: project.id, name: 'Greek' });
    const onA1 = await applyCode({ sourceId: a, start: 0, end: 5 }, code.id, 'Ada');
    await applyCode({ sourceId: a, start: 6, end: 10 }, code.id, 'Ada');
    const onB = await applyCode({ sourceId: b, start: 0, end: 5 }, code.id, 'Ada');
    await addMemo(project.id, a);
    await addMemo(project.id, onA1.id);
    const keptMemos = [await addMemo(project.id, b), await addMemo(project.id, onB.id), await addMemo(project.id, project.id)];

    expect(await countSourceCodings(a)).toBe(2);
    await deleteSource(a);

    expect(await db.sources.get(a)).toBeUndefined();
    expect(await db.sourceTexts.get(a)).toBeUndefined();
    expect(await countSourceCodings(a)).toBe(0);
    expect((await codingsOfProject(project.id)).map((c) => c.id)).toEqual([onB.id]);
    expect((await db.memos.toArray()).map((m) => m.id).sort()).toEqual(keptMemos.map((m) => m.id).sort());
    expect(await db.codes.get(code.id)).toBeDefined();
    await expect(getSourceText(a)).rejects.toThrow('The source text is missing.');
  });
});

describe('renameSource', () => {
  it('renames a source and refuses an empty name', async () => {
    const project = await createProject('Study');
    const a = await importText(project.id, 'a.txt', 'alpha');
    await renameSource(a, '  Interview with Ana ');
    expect((await db.sources.get(a))?.name).toBe('Interview with Ana');
    await expect(renameSource(a, '  ')).rejects.toThrow('The source needs a name.');
    expect((await db.sources.get(a))?.name).toBe('Interview with Ana');
  });
});
