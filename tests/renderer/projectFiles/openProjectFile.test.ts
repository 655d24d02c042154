// Opening a .qdpx stores a NEW project in one commit: the same file opened twice gives two
// projects (the second under fresh ids, since ids are primary keys across projects), the project
// that was open is untouched, and a hostile or broken file is refused with its sentence while
// nothing at all is created.
import { beforeEach, describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { comparable, readComparable } from '../support/projectSnapshot';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { commit } from '../../../renderer/src/db/operations/commit';
import { readProject } from '../../../renderer/src/db/readProject';
import { openProjectFile, writeProjectFile } from '../../../renderer/src/analysis/projectFileOperations';
import { ChangeSetBuilder } from '../../../shared/model/changeSetBuilder';
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { remapIds } from '../../../shared/model/remapIds';
import { writeQdpx } from '../../../shared/refi/qdpxWrite';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

const TEXT = 'Tiring 😴, and the pay\nwas late again.';
const T = '2025-01-01T00:00:00.000Z';

async function studyProject(): Promise<string> {
  const project = await createProject('Study');
  const p = project.id;
  await commit(p, 'Fill', () =>
    new ChangeSetBuilder()
      .add('coders', { id: 'coder-1', projectId: p, name: 'Ana', color: '#112233' })
      .add('sources', { id: 'src-1', projectId: p, name: 'a.txt', length: TEXT.length, encoding: 'UTF-8', byteSize: 40, importedAt: T, order: 1 })
      .add('sourceTexts', { sourceId: 'src-1', projectId: p, text: TEXT })
      .add('codes', { id: 'code-1', projectId: p, parentId: null, name: 'Fatigue', description: 'Tired', color: '#aa0000', order: 1, createdAt: T })
      .add('codings', { id: 'coding-1', projectId: p, sourceId: 'src-1', codeId: 'code-1', start: 0, end: 9, exact: TEXT.slice(0, 9), prefix: '', suffix: '', coder: 'coder-1', createdAt: T })
      .add('cases', { id: 'case-1', projectId: p, name: 'R1', order: 1, createdAt: T })
      .add('attributes', { id: 'attr-1', projectId: p, name: 'age', type: 'number', order: 1 })
      .add('caseValues', { projectId: p, caseId: 'case-1', attributeId: 'attr-1', value: 42 })
      .add('caseLinks', { id: 'link-1', projectId: p, caseId: 'case-1', sourceId: 'src-1' })
      .add('memos', { id: 'memo-1', projectId: p, targetKind: 'coding', targetId: 'coding-1', title: 'Why', body: 'Late pay', author: 'coder-1', createdAt: T, updatedAt: T })
      .build(),
  );
  return p;
}

/** What a user compares: names, texts, offsets and links, not the ids the store gave them. */
function content(s: ProjectSnapshot) {
  const code = new Map(s.codes.map((c) => [c.id, c.name]));
  const source = new Map(s.sources.map((x) => [x.id, x.name]));
  return {
    sources: s.sources.map((x) => x.name),
    texts: s.sourceTexts.map((t) => t.text),
    codes: s.codes.map((c) => [c.name, c.description, c.color]),
    codings: s.codings.map((c) => [source.get(c.sourceId), code.get(c.codeId), c.start, c.end]),
    memos: s.memos.map((m) => [m.title, m.body, m.targetKind]),
    cases: s.cases.map((c) => c.name),
    values: s.caseValues.map((v) => v.value),
  };
}

describe('opening a project file', () => {
  it('opens the same file twice as two new projects, the second under fresh ids, the original untouched', async () => {
    const original = await studyProject();
    const before = await readComparable(original);
    const file = await writeProjectFile(original);
    expect(file.counts).toEqual({ sources: 1, codes: 1, codings: 1, memos: 1, cases: 1 });

    // The file's ids are all in the database (its own project): every clashing id is remapped.
    const first = await openProjectFile(file.bytes);
    const second = await openProjectFile(file.bytes);
    expect(new Set([original, first.projectId, second.projectId]).size).toBe(3);
    expect(first.notRead).toEqual([]);

    expect(await readComparable(original)).toEqual(before);
    const a = await readProject(first.projectId);
    const b = await readProject(second.projectId);
    expect(content(a)).toEqual(content(before));
    expect(content(b)).toEqual(content(before));
    expect(a.codings[0]!.id).not.toBe('coding-1');
    expect(a.codings[0]!.id).not.toBe(b.codings[0]!.id);
    expect(a.memos[0]!.targetId).toBe(a.codings[0]!.id);
    expect((await db.projects.toArray()).map((p) => p.name).sort()).toEqual(['Study', 'Study (2)', 'Study (3)']);
  });

  it('renames every clashing id when many are stored at once (a big project’s file opened while the project exists)', async () => {
    const original = await studyProject();
    await commit(original, 'More codes and memos', () => {
      const more = new ChangeSetBuilder();
      for (let i = 0; i < 40; i++) {
        more.add('codes', { id: `code-x${i}`, projectId: original, parentId: null, name: `Code ${i}`, description: '', color: '#aa0000', order: 2 + i, createdAt: T });
        more.add('memos', { id: `memo-x${i}`, projectId: original, targetKind: 'code', targetId: `code-x${i}`, title: `On ${i}`, body: 'b', author: 'coder-1', createdAt: T, updatedAt: T });
      }
      return more.build();
    });
    const before = await readComparable(original);
    const opened = await openProjectFile((await writeProjectFile(original)).bytes);
    const copy = await readProject(opened.projectId);
    expect(await readComparable(original)).toEqual(before);
    expect(copy.codes.map((c) => c.name).sort()).toEqual(before.codes.map((c) => c.name).sort());
    expect(copy.memos.map((m) => m.title).sort()).toEqual(before.memos.map((m) => m.title).sort());
    const stored = new Set([...before.codes.map((c) => c.id), ...before.memos.map((m) => m.id)]);
    expect(copy.codes.filter((c) => stored.has(c.id))).toEqual([]);
    expect(copy.memos.filter((m) => stored.has(m.id))).toEqual([]);
    // References follow the new ids.
    const codeIds = new Set(copy.codes.map((c) => c.id));
    expect(copy.memos.filter((m) => m.targetKind === 'code').every((m) => codeIds.has(m.targetId))).toBe(true);
  });

  it('keeps the file’s ids when none of them is stored (a backup of a deleted project)', async () => {
    const original = await studyProject();
    const file = await writeProjectFile(original);
    const snapshot = comparable(await readProject(original));
    await db.delete();
    await db.open();
    const opened = await openProjectFile(file.bytes);
    expect(opened.projectId).toBe(original);
    const back = comparable(await readProject(opened.projectId));
    expect(content(back)).toEqual(content(snapshot));
    expect(back.codings.map((c) => c.id)).toEqual(['coding-1']);
  });

  it('refuses a file with a DOCTYPE, or that is no archive, and creates nothing', async () => {
    const original = await studyProject();
    const entries = unzipSync((await writeProjectFile(original)).bytes);
    const qde = new TextDecoder().decode(entries['project.qde']);
    const laughs = zipSync({ ...entries, '../../evil.txt': strToU8('x'), 'project.qde': strToU8(qde.replace('?>', '?><!DOCTYPE lolz [<!ENTITY lol "lol">]>')) });
    await expect(openProjectFile(laughs)).rejects.toThrow(/DOCTYPE/);
    await expect(openProjectFile(strToU8('not a zip'))).rejects.toThrow(/not a readable \.qdpx/);
    expect((await db.projects.toArray()).map((p) => p.id)).toEqual([original]);
    expect(await db.sources.count()).toBe(1);
  });

  it('opens a file with an entry climbing out of the archive without that entry, and says so', async () => {
    const original = await studyProject();
    const entries = unzipSync((await writeProjectFile(original)).bytes);
    const opened = await openProjectFile(zipSync({ ...entries, '../../evil.txt': strToU8('x') }));
    expect(opened.notRead.join('\n')).toMatch(/“\.\.\/\.\.\/evil\.txt” has an unsafe name/);
    expect(content(await readProject(opened.projectId))).toEqual(content(await readProject(original)));
  });

  it('never overwrites another project’s coding that shares an id with one in the file', async () => {
    const original = await studyProject();
    const before = await readComparable(original);
    // Everything new except the coding's id (a file from a copy of this project, say).
    let n = 0;
    const file = writeQdpx(remapIds(await readProject(original), () => `fresh-${++n}`, (id) => id !== 'coding-1'));
    const opened = await openProjectFile(file);
    expect(await readComparable(original)).toEqual(before);
    const copy = await readProject(opened.projectId);
    expect(copy.codings).toHaveLength(1);
    expect(copy.codings[0]!.id).not.toBe('coding-1');
    expect(content(copy)).toEqual(content(before));
  });

  it('finds shared ids among codings kept in a source’s columns too (a big source), and renames them', async () => {
    const original = await studyProject();
    const many = new ChangeSetBuilder();
    for (let i = 0; i < 60; i++) {
      many.add('codings', { id: `bulk-${i}`, projectId: original, sourceId: 'src-1', codeId: 'code-1', start: 0, end: 6, exact: TEXT.slice(0, 6), prefix: '', suffix: '', coder: 'coder-1', createdAt: T });
    }
    // 60 codings of one source in one step go into its columns, not into rows.
    await commit(original, 'Code a lot', () => many.build());
    expect(await db.codings.where('sourceId').equals('src-1').count()).toBeLessThan(60);
    const before = await readComparable(original);
    let n = 0;
    const file = writeQdpx(remapIds(await readProject(original), () => `fresh-${++n}`, (id) => !id.startsWith('bulk-')));
    const opened = await openProjectFile(file);
    expect(await readComparable(original)).toEqual(before);
    const copy = await readProject(opened.projectId);
    expect(copy.codings).toHaveLength(61);
    expect(copy.codings.filter((c) => c.id.startsWith('bulk-'))).toEqual([]);
  });

  it('renames the codings of a stored source unasked, and of a new source only those stored', async () => {
    const original = await studyProject();
    await commit(original, 'A second source', () =>
      new ChangeSetBuilder()
        .add('sources', { id: 'src-2', projectId: original, name: 'b.txt', length: TEXT.length, encoding: 'UTF-8', byteSize: 40, importedAt: T, order: 2 })
        .add('sourceTexts', { sourceId: 'src-2', projectId: original, text: TEXT })
        .add('codings', { id: 'coding-2', projectId: original, sourceId: 'src-2', codeId: 'code-1', start: 0, end: 6, exact: TEXT.slice(0, 6), prefix: '', suffix: '', coder: 'coder-1', createdAt: T })
        .build(),
    );
    const before = await readComparable(original);
    // src-1 stays (a copy of a stored source); src-2 becomes a new source whose coding-2 is
    // stored (in the original's src-2); each source gets a coding that nothing stored has.
    let n = 0;
    const snapshot = remapIds(await readProject(original), () => `fresh-${++n}`, (id) => id !== 'src-1' && id !== 'coding-1' && id !== 'coding-2');
    const newSource = snapshot.sources.find((s) => s.id !== 'src-1')!.id;
    const coding = (id: string, sourceId: string) => ({ ...snapshot.codings[0]!, id, sourceId, start: 10, end: 14, exact: TEXT.slice(10, 14), prefix: '', suffix: '' });
    snapshot.codings.push(coding('new-in-copy', 'src-1'), coding('brand-new', newSource));
    const opened = await openProjectFile(writeQdpx(snapshot));
    expect(opened.notRead).toEqual([]);
    expect(await readComparable(original)).toEqual(before);
    const copy = await readProject(opened.projectId);
    expect(copy.codings).toHaveLength(4);
    const storedIds = new Set([...before.sources, ...before.codings, ...before.codes, ...before.memos].map((r) => r.id));
    expect([...copy.sources, ...copy.codings, ...copy.codes, ...copy.memos].filter((r) => storedIds.has(r.id))).toEqual([]);
    // A coding of a new source that nothing stored has keeps its GUID.
    expect(copy.codings.map((c) => c.id)).toContain('brand-new');
    expect(copy.sources.map((s) => s.id)).toContain(newSource);
    // Every coding is in the copy's own sources, with its text.
    const sources = new Map(copy.sources.map((s) => [s.id, s.name]));
    expect(copy.codings.map((c) => `${sources.get(c.sourceId)}: ${c.exact}`).sort()).toEqual(
      [`a.txt: ${TEXT.slice(0, 9)}`, `a.txt: ${TEXT.slice(10, 14)}`, `b.txt: ${TEXT.slice(0, 6)}`, `b.txt: ${TEXT.slice(10, 14)}`].sort(),
    );
    const memo = copy.memos.find((m) => m.targetKind === 'coding')!;
    expect(copy.codings.find((c) => c.id === memo.targetId)?.exact).toBe(TEXT.slice(0, 9));
  });

  it('refuses, in the commit itself, an add-only set that adds a stored record, and writes none of it', async () => {
    const original = await studyProject();
    const before = await readComparable(original);
    const p = 'another';
    const project = { id: p, name: 'Another', createdAt: T, updatedAt: T };
    const clashes = [
      new ChangeSetBuilder()
        .add('projects', project)
        .add('codes', { id: 'code-new', projectId: p, parentId: null, name: 'New', description: '', color: '#00aa00', order: 1, createdAt: T })
        .add('sources', { id: 'src-1', projectId: p, name: 'x.txt', length: 1, encoding: 'UTF-8', byteSize: 1, importedAt: T, order: 1 }),
      new ChangeSetBuilder()
        .add('projects', project)
        .add('sources', { id: 'src-new', projectId: p, name: 'x.txt', length: TEXT.length, encoding: 'UTF-8', byteSize: 40, importedAt: T, order: 1 })
        .add('sourceTexts', { sourceId: 'src-new', projectId: p, text: TEXT })
        .add('codings', { id: 'coding-1', projectId: p, sourceId: 'src-new', codeId: 'code-1', start: 0, end: 3, exact: TEXT.slice(0, 3), prefix: '', suffix: '', coder: 'coder-1', createdAt: T }),
    ];
    for (const set of clashes) {
      await expect(commit(p, 'Open a project file', () => set.build(), { history: false, addsOnlyNewRecords: true })).rejects.toThrow();
    }
    expect(await readComparable(original)).toEqual(before);
    expect((await db.projects.toArray()).map((x) => x.id)).toEqual([original]);
    expect(await db.codes.get('code-new')).toBeUndefined();
    expect(await db.sources.get('src-new')).toBeUndefined();
  });

  it('stores the opened project with strict durability (on disk when “Project opened” shows)', async () => {
    const original = await studyProject();
    const file = writeQdpx(await readProject(original));
    const seen: string[] = [];
    // Dexie's core calls IndexedDB through a bound copy: record what reaches it instead.
    const core = db.core as unknown as { transaction: (...args: unknown[]) => unknown };
    const transaction = core.transaction;
    core.transaction = function (this: unknown, ...args: unknown[]) {
      if (args[1] === 'readwrite') seen.push((args[2] as { durability?: string } | undefined)?.durability ?? 'default');
      return transaction.apply(this, args);
    };
    try {
      await openProjectFile(file);
      await commit(original, 'Rename', async () => {
        const project = (await db.projects.get(original))!;
        return new ChangeSetBuilder().update('projects', project, { ...project, name: 'Renamed' }).build();
      });
    } finally {
      core.transaction = transaction;
    }
    // The open (strict), then an ordinary step (the default: a digit key waits for no flush).
    expect(seen).toEqual(['strict', 'default']);
  });

  it('reports how far a save and an open are, from 0 to 1, never going back', async () => {
    const original = await studyProject();
    const saving: number[] = [];
    const { bytes } = await writeProjectFile(original, (f) => saving.push(f));
    const opening: number[] = [];
    const opened = await openProjectFile(bytes, (f) => opening.push(f));
    expect(opened.counts.codings).toBe(1);
    for (const steps of [saving, opening]) {
      expect(steps[0]).toBeLessThan(0.5);
      expect(steps.at(-1)).toBe(1);
      expect([...steps].sort((a, b) => a - b)).toEqual(steps);
      expect(steps.length).toBeGreaterThan(3);
    }
  });
});
