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
import { codingsOfProject } from '../../../renderer/src/db/codingsRepository';

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

describe('earlier work of the legacy coder "me"', () => {
  it('becomes the coder\'s when they say who is coding: every project, one undoable step each', async () => {
    // Work from before coders existed: codings and a memo carry "me" and there is no coder record.
    const a = await project('A');
    await applyCode(a.at('pay was late'), a.code.id, 'me');
    await applyCode(a.at('union helped'), a.code.id, 'me');
    await createMemo({ projectId: a.projectId, targetKind: 'project', targetId: a.projectId, body: 'early notes', author: 'me' });
    const b = await project('B');
    await applyCode(b.at('union helped'), b.code.id, 'me');
    expect(await db.coders.count()).toBe(0);

    startCoderSession('ann.smith');
    useUiStore.getState().openProject(a.projectId);
    const annInA = useUiStore.getState().coder;
    await answerWhoIsCoding('Ann Smith');

    expect((await codingsOfProject(a.projectId)).map((c) => c.coder)).toEqual([annInA, annInA]);
    expect((await db.memos.where('projectId').equals(a.projectId).toArray()).map((m) => m.author)).toEqual([annInA]);
    expect((await db.coders.get(annInA))?.name).toBe('Ann Smith');
    const step = await lastStep(a.projectId);
    expect(step.label).toBe('Attribute earlier work to Ann Smith');
    expect(useUiStore.getState().notices.at(-1)?.text).toBe('Your earlier work here (2 codings and 1 memo) is now attributed to Ann Smith.');
    // The other project's earlier work is hers too, under her coder id there.
    const annInB = coderIdIn(b.projectId);
    expect((await codingsOfProject(b.projectId)).map((c) => c.coder)).toEqual([annInB]);
    expect((await db.coders.get(annInB))?.name).toBe('Ann Smith');

    // One undo takes the whole attribution back.
    await undo(a.projectId);
    expect((await codingsOfProject(a.projectId)).map((c) => c.coder)).toEqual(['me', 'me']);
    expect((await db.memos.where('projectId').equals(a.projectId).toArray()).map((m) => m.author)).toEqual(['me']);
    expect(await db.coders.get(annInA)).toBeUndefined();
  });

  it('leaves "me" alone where it is a real coder of the project (a record, as a project file gives it)', async () => {
    const p = await project('From a file');
    await db.coders.add({ id: 'me', projectId: p.projectId, name: 'me', color: '#000000' });
    await applyCode(p.at('pay was late'), p.code.id, 'me');
    const steps = await db.history.where('projectId').equals(p.projectId).count();
    startCoderSession('Ann');
    useUiStore.getState().openProject(p.projectId);
    await answerWhoIsCoding('Ann');
    expect((await codingsOfProject(p.projectId)).map((c) => c.coder)).toEqual(['me']);
    expect(await db.history.where('projectId').equals(p.projectId).count()).toBe(steps);
  });
});
