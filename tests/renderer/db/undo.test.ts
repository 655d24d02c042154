// Undo and redo of every kind of change: undoing a step gives back exactly the project as it was
// (read whole with readProject), redoing gives back exactly the project after the step; a step
// whose records moved under it is refused and changes nothing; the history is per project,
// bounded, discards the redo branch on a new step, and survives reopening the database.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { openDatabase, replaceDatabase } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { readComparable } from '../support/projectSnapshot';
import { createProject, renameProject } from '../../../renderer/src/db/operations/projects';
import { importDocument, importSurvey } from '../../../renderer/src/db/operations/imports';
import { createCode, deleteCode, updateCode } from '../../../renderer/src/db/operations/codes';
import { applyCode, codeInVivo, removeCoding } from '../../../renderer/src/db/operations/codings';
import { copyCodingsToCode, setCodeCodable, importCodebook, mergeCodes, previewCodebookImport, rearrangeCodes, splitCode } from '../../../renderer/src/db/operations/codebook';
import { addCodesToCodeSet, createCodeSet, deleteCodeSet, removeCodesFromCodeSet, renameCodeSet } from '../../../renderer/src/db/operations/codeSets';
import { createMemo, deleteMemo, updateMemo } from '../../../renderer/src/db/operations/memos';
import { createAttribute, createCase, deleteAttribute, deleteCases, linkCaseToSource, mergeCases, renameCase, setAttributeValue, unlinkCase } from '../../../renderer/src/db/operations/cases';
import { deleteSource, renameSource } from '../../../renderer/src/db/operations/sources';
import { commitSplit } from '../../../renderer/src/db/operations/split';
import { commit, HISTORY_LIMIT } from '../../../renderer/src/db/operations/commit';
import { redo, undo, undoRedoState } from '../../../renderer/src/db/operations/history';
import { codingsOfProject, foldRecentCodings } from '../../../renderer/src/db/codingsRepository';
import { linksOfSource } from '../../../renderer/src/db/caseRepository';
import { splitSpeakerTurns } from '../../../shared/import/split/speakerTurns';
import { ChangeSetBuilder } from '../../../shared/model/changeSetBuilder';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

const TEXT = 'I: How was the harbour?\nR: Tiring, and the pay was late again. The union helped a little.\nI: And the library?\nR: Quiet, a good place to read.\n';

/** A project with two sources, a small codebook, codings (some folded into columns), a memo, a case with a value. */
async function richProject() {
  const project = await createProject('Harbour study');
  const projectId = project.id;
  const sourceId = await importDocument(projectId, { name: 'interview.txt', text: TEXT, encoding: 'UTF-8', byteSize: TEXT.length, format: 'text' });
  const other = await importDocument(projectId, { name: 'notes.txt', text: 'The pay was late. The union helped.', encoding: 'UTF-8', byteSize: 36, format: 'text' });
  const work = await createCode({ projectId, name: 'Work' });
  const pay = await createCode({ projectId, name: 'Pay', parentId: work.id });
  const union = await createCode({ projectId, name: 'Union' });
  const at = (word: string) => ({ sourceId, start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length });
  const c1 = await applyCode(at('the pay was late'), pay.id, 'me');
  await applyCode(at('Tiring'), work.id, 'me');
  await applyCode(at('The union helped'), union.id, 'me');
  await applyCode({ sourceId: other, start: 4, end: 16 }, pay.id, 'me');
  await foldRecentCodings(sourceId); // some codings live in the columns, some as rows
  await applyCode(at('library'), work.id, 'me');
  await createMemo({ projectId, targetKind: 'coding', targetId: c1.id, body: 'late again', author: 'me' });
  await createMemo({ projectId, targetKind: 'code', targetId: union.id, body: 'unions', author: 'me' });
  const respondent = await createCase(projectId, 'R');
  const age = await createAttribute({ projectId, name: 'age', type: 'number' });
  await setAttributeValue(respondent.id, age.id, '42');
  await linkCaseToSource(respondent.id, sourceId);
  const set = await createCodeSet(projectId, 'Round 1', [pay.id, union.id]);
  return { projectId, sourceId, other, work, pay, union, c1, respondent, age, set, at };
}

type Rich = Awaited<ReturnType<typeof richProject>>;

