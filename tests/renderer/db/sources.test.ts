// Importing and deleting sources: readable files are stored with their text normalised, unreadable
// ones are reported by name and reason, and no import leaves a source half-stored.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Memo } from '../../../shared/model/types';
import type { PickedFile } from '../../../shared/ipc/contract';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject, deleteProject } from '../../../renderer/src/db/operations/projects';
import {
  countSourceCodings,
  deleteSource,
  getSourceText,
  importSources,
  renameSource,
} from '../../../renderer/src/db/operations/sources';
import { createCode } from '../../../renderer/src/db/operations/codes';
import { applyCode } from '../../../renderer/src/db/operations/codings';
import { codingsOfProject } from '../../../renderer/src/db/codingsRepository';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => {
  vi.restoreAllMocks();
});

function fileOf(name: string, bytes: Uint8Array): PickedFile {
  return { name, byteSize: bytes.byteLength, bytes };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

const GOOD_TEXT = 'Interview 1\nIt was tiring 😔 — the café closed. 日本語 مرحبا';

function mixedImport(): PickedFile[] {
  return [
    fileOf('good.txt', utf8(GOOD_TEXT)),
    fileOf('windows.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Line one\r\nLine two\r\n')])),
    fileOf('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])),
    fileOf('empty.txt', new Uint8Array()),
    { name: 'huge.txt', byteSize: 60 * 1024 * 1024, error: 'The file is larger than the 50 MB limit.' },
    { name: 'vanished.txt', byteSize: 10 },
  ];
}

async function addMemo(projectId: string, targetId: string): Promise<Memo> {
  const memo: Memo = {
    id: crypto.randomUUID(),
    projectId,
    targetKind: 'source',
    targetId,
    title: '',
    body: 'memo',
    author: 'Ada',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
  await db.memos.add(memo);
  return memo;
}

describe('importSources', () => {
  it('stores the readable files and reports each unreadable one with the reason', async () => {
    const project = await createProject('Study');
    const results = await importSources(project.id, mixedImport());

    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['good.txt', true],
      ['windows.txt', true],
      ['latin1.txt', false],
      ['empty.txt', false],
      ['huge.txt', false],
      ['vanished.txt', false],
    ]);
    const reasons = Object.fromEntries(results.flatMap((r) => (r.ok ? [] : [[r.name, r.reason]])));
    expect(reasons['latin1.txt']).toMatch(/not valid UTF-8/);
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['huge.txt']).toBe('The file is larger than the 50 MB limit.');
    expect(reasons['vanished.txt']).toMatch(/could not be read/);

    const sources = (await db.sources.where('projectId').equals(project.id).toArray()).sort((a, b) => a.order - b.order);
    expect(sources.map((s) => [s.name, s.encoding, s.order])).toEqual([
      ['good.txt', 'UTF-8', 1],
      ['windows.txt', 'UTF-8 with BOM', 2],
    ]);
    expect(await db.sourceTexts.count()).toBe(2);
  });

  it('stores text exactly as written, only the BOM and CRLF line endings normalised', async () => {
    const project = await createProject('Study');
    const results = await importSources(project.id, mixedImport());
    const [good, windows] = results;
    if (!good?.ok || !windows?.ok) throw new Error('expected both to import');

    expect(await getSourceText(good.sourceId)).toBe(GOOD_TEXT);
    expect(await getSourceText(windows.sourceId)).toBe('Line one\nLine two\n');
    const stored = await db.sources.get(windows.sourceId);
    // Offsets count UTF-16 units of the normalised text; the size is of the file as picked.
    expect(stored).toMatchObject({ length: 'Line one\nLine two\n'.length, byteSize: 3 + 'Line one\r\nLine two\r\n'.length });
    expect((await db.sources.get(good.sourceId))?.length).toBe(GOOD_TEXT.length);
  });

  it('stores nothing and reports every file when none can be read', async () => {
    const project = await createProject('Study');
    const results = await importSources(project.id, mixedImport().slice(2));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await db.sources.count()).toBe(0);
    expect(await db.sourceTexts.count()).toBe(0);
  });

  it('numbers new sources after the ones already in the project', async () => {
    const project = await createProject('Study');
    await importSources(project.id, [fileOf('a.txt', utf8('a')), fileOf('b.txt', utf8('b'))]);
    const [third] = await importSources(project.id, [fileOf('c.txt', utf8('c'))]);
    if (!third?.ok) throw new Error('expected an import');
    expect((await db.sources.get(third.sourceId))?.order).toBe(3);
  });

  it('stores nothing into a project that has been deleted', async () => {
    const project = await createProject('Gone');
    await deleteProject(project.id);
    await expect(importSources(project.id, mixedImport())).rejects.toThrow('That project no longer exists.');
    expect(await db.sources.count()).toBe(0);
    expect(await db.sourceTexts.count()).toBe(0);
  });

  it('leaves no source without its text when storing fails part way', async () => {
    const project = await createProject('Study');
    vi.spyOn(db.sourceTexts, 'bulkPut').mockRejectedValue(new Error('disk full'));
    await expect(importSources(project.id, mixedImport())).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(await db.sources.count()).toBe(0);
    expect(await db.sourceTexts.count()).toBe(0);
  });
});

describe('deleteSource', () => {
  it('removes the source, its text, its codings and the memos on it and on its codings', async () => {
    const project = await createProject('Study');
    const [a, b] = await importSources(project.id, [fileOf('a.txt', utf8('alpha beta gamma')), fileOf('b.txt', utf8('delta epsilon'))]);
    if (!a?.ok || !b?.ok) throw new Error('expected imports');
    const code = await createCode({ projectId: project.id, name: 'Greek' });
    const onA1 = await applyCode({ sourceId: a.sourceId, start: 0, end: 5 }, code.id, 'Ada');
    await applyCode({ sourceId: a.sourceId, start: 6, end: 10 }, code.id, 'Ada');
    const onB = await applyCode({ sourceId: b.sourceId, start: 0, end: 5 }, code.id, 'Ada');
    await addMemo(project.id, a.sourceId);
    await addMemo(project.id, onA1.id);
    const keptMemos = [await addMemo(project.id, b.sourceId), await addMemo(project.id, onB.id), await addMemo(project.id, project.id)];

    expect(await countSourceCodings(a.sourceId)).toBe(2);
    await deleteSource(a.sourceId);

    expect(await db.sources.get(a.sourceId)).toBeUndefined();
    expect(await db.sourceTexts.get(a.sourceId)).toBeUndefined();
    expect(await countSourceCodings(a.sourceId)).toBe(0);
    expect((await codingsOfProject(project.id)).map((c) => c.id)).toEqual([onB.id]);
    expect((await db.memos.toArray()).map((m) => m.id).sort()).toEqual(keptMemos.map((m) => m.id).sort());
    expect(await db.codes.get(code.id)).toBeDefined();
    await expect(getSourceText(a.sourceId)).rejects.toThrow('The source text is missing.');
  });
});

describe('renameSource', () => {
  it('renames a source and refuses an empty name', async () => {
    const project = await createProject('Study');
    const [a] = await importSources(project.id, [fileOf('a.txt', utf8('alpha'))]);
    if (!a?.ok) throw new Error('expected an import');
    await renameSource(a.sourceId, '  Interview with Ana ');
    expect((await db.sources.get(a.sourceId))?.name).toBe('Interview with Ana');
    await expect(renameSource(a.sourceId, '  ')).rejects.toThrow('The source needs a name.');
    expect((await db.sources.get(a.sourceId))?.name).toBe('Interview with Ana');
  });
});
