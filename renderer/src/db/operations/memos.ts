// Named operations on memos: the project journal and notes on a source, code, coding or case.
// Each is one commit (./commit.ts); a memo is only ever attached to something that exists.
import type { Memo, MemoTargetKind } from '../../../../shared/model/types';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { getDb } from '../db';
import { getCoding } from '../codingsRepository';
import { commit } from './commit';
import { MAX_NAME_LENGTH } from './names';
import { newId, nowIso } from './now';

export interface NewMemo {
  projectId: string;
  targetKind: MemoTargetKind;
  /** The project's id for the journal. */
  targetId: string;
  title?: string;
  body: string;
  author: string;
}

export interface MemoPatch {
  title?: string;
  body?: string;
}

/** Longest memo body: far beyond any note, short of what would slow the list and its search. */
export const MAX_MEMO_LENGTH = 200_000;

function cleanTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  if (title.length > MAX_NAME_LENGTH) throw new Error(`The memo title is longer than ${MAX_NAME_LENGTH} characters.`);
  return title;
}

function checkBody(body: string): string {
  if (body.length > MAX_MEMO_LENGTH) throw new Error(`The memo is longer than ${MAX_MEMO_LENGTH.toLocaleString('en')} characters.`);
  return body.replace(/\r\n?/g, '\n');
}

async function targetExists(projectId: string, kind: MemoTargetKind, targetId: string): Promise<boolean> {
  const db = getDb();
  switch (kind) {
    case 'project':
      return targetId === projectId && (await db.projects.get(projectId)) !== undefined;
    case 'source':
      return (await db.sources.get(targetId))?.projectId === projectId;
    case 'code':
      return (await db.codes.get(targetId))?.projectId === projectId;
    case 'coding':
      return (await getCoding(targetId))?.projectId === projectId;
    case 'case':
      return (await db.cases.get(targetId))?.projectId === projectId;
  }
}

const WHAT: Record<MemoTargetKind, string> = {
  project: 'project',
  source: 'source',
  code: 'code',
  coding: 'coding',
  case: 'case',
};

export async function createMemo(input: NewMemo): Promise<Memo> {
  const title = cleanTitle(input.title ?? '');
  const body = checkBody(input.body);
  if (title === '' && body.trim() === '') throw new Error('The memo is empty: write something first.');
  return commit(input.projectId, 'Write a memo', async () => {
    if (!(await targetExists(input.projectId, input.targetKind, input.targetId))) {
      throw new Error(`The ${WHAT[input.targetKind]} this memo is for no longer exists.`);
    }
    const now = nowIso();
    const memo: Memo = {
      id: newId(),
      projectId: input.projectId,
      targetKind: input.targetKind,
      targetId: input.targetId,
      title,
      body,
      author: input.author.trim() || 'unknown',
      createdAt: now,
      updatedAt: now,
    };
    return { changes: new ChangeSetBuilder().add('memos', memo).build(), result: memo, label: title ? `Write memo ${title}` : `Write a memo on the ${WHAT[input.targetKind]}` };
  });
}

/** Changes a memo's title or text; its edited time moves on, its author stays the one who wrote it. */
export async function updateMemo(memoId: string, patch: MemoPatch): Promise<void> {
  const db = getDb();
  const found = await db.memos.get(memoId);
  if (!found) throw new Error('That memo no longer exists.');
  await commit(found.projectId, 'Edit a memo', async () => {
    const memo = await db.memos.get(memoId);
    if (!memo) throw new Error('That memo no longer exists.');
    const title = patch.title === undefined ? memo.title : cleanTitle(patch.title);
    const body = patch.body === undefined ? memo.body : checkBody(patch.body);
    if (title === '' && body.trim() === '') throw new Error('The memo is empty: delete it instead.');
    if (title === memo.title && body === memo.body) return { changes: {}, result: undefined };
    return { changes: new ChangeSetBuilder().update('memos', memo, { ...memo, title, body, updatedAt: nowIso() }).build(), result: undefined, label: title ? `Edit memo ${title}` : 'Edit a memo' };
  });
}

export async function deleteMemo(memoId: string): Promise<void> {
  const found = await getDb().memos.get(memoId);
  if (!found) return;
  await commit(found.projectId, 'Delete a memo', async () => {
    const memo = await getDb().memos.get(memoId);
    return { changes: memo ? new ChangeSetBuilder().remove('memos', memo).build() : {}, result: undefined, label: memo?.title ? `Delete memo ${memo.title}` : 'Delete a memo' };
  });
}