/** Each operation kind, run on the rich project. */
const operations: Array<[string, (p: Rich) => Promise<unknown>]> = [
  ['apply a code', (p) => applyCode(p.at('good place'), p.union.id, 'me')],
  ['code in vivo', (p) => codeInVivo(p.at('a good place to read'), 'me')],
  ['remove a coding with its memo', (p) => removeCoding(p.c1.id, p.sourceId)],
  ['create a code', (p) => createCode({ projectId: p.projectId, name: 'Fatigue', parentId: p.work.id })],
  ['edit a code', (p) => updateCode(p.pay.id, { name: 'Wages', color: '#123456', exampleCodingId: p.c1.id })],
  ['delete a code with its subcodes, codings, memos and set membership', (p) => deleteCode(p.work.id)],
  ['move a code', (p) => rearrangeCodes(p.projectId, { kind: 'outdent', codeIds: [p.pay.id] })],
  ['merge codes', (p) => mergeCodes([p.union.id], p.pay.id)],
  ['split a code', (p) => splitCode({ codeId: p.pay.id, codingIds: [p.c1.id], name: 'Late pay' })],
  ['copy codings to a code', (p) => copyCodingsToCode([p.c1.id], p.union.id)],
  ['make a code a folder', async (p) => setCodeCodable((await createCode({ projectId: p.projectId, name: 'Folder' })).id, false)],
  ['import a codebook', async (p) => {
    const file = { kind: 'csv' as const, text: 'name,description\nHousing,Where people live\nWork,Paid work\n' };
    const preview = await previewCodebookImport(p.projectId, file);
    return importCodebook(p.projectId, file, preview.summary);
  }],
  ['create a code set', (p) => createCodeSet(p.projectId, 'Round 2', [p.work.id])],
  ['rename a code set', (p) => renameCodeSet(p.set.id, 'First round')],
  ['add codes to a set', (p) => addCodesToCodeSet(p.set.id, [p.work.id])],
  ['remove codes from a set', (p) => removeCodesFromCodeSet(p.set.id, [p.pay.id])],
  ['delete a code set', (p) => deleteCodeSet(p.set.id)],
  ['write a memo', (p) => createMemo({ projectId: p.projectId, targetKind: 'project', targetId: p.projectId, title: 'Journal', body: 'Day one', author: 'me' })],
  ['edit a memo', async () => updateMemo((await db.memos.toArray())[0]!.id, { body: 'edited' })],
  ['delete a memo', async (p) => deleteMemo((await db.memos.where('projectId').equals(p.projectId).toArray())[0]!.id)],
  ['import a document', (p) => importDocument(p.projectId, { name: 'more.txt', text: 'More text.', encoding: 'UTF-8', byteSize: 10, format: 'text' })],
  ['import a survey', (p) =>
    importSurvey(p.projectId, {
      name: 'survey.csv',
      byteSize: 100,
      format: 'csv',
      table: { columns: ['id', 'age', 'why'], rows: [['R', '42', 'Because.'], ['S', '37', 'No idea.']] },
      mapping: { idColumn: 'id', textColumns: ['why'], attributeColumns: [{ column: 'age', type: 'number' }], layout: 'source-per-question' },
    })],
  ['split a source into cases, coding each speaker', (p) => commitSplit(p.sourceId, splitSpeakerTurns(TEXT), { kind: 'speaker-turns', coder: 'me', autoCode: true })],
  ['delete a source with its codings, memos and links', (p) => deleteSource(p.sourceId)],
  ['rename a source', (p) => renameSource(p.other, 'field notes.txt')],
  ['create a case', (p) => createCase(p.projectId, 'S')],
  ['rename a case', (p) => renameCase(p.respondent.id, 'Respondent 1')],
  ['merge cases', async (p) => {
    const s = await createCase(p.projectId, 'S');
    await setAttributeValue(s.id, p.age.id, '37');
    await linkCaseToSource(s.id, p.other);
    await linkCaseToSource(s.id, p.sourceId);
    return mergeCases(p.respondent.id, [s.id]);
  }],
  ['delete a case with its values and links', (p) => deleteCases([p.respondent.id])],
  ['add an attribute', (p) => createAttribute({ projectId: p.projectId, name: 'group', type: 'category', categories: ['a', 'b'] })],
  ['delete an attribute with its values', (p) => deleteAttribute(p.age.id)],
  ['set a value', (p) => setAttributeValue(p.respondent.id, p.age.id, '43')],
  ['clear a value', (p) => setAttributeValue(p.respondent.id, p.age.id, '')],
  ['link a case to a source', (p) => linkCaseToSource(p.respondent.id, p.other)],
  ['unlink a case', async (p) => unlinkCase(p.sourceId, (await linksOfSource(p.sourceId))[0]!.id)],
  ['rename the project', (p) => renameProject(p.projectId, 'Harbour study, round 2')],
];

