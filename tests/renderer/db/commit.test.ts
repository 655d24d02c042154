// The one door: a commit applies its change set, stamps the project and records the step with
// its inverse in one transaction; a set that no longer applies is refused with the reason; a
// failed commit leaves neither the change nor a step. readProject reads back exactly what was
// written, and the difference of two reads is exactly the committed change set.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { comparable, readComparable } from '../support/projectSnapshot';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { commit } from '../../../renderer/src/db/operations/commit';
import { stepChanges, stepInverse } from '../../../renderer/src/db/operations/history';
import { readProject } from '../../../renderer/src/db/readProject';
import { ChangeSetBuilder } from '../../../shared/model/changeSetBuilder';
import { invertChangeSet, type ChangeSet } from '../../../shared/model/changeSet';
import { diffSnapshots, emptySnapshot, type ProjectSnapshot } from '../../../shared/model/snapshot';
import type { Code, Coding, Source } from '../../../shared/model/types';
import { mergeCodes } from '../../../renderer/src/db/operations/codebook';
import { deleteCode } from '../../../renderer/src/db/operations/codes';
import { codingsOfProject } from '../../../renderer/src/db/codingsRepository';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

const TEXT = 'Tiring, and the pay was late again.';

function records(projectId: string) {
  const source: Source = { id: 's1', projectId, name: 'a.txt', length: TEXT.length, encoding: 'UTF-8', byteSize: TEXT.length, importedAt: '2025-01-01T00:00:00.000Z', order: 1 };
  const code = (id: string, name: string): Code => ({ id, projectId, parentId: null, name, description: '', color: '#aa0000', order: 1, createdAt: '2025-01-01T00:00:00.000Z' });
  const coding = (id: string, codeId: string, start: number, end: number): Coding => ({
    id, projectId, sourceId: 's1', codeId, start, end, exact: TEXT.slice(start, end), prefix: '', suffix: '', coder: 'me', createdAt: '2025-01-01T00:00:00.000Z',
  });
  return {
    source,
    text: { sourceId: 's1', projectId, text: TEXT },
    codes: [code('k1', 'Fatigue'), code('k2', 'Pay')],
    // More than fit as rows, so they are written into the source's columns.
    codings: Array.from({ length: 60 }, (_, i) => coding(`c${i}`, i % 2 ? 'k1' : 'k2', i % 10, 10 + i)),
    caseRecord: { id: 'case1', projectId, name: 'R', order: 1, createdAt: '2025-01-01T00:00:00.000Z' },
    attribute: { id: 'a1', projectId, name: 'age', type: 'number' as const, order: 1 },
    value: { projectId, caseId: 'case1', attributeId: 'a1', value: 42 },
    link: { id: 'l1', projectId, caseId: 'case1', sourceId: 's1' },
    memo: { id: 'm1', projectId, targetKind: 'code' as const, targetId: 'k1', title: 'On fatigue', body: 'b', author: 'me', createdAt: '', updatedAt: '' },
    coder: { id: 'me', projectId, name: 'Me', color: '#000000' },
    saved: { id: 'q1', projectId, name: 'Fatigue and pay', type: 'query' as const, definition: { kind: 'and', a: { codeId: 'k1' }, b: { codeId: 'k2' } }, createdAt: '', updatedAt: '' },
  };
}

function addAll(r: ReturnType<typeof records>): ChangeSet {
  return new ChangeSetBuilder()
    .add('sources', r.source)
    .add('sourceTexts', r.text)
    .add('codes', ...r.codes)
    .add('codings', ...r.codings)
    .add('cases', r.caseRecord)
    .add('attributes', r.attribute)
    .add('caseValues', r.value)
    .add('caseLinks', r.link)
    .add('memos', r.memo)
    .add('coders', r.coder)
    .add('savedQueries', r.saved)
    .build();
}

describe('commit', () => {
  it('applies a change set, stamps the project and records the step with its inverse', async () => {
    const project = await createProject('Study');
    const r = records(project.id);
    const changes = addAll(r);
    await commit(project.id, 'Import everything', () => changes);
    const snapshot = await readProject(project.id);
    const expected: ProjectSnapshot = {
      ...emptySnapshot(snapshot.project),
      coders: [r.coder], sources: [r.source], sourceTexts: [r.text], codes: r.codes, cases: [r.caseRecord],
      attributes: [r.attribute], caseValues: [r.value], caseLinks: [r.link], codings: r.codings, memos: [r.memo], savedQueries: [r.saved],
    };
    expect(comparable(snapshot)).toEqual(comparable(expected));
    expect(snapshot.project.updatedAt > project.updatedAt || snapshot.project.updatedAt === project.updatedAt).toBe(true);
    const steps = await db.history.where('projectId').equals(project.id).toArray();
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ label: 'Import everything', seq: 1, undone: 0 });
    expect(stepChanges(steps[0]!)).toEqual(changes);
    expect(stepInverse(steps[0]!)).toEqual(invertChangeSet(changes));
  });

  it('refuses a set that no longer applies, says why, and changes nothing', async () => {
    const project = await createProject('Study');
    const r = records(project.id);
    await commit(project.id, 'Import', () => addAll(r));
    const before = await readComparable(project.id);
    const stale = new ChangeSetBuilder()
      .update('codes', { ...r.codes[0]!, name: 'Tired' }, { ...r.codes[0]!, name: 'Exhausted' })
      .add('memos', { ...r.memo, id: 'm2' })
      .build();
    await expect(commit(project.id, 'Rename', () => stale)).rejects.toThrow('The project has changed since this step: a code has changed since. Nothing was changed.');
    const again = new ChangeSetBuilder().add('codings', r.codings[3]!).build();
    await expect(commit(project.id, 'Again', () => again)).rejects.toThrow('a coding already exists');
    expect(await readComparable(project.id)).toEqual(before);
    expect(await db.history.where('projectId').equals(project.id).count()).toBe(1);
  });

  it('leaves neither the change nor a history step when a write fails part-way', async () => {
    const project = await createProject('Study');
    const r = records(project.id);
    await commit(project.id, 'Import', () => addAll(r));
    const before = await readComparable(project.id);
    vi.spyOn(db.codes, 'bulkDelete').mockRejectedValueOnce(new Error('disk full'));
    await expect(deleteCode('k1')).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(await readComparable(project.id)).toEqual(before);
    expect(await db.history.where('projectId').equals(project.id).count()).toBe(1);
  });

  it('reads back what was written, and two reads differ by exactly the committed change set', async () => {
    const project = await createProject('Study');
    const r = records(project.id);
    await commit(project.id, 'Import', () => addAll(r));
    const before = await readProject(project.id);
    await mergeCodes(['k2'], 'k1');
    const after = await readProject(project.id);
    const [step] = await db.history.where('projectId').equals(project.id).reverse().sortBy('seq');
    const diff = diffSnapshots({ ...before, project: after.project }, after);
    // Same records changed, in whatever order each side lists them.
    const normal = (set: ChangeSet) =>
      Object.fromEntries(
        Object.entries(set).map(([kind, c]) => [
          kind,
          {
            added: [...c!.added].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
            updated: [...c!.updated].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
            removed: [...c!.removed].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
          },
        ]),
      );
    expect(normal(diff)).toEqual(normal(stepChanges(step!)));
    expect((await codingsOfProject(project.id)).every((c) => c.codeId === 'k1')).toBe(true);
  });
});
