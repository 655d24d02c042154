// A save or a backup reads the project in short slices (so a coding made meanwhile is not held
// back): the slices must add up to exactly what one transaction reads, and a step that lands
// between two slices must never leave a snapshot that is half before it and half after it.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { comparable } from '../support/projectSnapshot';
import { addCodings, addFoldedCodings } from '../support/storeCodings';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { commit } from '../../../renderer/src/db/operations/commit';
import { readProject } from '../../../renderer/src/db/readProject';
import { readProjectInSlices, SOURCES_PER_SLICE } from '../../../renderer/src/db/readProjectInSlices';
import { ChangeSetBuilder } from '../../../shared/model/changeSetBuilder';
import type { Coding } from '../../../shared/model/types';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

const T = '2025-01-01T00:00:00.000Z';
const SOURCES = SOURCES_PER_SLICE * 2 + 3;

function coding(projectId: string, sourceId: string, n: number): Coding {
  return { id: `${sourceId}-c${n}`, projectId, sourceId, codeId: 'code-1', start: n, end: n + 3, exact: 'abc', prefix: '', suffix: '', coder: 'me', createdAt: T };
}

async function bigishProject(): Promise<string> {
  const { id: p } = await createProject('Slices');
  const set = new ChangeSetBuilder().add('codes', { id: 'code-1', projectId: p, parentId: null, name: 'A', description: '', color: '#aa0000', order: 1, createdAt: T });
  for (let i = 0; i < SOURCES; i++) {
    const id = `src-${String(i).padStart(3, '0')}`;
    set.add('sources', { id, projectId: p, name: `${id}.txt`, length: 20, encoding: 'UTF-8', byteSize: 20, importedAt: T, order: i });
    set.add('sourceTexts', { sourceId: id, projectId: p, text: `text of ${id} here..` });
  }
  set.add('memos', { id: 'memo-1', projectId: p, targetKind: 'project', targetId: p, title: 'M', body: 'b', author: 'me', createdAt: T, updatedAt: T });
  await commit(p, 'Fill', () => set.build());
  // Codings in both layouts: folded columns in most sources, recent rows in a few.
  await addFoldedCodings(Array.from({ length: SOURCES - 5 }, (_, i) => [0, 1, 2].map((n) => coding(p, `src-${String(i).padStart(3, '0')}`, n))).flat());
  await addCodings([coding(p, 'src-000', 9), coding(p, `src-${String(SOURCES - 1).padStart(3, '0')}`, 9)]);
  return p;
}

describe('reading a project in slices', () => {
  it('gives exactly what one transaction gives, across several slices and both coding layouts', async () => {
    const p = await bigishProject();
    expect(await db.codings.count()).toBeGreaterThan(0);
    expect(await db.sourceCodings.count()).toBeGreaterThan(SOURCES_PER_SLICE);
    const sliced = await readProjectInSlices(p);
    expect(sliced.codings).toHaveLength((SOURCES - 5) * 3 + 2);
    expect(comparable(sliced)).toEqual(comparable(await readProject(p)));
  });

  it('never mixes the project before and after a step that lands while it reads', async () => {
    const p = await bigishProject();
    const before = comparable(await readProject(p));
    const late = [coding(p, 'src-000', 20), coding(p, `src-${String(SOURCES - 1).padStart(3, '0')}`, 20)];
    // Started together: the step's transaction runs between two of the slices.
    const [sliced] = await Promise.all([readProjectInSlices(p), addCodings(late)]);
    const after = comparable(await readProject(p));
    expect(after.codings).toHaveLength(before.codings.length + 2);
    const got = comparable(sliced);
    got.project.updatedAt = '';
    expect([before, after]).toContainEqual(got);
  });
});
