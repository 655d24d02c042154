// Big steps through the one door, as "Auto-code…" (thousands of codings, a few per source) and
// "Merge project" (tens of thousands, many per source) make them,
// and a step that recodes and removes thousands: each commit writes exactly its change set, undo
// gives back exactly the project before it, redo exactly the project after; a big step whose
// records moved under it is refused and changes nothing; steps stored by earlier versions (their
// inverse stored beside them, codings as objects) still undo and redo.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { readComparable } from '../support/projectSnapshot';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { commit } from '../../../renderer/src/db/operations/commit';
import { redo, stepChanges, undo, undoRedoState } from '../../../renderer/src/db/operations/history';
import { codingsOfProject, codingsOfSource, countRecentCodings } from '../../../renderer/src/db/codingsRepository';
import { ChangeSetBuilder } from '../../../shared/model/changeSetBuilder';
import { invertChangeSet, type ChangeSet } from '../../../shared/model/changeSet';
import type { Code, Coding, Source } from '../../../shared/model/types';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

const SOURCES = 250;
const PER_SOURCE = 80; // 20,000 codings, more per source than are kept as rows
const TEXT = 'Tiring, and the pay was late again. The union helped a little. '.repeat(40);
const WHEN = '2025-01-01T00:00:00.000Z';

function coding(projectId: string, id: string, sourceId: string, codeId: string, start: number, coder = 'me'): Coding {
  const end = start + 5 + (start % 7);
  return {
    id, projectId, sourceId, codeId, start, end,
    exact: TEXT.slice(start, end), prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32),
    coder, createdAt: WHEN,
  };
}

/** A project of 250 sources, 3 codes and 20,000 codings (in the sources' columns). */
async function bigProject() {
  const project = await createProject('Big');
  const projectId = project.id;
  const sources: Source[] = Array.from({ length: SOURCES }, (_, i) => ({
    id: `s${i}`, projectId, name: `${i}.txt`, length: TEXT.length, encoding: 'UTF-8', byteSize: TEXT.length, importedAt: WHEN, order: i + 1,
  }));
  const code = (id: string, name: string, order: number): Code => ({ id, projectId, parentId: null, name, description: '', color: '#aa0000', order, createdAt: WHEN });
  const codes = [code('k1', 'Fatigue', 1), code('k2', 'Pay', 2), code('k3', 'Union', 3)];
  const codings = sources.flatMap((s, i) =>
    Array.from({ length: PER_SOURCE }, (_, j) => coding(projectId, `c${i}-${j}`, s.id, j % 2 ? 'k1' : 'k2', (j * 29) % (TEXT.length - 50))),
  );
  await commit(projectId, 'Import', () =>
    new ChangeSetBuilder()
      .add('sources', ...sources)
      .add('sourceTexts', ...sources.map((s) => ({ sourceId: s.id, projectId, text: TEXT })))
      .add('codes', ...codes)
      .add('codings', ...codings)
      .build(),
  );
  return { projectId, sources, codings };
}

/** Commits `changes`, then checks undo, redo and undo again each give back exactly the project they should. */
async function roundTrip(projectId: string, label: string, changes: ChangeSet) {
  const before = await readComparable(projectId);
  await commit(projectId, label, () => changes);
  const after = await readComparable(projectId);
  expect(after).not.toEqual(before);
  const [step] = await db.history.where('projectId').equals(projectId).reverse().sortBy('seq');
  expect(stepChanges(step!)).toEqual(changes);
  expect(await undo(projectId)).toBe(label);
  expect(await readComparable(projectId)).toEqual(before);
  expect(await redo(projectId)).toBe(label);
  expect(await readComparable(projectId)).toEqual(after);
  expect(await undo(projectId)).toBe(label);
  expect(await readComparable(projectId)).toEqual(before);
  return { before, after };
}

