// The merge as the page drives it, on this thread (jsdom has no Worker): a file's bytes planned
// with progress up to the preview, nothing written before commit, one step after; a damaged file
// is refused with its reason and changes nothing; and the preview's rows and the notice's words.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { importDocument } from '../../../renderer/src/db/operations/imports';
import { createCode } from '../../../renderer/src/db/operations/codes';
import { applyCode } from '../../../renderer/src/db/operations/codings';
import { readProject } from '../../../renderer/src/db/readProject';
import { startMerge } from '../../../renderer/src/features/merge/mergeSession';
import { describeAdded, mergeReportRows } from '../../../renderer/src/features/merge/mergeReportRows';
import { writeQdpx } from '../../../shared/refi/qdpxWrite';
import { emptyReport } from '../../../shared/merge/mergeReport';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

const TEXT = 'The pay was late again. The union helped a little.';

async function twoProjects() {
  const make = async (name: string) => {
    const { id: projectId } = await createProject(name);
    const sourceId = await importDocument(projectId, { name: 'a.txt', text: TEXT, encoding: 'UTF-8', byteSize: TEXT.length, format: 'text' });
    const code = await createCode({ projectId, name: 'Pay' });
    return { projectId, sourceId, code };
  };
  const ours = await make('Ours');
  const theirs = await make('Theirs');
  await applyCode({ sourceId: theirs.sourceId, start: 4, end: 12 }, theirs.code.id, 'ben');
  return { ours, theirsBytes: writeQdpx(await readProject(theirs.projectId)) };
}

describe('startMerge (on this thread)', () => {
  it('plans with progress, writes nothing before commit, then one step', async () => {
    const { ours, theirsBytes } = await twoProjects();
    const fractions: number[] = [];
    const session = startMerge(ours.projectId, 'theirs.qdpx', theirsBytes, (f) => fractions.push(f));
    const summary = await session.planned;
    expect(summary.empty).toBe(false);
    expect(summary.report.counts.codings.added).toBe(1);
    expect(summary.report.counts.sources.matched).toBe(1);
    expect(fractions.at(-1)).toBe(1);
    expect((await readProject(ours.projectId)).codings).toHaveLength(0);

    await session.commit();
    expect((await readProject(ours.projectId)).codings.map((c) => c.exact)).toEqual(['pay was ']);
    const steps = await db.history.where('projectId').equals(ours.projectId).sortBy('seq');
    expect(steps.at(-1)!.label).toBe('Merge project theirs.qdpx');
  });

  it('refuses a file that is not a project, changing nothing', async () => {
    const { ours } = await twoProjects();
    const before = await db.history.count();
    const session = startMerge(ours.projectId, 'notes.qdpx', new TextEncoder().encode('not a zip'), () => undefined);
    await expect(session.planned).rejects.toThrow(/./);
    await expect(session.commit()).rejects.toThrow(/choose the file again/);
    expect(await db.history.count()).toBe(before);
  });
});

describe('the preview in words', () => {
  it('lists only kinds the file had, and says what was added', () => {
    const report = emptyReport();
    report.counts.coders.added = 1;
    report.counts.codings = { added: 1250, matched: 3, updated: 0, conflicts: 0 };
    report.counts.sources.matched = 2;
    expect(mergeReportRows(report).map((r) => [r.label, r.added, r.matched])).toEqual([
      ['Coders', 1, 0],
      ['Sources', 0, 2],
      ['Codings', 1250, 3],
    ]);
    expect(describeAdded(report)).toBe('added 1 coder and 1,250 codings');
    expect(describeAdded(emptyReport())).toBeNull();
  });
});
