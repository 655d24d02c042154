// "Merge project" over the database: a colleague's copy of the project, coded further by another
// coder and written as a .qdpx, merges in as one undoable step that adds their coder and codings
// beside ours; merging the same file again changes nothing; undo takes the merge back; a file
// whose ids another project here already uses still merges (those ids get fresh ones).
import { beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { readComparable } from '../support/projectSnapshot';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { importDocument } from '../../../renderer/src/db/operations/imports';
import { createCode } from '../../../renderer/src/db/operations/codes';
import { applyCode } from '../../../renderer/src/db/operations/codings';
import { undo } from '../../../renderer/src/db/operations/history';
import { commitProjectMerge, planProjectMerge, readMergeTarget } from '../../../renderer/src/db/operations/mergeProject';
import { readSourceOriginal } from '../../../renderer/src/db/operations/sources';
import { storeOpenedProject } from '../../../renderer/src/db/operations/projectFiles';
import { readProject } from '../../../renderer/src/db/readProject';
import { writeQdpx } from '../../../shared/refi/qdpxWrite';
import { readQdpx } from '../../../shared/refi/qdpxRead';
import { isEmptyChangeSet } from '../../../shared/model/changeSet';
import type { ProjectSnapshot } from '../../../shared/model/snapshot';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

const TEXT = 'I: How was the harbour?\nR: Tiring, and the pay was late again. The union helped a little.\n';
const at = (sourceId: string, phrase: string) => ({ sourceId, start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });

/** Ann's project in the database, with two codings. */
async function annsProject() {
  const { id: projectId } = await createProject('Harbour');
  const sourceId = await importDocument(projectId, { name: 'interview.txt', text: TEXT, encoding: 'UTF-8', byteSize: TEXT.length, format: 'text' });
  const pay = await createCode({ projectId, name: 'Pay' });
  const union = await createCode({ projectId, name: 'Union' });
  await db.coders.add({ id: 'a0a0a0a0-0000-4000-8000-00000000000a', projectId, name: 'Ann', color: '#4363d8' });
  await applyCode(at(sourceId, 'pay was late'), pay.id, 'a0a0a0a0-0000-4000-8000-00000000000a');
  await applyCode(at(sourceId, 'union helped'), union.id, 'a0a0a0a0-0000-4000-8000-00000000000a');
  return { projectId, sourceId, pay, union };
}

/** Ben's copy: Ann's project as a file, plus Ben and two codings of his (one the same passage as Ann's). */
function bensFile(ann: ProjectSnapshot, sourceId: string, payId: string): { bytes: Uint8Array; snapshot: ProjectSnapshot } {
  const ben = { id: 'b0b0b0b0-0000-4000-8000-00000000000b', projectId: ann.project.id, name: 'Ben', color: '#3cb44b' };
  const coding = (id: string, phrase: string) => {
    const { start, end } = at(sourceId, phrase);
    return { id, projectId: ann.project.id, sourceId, codeId: payId, start, end, exact: TEXT.slice(start, end), prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32), coder: ben.id, createdAt: '2026-01-02T00:00:00.000Z' };
  };
  const snapshot: ProjectSnapshot = {
    ...ann,
    coders: [...ann.coders, ben],
    codings: [...ann.codings, coding('c0c0c0c0-0000-4000-8000-000000000001', 'pay was late'), coding('c0c0c0c0-0000-4000-8000-000000000002', 'Tiring')],
  };
  return { bytes: writeQdpx(snapshot), snapshot };
}

const theirsOf = (bytes: Uint8Array) => readQdpx(bytes, { newId: () => crypto.randomUUID() }).snapshot;

