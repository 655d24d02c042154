// Case types through the one door: set on cases (several at once) and on attributes, normalised
// ("Respondent" typed by hand is the built-in type), cleared by a blank, each one undoable step.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { createAttribute, createCase, setAttributeCaseType, setCaseType } from '../../../renderer/src/db/operations/cases';
import { undo, undoRedoState } from '../../../renderer/src/db/operations/history';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
let projectId: string;
beforeEach(async () => {
  db = freshDb();
  projectId = (await createProject('Harbour study')).id;
});

describe('case types', () => {
  it('sets the type of several cases in one undoable step, normalising what is typed', async () => {
    const a = await createCase(projectId, 'Aiko');
    const b = await createCase(projectId, 'Ben');
    await setCaseType([a.id, b.id], '  Respondent ');
    expect((await db.cases.bulkGet([a.id, b.id])).map((c) => c?.type)).toEqual(['respondent', 'respondent']);
    expect((await undoRedoState(projectId)).undo).toBe('Set the type of 2 cases to Respondent');
    await setCaseType([a.id], 'harbour  master');
    expect((await db.cases.get(a.id))?.type).toBe('harbour master');
    await setCaseType([a.id], '');
    expect((await db.cases.get(a.id))?.type).toBeUndefined();
    await undo(projectId);
    expect((await db.cases.get(a.id))?.type).toBe('harbour master');
  });

  it('says which type an attribute describes, and a blank makes it describe every type', async () => {
    const age = await createAttribute({ projectId, name: 'age', type: 'number' });
    await setAttributeCaseType(age.id, 'organisation');
    expect((await db.attributeDefinitions.get(age.id))?.caseType).toBe('organisation');
    expect((await undoRedoState(projectId)).undo).toBe('Attribute age describes Organisation');
    await setAttributeCaseType(age.id, ' ');
    expect((await db.attributeDefinitions.get(age.id))?.caseType).toBeUndefined();
    await expect(setAttributeCaseType('gone', 'commenter')).rejects.toThrow('no longer exists');
  });
});
