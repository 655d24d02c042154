// The codebook operations against a real (fake) IndexedDB: each reads the rows inside its own
// transaction, writes the plan there or refuses with the reason, and never leaves half a change.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Coding, Memo } from '../../../shared/model/types';
import { createCode, deleteCode, updateCode } from '../../../renderer/src/db/operations/codes';
import { applyCode } from '../../../renderer/src/db/operations/codings';
import {
  copyCodingsToCode,
  importCodebook,
  mergeCodes,
  previewCodebookImport,
  rearrangeCodes,
  setCodeCodable,
  splitCode,
} from '../../../renderer/src/db/operations/codebook';
import { addCodesToCodeSet, createCodeSet, deleteCodeSet, removeCodesFromCodeSet, renameCodeSet } from '../../../renderer/src/db/operations/codeSets';
import { putCodings } from '../../../renderer/src/db/codingsRepository';
import { flattenTree } from '../../../shared/codebook/tree';
import { codingsIn, projectWithSource, spanOf, useTestDatabase } from './projectFixture';

const getDb = useTestDatabase();

afterEach(() => {
  vi.restoreAllMocks();
});

async function shape(projectId: string): Promise<string[]> {
  const codes = await getDb().codes.where('projectId').equals(projectId).toArray();
  return flattenTree(codes).map(({ code, depth }) => `${depth + 1}:${code.name}`);
}

async function memoOn(projectId: string, targetKind: Memo['targetKind'], targetId: string): Promise<string> {
  const id = crypto.randomUUID();
  await getDb().memos.add({ id, projectId, targetKind, targetId, title: '', body: 'note', author: 'Ada', createdAt: '', updatedAt: '' });
  return id;
}

describe('rearrangeCodes', () => {
  it('moves, reorders, indents and outdents codes', async () => {
    const { projectId } = await projectWithSource(getDb());
    const access = await createCode({ projectId, name: 'Access' });
    const night = await createCode({ projectId, name: 'Night travel' });
    const safety = await createCode({ projectId, name: 'Safety' });

    await rearrangeCodes(projectId, { kind: 'move', codeIds: [night.id], target: { position: 'inside', parentId: access.id } });
    expect(await shape(projectId)).toEqual(['1:Access', '2:Night travel', '1:Safety']);

    await rearrangeCodes(projectId, { kind: 'reorder', codeIds: [safety.id], direction: 'up' });
    expect(await shape(projectId)).toEqual(['1:Safety', '1:Access', '2:Night travel']);

    await rearrangeCodes(projectId, { kind: 'outdent', codeIds: [night.id] });
    expect(await shape(projectId)).toEqual(['1:Safety', '1:Access', '1:Night travel']);

    await rearrangeCodes(projectId, { kind: 'indent', codeIds: [access.id, night.id] });
    expect(await shape(projectId)).toEqual(['1:Safety', '2:Access', '2:Night travel']);
  });

  it('refuses a move into the code’s own subcode with the reason, changing nothing', async () => {
    const { projectId } = await projectWithSource(getDb());
    const access = await createCode({ projectId, name: 'Access' });
    const night = await createCode({ projectId, name: 'Night travel', parentId: access.id });
    const before = await getDb().codes.toArray();
    await expect(
      rearrangeCodes(projectId, { kind: 'move', codeIds: [access.id], target: { position: 'inside', parentId: night.id } }),
    ).rejects.toThrow('“Access” cannot be moved into its own subcode “Night travel”.');
    expect(await getDb().codes.toArray()).toEqual(before);
  });
});