describe('planProjectMerge and commitProjectMerge', () => {
  it("adds the other coder and their codings beside ours as one step, then nothing the second time; undo takes it back", async () => {
    const p = await annsProject();
    const before = await readComparable(p.projectId);
    const { bytes } = bensFile(await readProject(p.projectId), p.sourceId, p.pay.id);

    const progress: number[] = [];
    const plan = await planProjectMerge(p.projectId, theirsOf(bytes), (fraction) => progress.push(fraction));
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(plan.report.counts.coders).toMatchObject({ added: 1, matched: 1 });
    expect(plan.report.counts.codings).toMatchObject({ added: 2, matched: 2 });
    expect(plan.report.counts.sources).toMatchObject({ added: 0, matched: 1, conflicts: 0 });

    const stepsBefore = await db.history.where('projectId').equals(p.projectId).count();
    await commitProjectMerge(plan, 'Harbour (Ben).qdpx');
    const merged = await readProject(p.projectId);
    expect(merged.codings).toHaveLength(4);
    expect(merged.codings.filter((c) => c.coder === 'b0b0b0b0-0000-4000-8000-00000000000b').map((c) => c.exact).sort()).toEqual(['Tiring', 'pay was late']);
    expect(merged.coders.map((c) => c.name).sort()).toEqual(['Ann', 'Ben']);
    const steps = await db.history.where('projectId').equals(p.projectId).sortBy('seq');
    expect(steps).toHaveLength(stepsBefore + 1);
    expect(steps.at(-1)!.label).toBe('Merge project Harbour (Ben).qdpx');

    // The same file again: nothing to add, no step.
    const again = await planProjectMerge(p.projectId, theirsOf(bytes));
    expect(isEmptyChangeSet(again.changes)).toBe(true);
    expect(again.report.counts.codings).toMatchObject({ added: 0, matched: 4 });
    await commitProjectMerge(again, 'Harbour (Ben).qdpx');
    expect(await db.history.where('projectId').equals(p.projectId).count()).toBe(stepsBefore + 1);

    await undo(p.projectId);
    expect(await readComparable(p.projectId)).toEqual(before);
  });

  it('reports a source whose text differs under the same name, and adds it beside ours instead of re-anchoring', async () => {
    const p = await annsProject();
    const ours = await readProject(p.projectId);
    const changed = TEXT.replace('Tiring', 'Exhausting');
    const theirs: ProjectSnapshot = {
      ...ours,
      sourceTexts: ours.sourceTexts.map((t) => ({ ...t, text: changed })),
      sources: ours.sources.map((s) => ({ ...s, length: changed.length })),
      codings: [],
    };
    const plan = await planProjectMerge(p.projectId, theirsOf(writeQdpx(theirs)));
    expect(plan.report.conflicts.map((c) => c.kind)).toContain('sources');
    expect(plan.report.conflicts.find((c) => c.kind === 'sources')!.label).toBe('interview.txt');
    await commitProjectMerge(plan, 'changed.qdpx');
    const texts = (await readProject(p.projectId)).sourceTexts.map((t) => t.text).sort();
    expect(texts).toEqual([TEXT, changed].sort());
  });

  it('merges a file whose ids another project of this database already uses, giving those fresh ids', async () => {
    const p = await annsProject();
    const { bytes, snapshot } = bensFile(await readProject(p.projectId), p.sourceId, p.pay.id);
    // Ben's file was once opened here as a project of its own: its ids are taken by that copy.
    // (Opening remaps what clashes with Ann's project; Ben's coder and codings keep the file's ids.)
    const copy = await storeOpenedProject(theirsOf(bytes));
    expect(await db.coders.get('b0b0b0b0-0000-4000-8000-00000000000b')).toMatchObject({ projectId: copy.projectId });

    const plan = await planProjectMerge(p.projectId, theirsOf(bytes));
    await commitProjectMerge(plan, 'Ben.qdpx');
    const merged = await readProject(p.projectId);
    const ben = merged.coders.find((c) => c.name === 'Ben')!;
    expect(ben.id).not.toBe('b0b0b0b0-0000-4000-8000-00000000000b');
    expect(merged.codings.filter((c) => c.coder === ben.id)).toHaveLength(2);
    expect(merged.codings).toHaveLength(snapshot.codings.length);
    // The copy is untouched.
    expect((await readProject(copy.projectId)).codings).toHaveLength(snapshot.codings.length);
  });

  it('plans against the project as it is when the file arrives, even when it was read ahead and changed since', async () => {
    const p = await annsProject();
    const { bytes } = bensFile(await readProject(p.projectId), p.sourceId, p.pay.id);
    // Read ahead (the merge worker does while the file is being chosen); meanwhile Ben's file is
    // merged (another window): planning it again must find everything already here.
    const ahead = readMergeTarget(p.projectId);
    await ahead;
    await commitProjectMerge(await planProjectMerge(p.projectId, theirsOf(bytes)), 'Ben.qdpx');

    const plan = await planProjectMerge(p.projectId, theirsOf(bytes), undefined, ahead);
    expect(isEmptyChangeSet(plan.changes)).toBe(true);
    expect(plan.report.counts.codings).toMatchObject({ added: 0, matched: 4 });
  });

  it('keeps every coding whole: the plan compares codings without their quotes, and writes only theirs', async () => {
    const p = await annsProject();
    const { bytes } = bensFile(await readProject(p.projectId), p.sourceId, p.pay.id);
    await commitProjectMerge(await planProjectMerge(p.projectId, theirsOf(bytes), undefined, readMergeTarget(p.projectId)), 'Ben.qdpx');
    const merged = await readProject(p.projectId);
    expect(merged.codings).toHaveLength(4);
    expect(merged.codings.every((c) => c.exact === TEXT.slice(c.start, c.end) && c.prefix !== '' && c.createdAt !== '')).toBe(true);
  });

  it("brings the original file of a source it adds from their file, and Undo takes both back", async () => {
    const p = await annsProject();
    // Ben imported a Word document of his own (with its original file) before saving his copy.
    const { id: bensProjectId } = await createProject('Harbour (Ben)');
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0x80]);
    const minutes = 'The chair said the night boat is a lifeline.';
    await importDocument(bensProjectId, { name: 'Minutes.docx', text: minutes, encoding: 'Word', byteSize: docx.byteLength, format: 'docx', original: docx });
    const bens = await readProject(bensProjectId, { originals: true });
    const ours = await readProject(p.projectId);
    const file = writeQdpx({ ...ours, sources: [...ours.sources, ...bens.sources], sourceTexts: [...ours.sourceTexts, ...bens.sourceTexts], sourceOriginals: bens.sourceOriginals });
    const theirs = theirsOf(file);
    expect(theirs.sourceOriginals).toHaveLength(1);

    const plan = await planProjectMerge(p.projectId, theirs);
    expect(plan.report.counts.sources).toMatchObject({ added: 1, matched: 1 });
    await commitProjectMerge(plan, 'Harbour (Ben).qdpx');
    const merged = await readProject(p.projectId, { originals: true });
    const added = merged.sources.find((s) => s.name === 'Minutes.docx')!;
    expect(merged.sourceOriginals).toHaveLength(1);
    expect(merged.sourceOriginals![0]).toMatchObject({ sourceId: added.id, projectId: p.projectId, extension: 'docx' });
    expect([...(await readSourceOriginal(added.id))!.bytes]).toEqual([...docx]);

    // Merging the same file again changes nothing; Undo takes the source and its original back.
    expect(isEmptyChangeSet((await planProjectMerge(p.projectId, theirsOf(file))).changes)).toBe(true);
    await undo(p.projectId);
    expect((await readProject(p.projectId, { originals: true })).sourceOriginals).toBeUndefined();
  });
});
