// Memo operations against a real (fake) IndexedDB: memos attach only to things that exist in their
// project, keep their author and creation time through edits, and are found again by search.
import { describe, expect, it } from 'vitest';
import type { Memo } from '../../../shared/model/types';
import { createMemo, deleteMemo, updateMemo } from '../../../renderer/src/db/operations/memos';
import { createCode } from '../../../renderer/src/db/operations/codes';
import { applyCode, removeCoding } from '../../../renderer/src/db/operations/codings';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { readMemoTargets } from '../../../renderer/src/db/memoQueries';
import { describeMemoTarget } from '../../../shared/memos/memoTargets';
import { filterMemos } from '../../../shared/memos/search';
import { projectWithSource, spanOf, useTestDatabase } from '../codebook/projectFixture';

const getDb = useTestDatabase();

async function everyKind() {
  const { projectId, sourceId, text } = await projectWithSource(getDb(), undefined, 'harbour interview.txt');
  const code = await createCode({ projectId, name: 'Fatigue' });
  const coding = await applyCode(spanOf(sourceId, text, 'the night shift'), code.id, 'Ada');
  const caseId = crypto.randomUUID();
  await getDb().cases.add({ id: caseId, projectId, name: 'Nurse A', order: 1, createdAt: new Date().toISOString() });
  const write = (targetKind: Memo['targetKind'], targetId: string, body: string, title = '') =>
    createMemo({ projectId, targetKind, targetId, title, body, author: 'Ada' });
  const memos = {
    journal: await write('project', projectId, 'Started coding the harbour interviews.', 'Week 1'),
    source: await write('source', sourceId, 'Recorded in a *noisy* café.'),
    code: await write('code', code.id, 'Maybe split physical and emotional fatigue.'),
    coding: await write('coding', coding.id, 'Shift work again.'),
    case: await write('case', caseId, 'Works nights since 2019.'),
  };
  return { projectId, sourceId, code, coding, caseId, memos };
}

describe('memo operations', () => {
  it('attaches memos to the journal, a source, a code, a coding and a case', async () => {
    const { projectId, memos } = await everyKind();
    const stored = await getDb().memos.where('projectId').equals(projectId).toArray();
    expect(stored.map((m) => m.targetKind).sort()).toEqual(['case', 'code', 'coding', 'project', 'source']);
    expect(memos.journal).toMatchObject({ title: 'Week 1', author: 'Ada' });
    expect(memos.journal.createdAt).toBe(memos.journal.updatedAt);
  });

  it('refuses a target that does not exist or belongs to another project, and an empty memo', async () => {
    const { projectId, code } = await everyKind();
    const other = await createProject('Other');
    const count = await getDb().memos.count();
    await expect(createMemo({ projectId, targetKind: 'coding', targetId: 'gone', body: 'x', author: 'Ada' })).rejects.toThrow(
      'The coding this memo is for no longer exists.',
    );
    await expect(createMemo({ projectId: other.id, targetKind: 'code', targetId: code.id, body: 'x', author: 'Ada' })).rejects.toThrow(
      'The code this memo is for no longer exists.',
    );
    await expect(createMemo({ projectId, targetKind: 'project', targetId: projectId, body: '  \n ', author: 'Ada' })).rejects.toThrow(
      'The memo is empty',
    );
    expect(await getDb().memos.count()).toBe(count);
  });

  it('edits keep the author and creation time and move the edited time', async () => {
    const { memos } = await everyKind();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await updateMemo(memos.code.id, { body: 'Split into physical and emotional fatigue.' });
    const edited = (await getDb().memos.get(memos.code.id))!;
    expect(edited).toMatchObject({ author: 'Ada', createdAt: memos.code.createdAt, body: 'Split into physical and emotional fatigue.' });
    expect(edited.updatedAt > memos.code.updatedAt).toBe(true);
    await expect(updateMemo(memos.code.id, { body: '' })).rejects.toThrow('The memo is empty: delete it instead.');
    await deleteMemo(memos.code.id);
    expect(await getDb().memos.get(memos.code.id)).toBeUndefined();
  });

  it('goes with its coding when the coding is removed', async () => {
    const { coding, memos } = await everyKind();
    await removeCoding(coding.id, coding.sourceId);
    expect(await getDb().memos.get(memos.coding.id)).toBeUndefined();
    expect(await getDb().memos.get(memos.source.id)).toBeDefined();
  });
});

describe('finding memos', () => {
  it('searches title, text and target, ignoring case and accents, and filters by target kind', async () => {
    const { projectId } = await everyKind();
    const memos = await getDb().memos.where('projectId').equals(projectId).toArray();
    const lookup = await readMemoTargets(projectId, true);
    const find = (query: string, kind: Memo['targetKind'] | 'all' = 'all') =>
      filterMemos(memos, { query, kind }, (m) => describeMemoTarget(m, lookup)).map((m) => m.body);

    expect(find('CAFE noisy')).toEqual(['Recorded in a *noisy* café.']);
    expect(find('night shift')).toEqual(['Shift work again.']); // the coded passage is part of the target
    expect(find('fatigue')).toEqual(expect.arrayContaining(['Maybe split physical and emotional fatigue.', 'Shift work again.']));
    expect(find('', 'case')).toEqual(['Works nights since 2019.']);
    expect(find('week 1')).toEqual(['Started coding the harbour interviews.']);
    expect(describeMemoTarget(memos.find((m) => m.targetKind === 'coding')!, lookup)).toMatchObject({
      label: 'Fatigue in harbour interview.txt',
      quote: 'the night shift',
    });
  });
});
