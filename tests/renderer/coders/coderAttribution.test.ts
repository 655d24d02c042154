// Who is coding, through the one door: a step is attributed to the current coder's id, their
// first coding or memo in a project adds their coder record in the same undoable step, and the
// coder session gives each project its own coder id, remembered per machine, not per project.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { importDocument } from '../../../renderer/src/db/operations/imports';
import { createCode } from '../../../renderer/src/db/operations/codes';
import { applyCode } from '../../../renderer/src/db/operations/codings';
import { createMemo } from '../../../renderer/src/db/operations/memos';
import { undo } from '../../../renderer/src/db/operations/history';
import { setCurrentCoderSource } from '../../../renderer/src/db/operations/currentCoder';
import { addCoderAndSwitch, answerWhoIsCoding, coderIdIn, startCoderSession, stopCoderSession, switchToCoder } from '../../../renderer/src/features/coders/coderSession';
import { CODER_PREFERENCE_KEY } from '../../../renderer/src/features/coders/coderPreference';
import { useUiStore } from '../../../renderer/src/stores/uiStore';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
  localStorage.clear();
  useUiStore.getState().openProject(null);
});
afterEach(() => {
  stopCoderSession();
  setCurrentCoderSource(null);
});

const TEXT = 'The pay was late again. The union helped a little.';

async function project(name = 'Harbour') {
  const { id: projectId } = await createProject(name);
  const sourceId = await importDocument(projectId, { name: 'a.txt', text: TEXT, encoding: 'UTF-8', byteSize: TEXT.length, format: 'text' });
  const code = await createCode({ projectId, name: 'Pay' });
  const at = (phrase: string) => ({ sourceId, start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });
  return { projectId, sourceId, code, at };
}

const lastStep = async (projectId: string) => (await db.history.where('projectId').equals(projectId).sortBy('seq')).at(-1)!;

describe('attribution through the one door', () => {
  it('attributes the step to the coder and adds their record with their first coding, undone with it', async () => {
    const p = await project();
    setCurrentCoderSource(() => ({ id: 'ann-1', name: 'Ann', color: '#4363d8' }));
    await applyCode(p.at('pay was late'), p.code.id, 'ann-1');
    expect((await lastStep(p.projectId)).coder).toBe('ann-1');
    expect(await db.coders.where('projectId').equals(p.projectId).toArray()).toEqual([{ id: 'ann-1', projectId: p.projectId, name: 'Ann', color: '#4363d8' }]);

    // The second coding adds no second record.
    await applyCode(p.at('union helped'), p.code.id, 'ann-1');
    expect(await db.coders.count()).toBe(1);

    await undo(p.projectId);
    expect(await db.coders.count()).toBe(1);
    await undo(p.projectId);
    expect(await db.coders.count()).toBe(0);
  });

  it('adds the record with a memo too, and not for work that names another coder', async () => {
    const p = await project();
    setCurrentCoderSource(() => ({ id: 'ann-1', name: 'Ann', color: '#4363d8' }));
    await applyCode(p.at('pay was late'), p.code.id, 'ben-2');
    expect(await db.coders.count()).toBe(0);
    await createMemo({ projectId: p.projectId, targetKind: 'project', targetId: p.projectId, body: 'first notes', author: 'ann-1' });
    expect((await db.coders.toArray()).map((c) => c.name)).toEqual(['Ann']);
  });

  it("keeps a second coder's coding of the same passage beside the first, and never doubles one coder's", async () => {
    const p = await project();
    const ann = await applyCode(p.at('pay was late'), p.code.id, 'ann-1');
    const ben = await applyCode(p.at('pay was late'), p.code.id, 'ben-2');
    expect(ben.id).not.toBe(ann.id);
    expect(ben.coder).toBe('ben-2');
    expect((await applyCode(p.at('pay was late'), p.code.id, 'ben-2')).id).toBe(ben.id);
  });

  it('falls back to the legacy coder "me" when nobody is coding (no session)', async () => {
    const p = await project();
    await applyCode(p.at('pay was late'), p.code.id, 'me');
    expect((await lastStep(p.projectId)).coder).toBe('me');
    expect(await db.coders.count()).toBe(0);
  });
});

describe('the coder session', () => {
  it('asks once per machine, with the suggestion, and remembers the answer across projects', async () => {
    startCoderSession('ann.smith');
    expect(useUiStore.getState()).toMatchObject({ coderName: 'ann.smith', coderAsked: false });
    const a = await project('A');
    useUiStore.getState().openProject(a.projectId);
    const idInA = useUiStore.getState().coder;
    expect(idInA).toBe(coderIdIn(a.projectId));
    await applyCode(a.at('pay was late'), a.code.id, idInA);
    await answerWhoIsCoding('Ann Smith');
    expect(useUiStore.getState()).toMatchObject({ coderName: 'Ann Smith', coderAsked: true });
    // The record made under the suggested name now carries the answer.
    expect((await db.coders.get(idInA))?.name).toBe('Ann Smith');

    // Another project: another coder id (one record per project), the same name.
    const b = await project('B');
    useUiStore.getState().openProject(b.projectId);
    const idInB = useUiStore.getState().coder;
    expect(idInB).not.toBe(idInA);
    await applyCode(b.at('union helped'), b.code.id, idInB);
    expect((await db.coders.get(idInB))?.name).toBe('Ann Smith');

    // A restart reads the machine's answer back: not asked again, same ids.
    stopCoderSession();
    startCoderSession('someone else');
    expect(useUiStore.getState()).toMatchObject({ coderName: 'Ann Smith', coderAsked: true, coder: idInB });
    expect(coderIdIn(a.projectId)).toBe(idInA);
    expect(JSON.parse(localStorage.getItem(CODER_PREFERENCE_KEY)!)).toMatchObject({ name: 'Ann Smith', asked: true });
  });

  it('switches to an added coder and back to an existing one', async () => {
    startCoderSession('Ann');
    await answerWhoIsCoding('Ann');
    const p = await project();
    useUiStore.getState().openProject(p.projectId);
    const ann = useUiStore.getState().coder;
    await applyCode(p.at('pay was late'), p.code.id, ann);
    const annRecord = (await db.coders.get(ann))!;

    const ben = await addCoderAndSwitch(p.projectId, 'Ben', [annRecord]);
    expect(ben.color).not.toBe(annRecord.color);
    expect(useUiStore.getState()).toMatchObject({ coder: ben.id, coderName: 'Ben' });
    await applyCode(p.at('union helped'), p.code.id, useUiStore.getState().coder);
    expect((await lastStep(p.projectId)).coder).toBe(ben.id);
    expect((await db.coders.where('projectId').equals(p.projectId).toArray()).map((c) => c.name).sort()).toEqual(['Ann', 'Ben']);

    switchToCoder(annRecord);
    expect(useUiStore.getState()).toMatchObject({ coder: ann, coderName: 'Ann' });
  });
});