describe('mergeCodes', () => {
  async function twoCodesOnOnePassage() {
    const { projectId, sourceId, text } = await projectWithSource(getDb());
    const safety = await createCode({ projectId, name: 'Safety', description: 'Feeling unsafe.' });
    const risk = await createCode({ projectId, name: 'Risk', description: 'Danger named.' });
    const riskChild = await createCode({ projectId, name: 'Road', parentId: risk.id });
    const span = spanOf(sourceId, text, 'the night shift');
    const kept = await applyCode(span, safety.id, 'Ada');
    const duplicate = await applyCode(span, risk.id, 'Ben');
    // One of Risk's codings lives in the source's block, the layout bulk writes use.
    const inBlock: Coding = { ...duplicate, id: crypto.randomUUID(), ...spanOf(sourceId, text, 'walked'), exact: 'walked' };
    await putCodings([inBlock]);
    return { projectId, sourceId, safety, risk, riskChild, kept, duplicate, inBlock };
  }

  it('moves codings to the target and collapses the identical one, in one go', async () => {
    const { projectId, safety, risk, riskChild, kept, duplicate, inBlock } = await twoCodesOnOnePassage();
    const set = await createCodeSet(projectId, 'Round 2 codes', [risk.id]);
    const onCode = await memoOn(projectId, 'code', risk.id);
    const onDuplicate = await memoOn(projectId, 'coding', duplicate.id);

    const outcome = await mergeCodes([risk.id], safety.id);

    expect(outcome).toEqual({ moved: 1, collapsed: 1 });
    const codings = await codingsIn(projectId);
    expect(codings.map((c) => [c.id, c.codeId]).sort()).toEqual([[kept.id, safety.id], [inBlock.id, safety.id]].sort());
    expect(await getDb().codes.get(risk.id)).toBeUndefined();
    expect(await getDb().codes.get(riskChild.id)).toMatchObject({ parentId: safety.id });
    expect((await getDb().codes.get(safety.id))!.description).toBe('Feeling unsafe.\n\nDanger named.');
    expect((await getDb().codeSets.get(set.id))!.codeIds).toEqual([safety.id]);
    // Memos follow: the code's to the target, the collapsed coding's to the coding that stays.
    expect(await getDb().memos.get(onCode)).toMatchObject({ targetId: safety.id });
    expect(await getDb().memos.get(onDuplicate)).toMatchObject({ targetId: kept.id });
  });

  it('refuses to merge a code into its own subcode, saying why, and changes nothing', async () => {
    const { projectId, risk, riskChild } = await twoCodesOnOnePassage();
    const codings = await codingsIn(projectId);
    await expect(mergeCodes([risk.id], riskChild.id)).rejects.toThrow(
      '“Risk” cannot be merged into “Road”, which is one of its own subcodes: move “Road” out first.',
    );
    expect(await codingsIn(projectId)).toEqual(codings);
    expect(await getDb().codes.get(risk.id)).toBeDefined();
  });

  it('leaves nothing half-merged when a write fails part-way', async () => {
    const { projectId, safety, risk } = await twoCodesOnOnePassage();
    const codings = await codingsIn(projectId);
    const codes = await getDb().codes.toArray();
    const db = getDb();
    vi.spyOn(db.codes, 'bulkDelete').mockRejectedValue(new Error('disk full'));
    await expect(mergeCodes([risk.id], safety.id)).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect((await codingsIn(projectId)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(codings.sort((a, b) => a.id.localeCompare(b.id)));
    expect(await getDb().codes.toArray()).toEqual(codes);
  });
});

describe('splitCode', () => {
  it('moves the chosen codings to a new subcode, and its example with them', async () => {
    const { projectId, sourceId, text } = await projectWithSource(getDb());
    const feelings = await createCode({ projectId, name: 'Feelings' });
    const tired = await applyCode(spanOf(sourceId, text, 'tired'), feelings.id, 'Ada');
    const angry = await applyCode(spanOf(sourceId, text, 'angry'), feelings.id, 'Ada');
    await updateCode(feelings.id, { exampleCodingId: tired.id });

    const created = await splitCode({ codeId: feelings.id, codingIds: [tired.id], name: 'Tiredness' });

    expect(created).toMatchObject({ name: 'Tiredness', parentId: feelings.id, exampleCodingId: tired.id });
    const byId = new Map((await codingsIn(projectId)).map((c) => [c.id, c.codeId]));
    expect(byId.get(tired.id)).toBe(created.id);
    expect(byId.get(angry.id)).toBe(feelings.id);
    expect((await getDb().codes.get(feelings.id))!.exampleCodingId).toBeNull();
  });

  it('refuses without chosen codings or with a taken name', async () => {
    const { projectId, sourceId, text } = await projectWithSource(getDb());
    const feelings = await createCode({ projectId, name: 'Feelings' });
    await createCode({ projectId, name: 'Anger', parentId: feelings.id });
    const angry = await applyCode(spanOf(sourceId, text, 'angry'), feelings.id, 'Ada');
    await expect(splitCode({ codeId: feelings.id, codingIds: [], name: 'X' })).rejects.toThrow('Choose at least one coding');
    await expect(splitCode({ codeId: feelings.id, codingIds: [angry.id], name: 'Anger' })).rejects.toThrow('There is already a code “Anger” there.');
    expect(await getDb().codes.count()).toBe(2);
  });
});

describe('copyCodingsToCode', () => {
  it('codes the same passages with another code, skipping those it already has', async () => {
    const { projectId, sourceId, text } = await projectWithSource(getDb());
    const a = await createCode({ projectId, name: 'A' });
    const b = await createCode({ projectId, name: 'B' });
    const one = await applyCode(spanOf(sourceId, text, 'tired'), a.id, 'Ada');
    const two = await applyCode(spanOf(sourceId, text, 'angry'), a.id, 'Ada');
    await applyCode(spanOf(sourceId, text, 'angry'), b.id, 'Ben');

    expect(await copyCodingsToCode([one.id, two.id], b.id, { fromCodeIds: [a.id] })).toEqual({ copied: 1, skipped: 1 });
    const ofB = (await codingsIn(projectId)).filter((c) => c.codeId === b.id);
    expect(ofB.map((c) => c.exact).sort()).toEqual(['angry', 'tired']);
    expect(ofB.find((c) => c.exact === 'tired')!.id).not.toBe(one.id);
  });

  it('refuses a folder as the target', async () => {
    const { projectId, sourceId, text } = await projectWithSource(getDb());
    const a = await createCode({ projectId, name: 'A' });
    const folder = await createCode({ projectId, name: 'Topics' });
    await setCodeCodable(folder.id, false);
    const one = await applyCode(spanOf(sourceId, text, 'tired'), a.id, 'Ada');
    await expect(copyCodingsToCode([one.id], folder.id)).rejects.toThrow('“Topics” is a folder and cannot hold codings.');
  });
});

describe('folders', () => {
  it('makes an unused code a folder, which cannot be applied, and back', async () => {
    const { projectId, sourceId, text } = await projectWithSource(getDb());
    const topics = await createCode({ projectId, name: 'Topics' });
    await setCodeCodable(topics.id, false);
    expect((await getDb().codes.get(topics.id))!.isCodable).toBe(false);
    await expect(applyCode(spanOf(sourceId, text, 'tired'), topics.id, 'Ada')).rejects.toThrow('“Topics” is a folder');
    await setCodeCodable(topics.id, true);
    await expect(applyCode(spanOf(sourceId, text, 'tired'), topics.id, 'Ada')).resolves.toMatchObject({ codeId: topics.id });
  });

  it('refuses to make a folder of a code that holds codings', async () => {
    const { projectId, sourceId, text } = await projectWithSource(getDb());
    const code = await createCode({ projectId, name: 'Feelings' });
    await applyCode(spanOf(sourceId, text, 'tired'), code.id, 'Ada');
    await expect(setCodeCodable(code.id, false)).rejects.toThrow('“Feelings” has 1 coding; a folder cannot hold codings.');
  });
});

describe('definitions', () => {
  it('stores criteria, a memo and an example that must be one of the code’s own codings', async () => {
    const { projectId, sourceId, text } = await projectWithSource(getDb());
    const code = await createCode({ projectId, name: 'Fatigue', inclusion: ' Tiredness named. ' });
    const other = await createCode({ projectId, name: 'Other' });
    const mine = await applyCode(spanOf(sourceId, text, 'tired'), code.id, 'Ada');
    const theirs = await applyCode(spanOf(sourceId, text, 'angry'), other.id, 'Ada');
    expect(code.inclusion).toBe('Tiredness named.');
    await updateCode(code.id, { exclusion: 'Boredom.', memo: 'Ask about shifts.', exampleCodingId: mine.id });
    expect(await getDb().codes.get(code.id)).toMatchObject({ exclusion: 'Boredom.', memo: 'Ask about shifts.', exampleCodingId: mine.id });
    await expect(updateCode(code.id, { exampleCodingId: theirs.id })).rejects.toThrow('An example of “Fatigue” must be one of its own codings.');
    await updateCode(code.id, { exampleCodingId: null });
    expect((await getDb().codes.get(code.id))!.exampleCodingId).toBeNull();
  });
});

describe('code sets', () => {
  it('groups codes across the hierarchy and forgets deleted codes', async () => {
    const { projectId } = await projectWithSource(getDb());
    const a = await createCode({ projectId, name: 'A' });
    const b = await createCode({ projectId, name: 'B', parentId: a.id });
    const c = await createCode({ projectId, name: 'C' });
    const set = await createCodeSet(projectId, ' Round 2 codes ', [b.id]);
    await expect(createCodeSet(projectId, 'round 2 CODES')).rejects.toThrow('There is already a code set “round 2 CODES”.');
    await addCodesToCodeSet(set.id, [c.id, b.id]);
    expect((await getDb().codeSets.get(set.id))!.codeIds).toEqual([b.id, c.id]);
    await removeCodesFromCodeSet(set.id, [c.id]);
    await renameCodeSet(set.id, 'Second round');
    expect(await getDb().codeSets.get(set.id)).toMatchObject({ name: 'Second round', codeIds: [b.id] });
    await deleteCode(a.id); // takes B with it
    expect((await getDb().codeSets.get(set.id))!.codeIds).toEqual([]);
    await deleteCodeSet(set.id);
    expect(await getDb().codeSets.count()).toBe(0);
  });
});

describe('importing a codebook', () => {
  const csv = [
    'id,parent_id,path,name,description,color',
    '11111111-1111-4111-8111-111111111111,,Access,Access,Getting to services,#1f77b4',
    '22222222-2222-4222-8222-222222222222,11111111-1111-4111-8111-111111111111,Access > Transport,Transport,Buses,#ff7f0e',
    '33333333-3333-4333-8333-333333333333,44444444-4444-4444-8444-444444444444,Loop > A,Loop A,,#2ca02c',
    '44444444-4444-4444-8444-444444444444,33333333-3333-4333-8333-333333333333,Loop > B,Loop B,,#d62728',
    '77777777-7777-4777-8777-777777777777,,Cost,Cost,Money,blue-ish',
  ].join('\r\n');

  it('previews without writing, then imports the valid rows only', async () => {
    const { projectId } = await projectWithSource(getDb());
    const plan = await previewCodebookImport(projectId, { kind: 'csv', text: csv });
    expect(plan.summary).toEqual({ create: 3, match: 0, skip: 2 });
    expect(await getDb().codes.count()).toBe(0);
    expect(await importCodebook(projectId, { kind: 'csv', text: csv }, plan.summary)).toEqual({ created: 3, updated: 0, skipped: 2, sets: 0 });
    expect(await shape(projectId)).toEqual(['1:Access', '2:Transport', '1:Cost']);
    // The same file again matches every code by id and creates nothing.
    const again = await previewCodebookImport(projectId, { kind: 'csv', text: csv });
    expect(again.summary).toEqual({ create: 0, match: 3, skip: 2 });
  });

  it('refuses when the codebook changed since the preview, and writes nothing', async () => {
    const { projectId } = await projectWithSource(getDb());
    const plan = await previewCodebookImport(projectId, { kind: 'csv', text: csv });
    await createCode({ projectId, name: 'Access' }); // the file's Access now matches by path
    await expect(importCodebook(projectId, { kind: 'csv', text: csv }, plan.summary)).rejects.toThrow('The codebook changed');
    expect(await shape(projectId)).toEqual(['1:Access']);
  });

  it('writes all or nothing', async () => {
    const { projectId } = await projectWithSource(getDb());
    const plan = await previewCodebookImport(projectId, { kind: 'csv', text: csv });
    vi.spyOn(getDb().history, 'add').mockRejectedValue(new Error('quota exceeded'));
    await expect(importCodebook(projectId, { kind: 'csv', text: csv }, plan.summary)).rejects.toThrow('quota exceeded');
    vi.restoreAllMocks();
    expect(await getDb().codes.count()).toBe(0);
  });
});