// Tens of thousands of codings through fake IndexedDB: seconds each on a loaded machine.
describe('big steps', { timeout: 120_000 }, () => {
  it('auto-codes 2,500 passages spread over 250 sources in one step, undone and redone exactly', async () => {
    const p = await bigProject();
    const added = p.sources.flatMap((s, i) => Array.from({ length: 10 }, (_, j) => coding(p.projectId, `auto${i}-${j}`, s.id, 'k3', 7 + j * 101)));
    const { after } = await roundTrip(p.projectId, 'Auto-code 2,500 passages with Union', { codings: { added, updated: [], removed: [] } });
    expect(after.codings).toHaveLength(22_500);
    expect(after.codings.filter((c) => c.codeId === 'k3')).toHaveLength(2_500);
    // Undone: no coding of the step is left behind in either layout.
    expect((await codingsOfProject(p.projectId)).some((c) => c.codeId === 'k3')).toBe(false);
    expect(await countRecentCodings('s0')).toBe(0);
  });

  it('merges 20,000 codings of another coder (a colleague’s copy) in one step, undone and redone exactly', async () => {
    const p = await bigProject();
    const colleague = { id: 'ben', projectId: p.projectId, name: 'Ben', color: '#117733' };
    const theirs = p.codings.map((c) => ({ ...c, id: `${c.id}-ben`, coder: 'ben' }));
    const { after } = await roundTrip(p.projectId, 'Merge project Big (Ben).qdpx', new ChangeSetBuilder().add('coders', colleague).add('codings', ...theirs).build());
    expect(after.codings).toHaveLength(40_000);
    expect(after.coders.map((c) => c.name)).toEqual(['Ben']);
    expect(after.codings.filter((c) => c.sourceId === 's7' && c.coder === 'ben')).toHaveLength(PER_SOURCE);
    // Undone: the source holds only its own codings again.
    expect((await codingsOfSource('s7')).map((c) => c.coder)).toEqual(Array(PER_SOURCE).fill('me'));
  });

  it('recodes 5,000 codings and removes 5,000 more, some kept as rows, in one step, undone and redone exactly', async () => {
    const p = await bigProject();
    // A few recent rows in every source first (the interactive layout), to be recoded and removed too.
    const rows = p.sources.flatMap((s, i) => Array.from({ length: 4 }, (_, j) => coding(p.projectId, `r${i}-${j}`, s.id, 'k1', 300 + j * 40)));
    for (let i = 0; i < rows.length; i += 200) {
      await commit(p.projectId, 'A few codings', () => ({ codings: { added: rows.slice(i, i + 200), updated: [], removed: [] } }));
    }
    expect(await countRecentCodings('s3')).toBe(4);
    const all = [...p.codings, ...rows];
    const builder = new ChangeSetBuilder();
    all.filter((_, i) => i % 4 === 0).forEach((c) => builder.update('codings', c, { ...c, codeId: 'k3' }));
    builder.remove('codings', ...all.filter((_, i) => i % 4 === 1));
    const changes = builder.build();
    expect(changes.codings!.updated.length + changes.codings!.removed.length).toBeGreaterThan(10_000);
    const { after } = await roundTrip(p.projectId, 'Recode and remove', changes);
    expect(after.codings).toHaveLength(all.length - changes.codings!.removed.length);
    expect(after.codings.filter((c) => c.codeId === 'k3')).toHaveLength(changes.codings!.updated.length);
  });

  it('merges one code into another (every coding recoded, quotes where they were), undone and redone exactly', async () => {
    const p = await bigProject();
    const builder = new ChangeSetBuilder();
    p.codings.filter((c) => c.codeId === 'k2').forEach((c) => builder.update('codings', c, { ...c, codeId: 'k1' }));
    const { after } = await roundTrip(p.projectId, 'Merge Pay into Fatigue', builder.build());
    expect(after.codings.every((c) => c.codeId === 'k1')).toBe(true);
    const s5 = await codingsOfSource('s5');
    expect(s5.every((c) => c.exact === TEXT.slice(c.start, c.end) && c.prefix === TEXT.slice(Math.max(0, c.start - 32), c.start))).toBe(true);
  });

  it('recodes thousands and moves one coding (its quote changes with it), undone and redone exactly', async () => {
    const p = await bigProject();
    const builder = new ChangeSetBuilder();
    const moved = p.codings.find((c) => c.sourceId === 's9')!;
    p.codings.filter((c) => c.codeId === 'k2' && c.id !== moved.id).forEach((c) => builder.update('codings', c, { ...c, codeId: 'k1' }));
    const wider = coding(p.projectId, moved.id, moved.sourceId, moved.codeId, moved.start + 3);
    builder.update('codings', moved, wider);
    await roundTrip(p.projectId, 'Recode and widen', builder.build());
    await redo(p.projectId);
    const stored = (await codingsOfSource('s9')).find((c) => c.id === moved.id)!;
    expect(stored.exact).toBe(TEXT.slice(wider.start, wider.end));
    expect(stored.exact).not.toBe(moved.exact);
  });

  it('refuses to undo a big step when one of its codings changed since, and changes nothing', async () => {
    const p = await bigProject();
    const theirs = p.codings.map((c) => ({ ...c, id: `${c.id}-ben`, coder: 'ben' }));
    await commit(p.projectId, 'Merge', () => ({ codings: { added: theirs, updated: [], removed: [] } }));
    const moved = theirs[12_345]!;
    await commit(p.projectId, 'elsewhere', () => new ChangeSetBuilder().update('codings', moved, { ...moved, codeId: 'k3' }).build(), { history: false });
    const now = await readComparable(p.projectId);
    await expect(undo(p.projectId)).rejects.toThrow('The project has changed since this step: a coding has changed since. Nothing was changed.');
    expect(await readComparable(p.projectId)).toEqual(now);
    expect((await undoRedoState(p.projectId)).undo).toBe('Merge');
  });

  it('refuses a big step that adds a coding already stored, and changes nothing', async () => {
    const p = await bigProject();
    const before = await readComparable(p.projectId);
    const added = p.sources.flatMap((s, i) => Array.from({ length: 10 }, (_, j) => coding(p.projectId, `auto${i}-${j}`, s.id, 'k3', 7 + j * 101)));
    added.push(p.codings[4_321]!);
    await expect(commit(p.projectId, 'Auto-code', () => ({ codings: { added, updated: [], removed: [] } }))).rejects.toThrow('a coding already exists');
    expect(await readComparable(p.projectId)).toEqual(before);
    expect((await undoRedoState(p.projectId)).undo).toBe('Import');
  });

  it('undoes and redoes a step stored the earlier way (its inverse beside it, codings as objects)', async () => {
    const p = await bigProject();
    const before = await readComparable(p.projectId);
    const theirs = p.codings.slice(0, 3_000).map((c) => ({ ...c, id: `${c.id}-ben`, coder: 'ben' }));
    const changes: ChangeSet = { codings: { added: theirs, updated: [], removed: [] } };
    await commit(p.projectId, 'Merge', () => changes);
    const after = await readComparable(p.projectId);
    // Rewrite the step as versions before the packed form stored it.
    const [step] = await db.history.where('projectId').equals(p.projectId).reverse().sortBy('seq');
    const { codings: _packed, ...earlier } = step!;
    await db.history.put({ ...earlier, changes, inverse: invertChangeSet(changes) });
    expect(await undo(p.projectId)).toBe('Merge');
    expect(await readComparable(p.projectId)).toEqual(before);
    expect(await redo(p.projectId)).toBe('Merge');
    expect(await readComparable(p.projectId)).toEqual(after);
  });
});