describe('undo and redo', () => {
  it.each(operations)('%s: undo restores the project exactly, redo restores the change exactly', async (_name, run) => {
    const p = await richProject();
    // Set-up steps that the operation itself does (merge cases makes a case first) are part of "before".
    const before = await readComparable(p.projectId);
    const steps = (await db.history.where('projectId').equals(p.projectId).count());
    await run(p);
    const after = await readComparable(p.projectId);
    expect(after).not.toEqual(before);
    const made = (await db.history.where('projectId').equals(p.projectId).count()) - steps;
    for (let i = 0; i < made; i++) expect(await undo(p.projectId)).not.toBeNull();
    expect(await readComparable(p.projectId)).toEqual(before);
    for (let i = 0; i < made; i++) expect(await redo(p.projectId)).not.toBeNull();
    expect(await readComparable(p.projectId)).toEqual(after);
  });

  it('names the next undo and redo, and a new step discards the redo branch', async () => {
    const p = await richProject();
    await applyCode(p.at('good place'), p.union.id, 'me');
    expect((await undoRedoState(p.projectId)).undo).toBe('Apply Union to 1 passage');
    await undo(p.projectId);
    expect(await undoRedoState(p.projectId)).toEqual({ undo: 'Create code set Round 1', redo: 'Apply Union to 1 passage' });
    await createCode({ projectId: p.projectId, name: 'Fatigue' });
    expect(await undoRedoState(p.projectId)).toEqual({ undo: 'Create code Fatigue' });
    expect(await redo(p.projectId)).toBeNull();
  });

  it('refuses an undo whose records moved under it, with the reason, and changes nothing', async () => {
    const p = await richProject();
    const coding = await applyCode(p.at('good place'), p.union.id, 'me');
    // Another window recodes the coding without this history knowing.
    await commit(p.projectId, 'elsewhere', () => new ChangeSetBuilder().update('codings', coding, { ...coding, codeId: p.work.id }).build(), { history: false });
    const moved = await readComparable(p.projectId);
    await expect(undo(p.projectId)).rejects.toThrow('The project has changed since this step: a coding has changed since. Nothing was changed.');
    expect(await readComparable(p.projectId)).toEqual(moved);
    expect((await undoRedoState(p.projectId)).undo).toBe('Apply Union to 1 passage');
  });

  it('undoes the split itself, not the coding made after it', async () => {
    const p = await richProject();
    await commitSplit(p.sourceId, splitSpeakerTurns(TEXT), { kind: 'speaker-turns', coder: 'me', autoCode: true });
    const afterSplit = await readComparable(p.projectId);
    await applyCode(p.at('Quiet'), p.union.id, 'me');
    await undo(p.projectId); // the coding
    expect(await readComparable(p.projectId)).toEqual(afterSplit);
    expect(await undo(p.projectId)).toMatch(/^Split interview.txt into/);
    expect((await db.cases.toArray()).map((c) => c.name)).toEqual(['R']);
  });

  it(`keeps the last ${HISTORY_LIMIT} steps of a project`, async () => {
    const project = await createProject('Long');
    const other = await createProject('Other');
    await createCode({ projectId: other.id, name: 'Kept' });
    for (let i = 0; i < HISTORY_LIMIT + 3; i++) {
      const memo = { id: `m${i}`, projectId: project.id, targetKind: 'project' as const, targetId: project.id, title: `${i}`, body: '', author: 'me', createdAt: '', updatedAt: '' };
      await commit(project.id, `Step ${i}`, () => new ChangeSetBuilder().add('memos', memo).build());
    }
    expect(await db.history.where('projectId').equals(project.id).count()).toBe(HISTORY_LIMIT);
    expect(await db.history.where('projectId').equals(other.id).count()).toBe(1);
    for (let i = 0; i < HISTORY_LIMIT; i++) await undo(project.id);
    expect(await undo(project.id)).toBeNull();
    expect((await db.memos.toArray()).map((m) => m.title).sort()).toEqual(['0', '1', '2']);
  });

  it('survives closing and reopening the database', async () => {
    const p = await richProject();
    await deleteCode(p.work.id);
    const name = db.name;
    db.close();
    const reopened = openDatabase(name);
    replaceDatabase(reopened);
    expect((await undoRedoState(p.projectId)).undo).toBe('Delete code Work and its 4 codings');
    await undo(p.projectId);
    expect((await codingsOfProject(p.projectId)).length).toBe(5);
    await redo(p.projectId);
    expect((await codingsOfProject(p.projectId)).length).toBe(1);
    reopened.close();
    replaceDatabase(db);
    await db.open();
  });
});
