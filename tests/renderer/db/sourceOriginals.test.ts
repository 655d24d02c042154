// A source's original file is stored with it in the same step: an import is one undoable step
// that brings the file, deleting the source deletes the file in the same step and Undo brings
// both back; views and analyses read projects without originals, a save reads them; a project
// file opened twice keeps each copy's originals with its own sources; deleting the project
// leaves none behind.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject, deleteProject } from '../../../renderer/src/db/operations/projects';
import { importDocument, originalExtension } from '../../../renderer/src/db/operations/imports';
import { deleteSource, readSourceOriginal, renameSource } from '../../../renderer/src/db/operations/sources';
import { redo, undo } from '../../../renderer/src/db/operations/history';
import { readProject } from '../../../renderer/src/db/readProject';
import { readProjectInSlices } from '../../../renderer/src/db/readProjectInSlices';
import { openProjectFile, writeProjectFile } from '../../../renderer/src/analysis/projectFileOperations';
import { originalFileName } from '../../../shared/export/exportFileName';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
let projectId: string;
beforeEach(async () => {
  db = freshDb();
  projectId = (await createProject('Ferry study')).id;
});

const DOCX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0x80]);

function importDocx(name = 'Meeting.docx', original: Uint8Array | null = DOCX): Promise<string> {
  return importDocument(projectId, { name, text: 'The chair said the night boat is a lifeline.', encoding: 'Word', byteSize: original?.byteLength ?? 10, format: 'docx', ...(original ? { original } : {}) });
}

const stored = async (sourceId: string) => ({
  source: await db.sources.get(sourceId),
  text: await db.sourceTexts.get(sourceId),
  original: await db.sourceOriginals.get(sourceId),
});

describe('original files stored with their sources', () => {
  it('stores the original with the source and its text in one undoable step', async () => {
    const sourceId = await importDocx();
    const after = await stored(sourceId);
    expect(after.source?.name).toBe('Meeting.docx');
    expect(after.original).toMatchObject({ sourceId, projectId, extension: 'docx' });
    expect([...after.original!.bytes]).toEqual([...DOCX]);
    expect(await db.history.where('projectId').equals(projectId).count()).toBe(1);

    expect(await undo(projectId)).toBe('Import Meeting.docx');
    expect(await stored(sourceId)).toEqual({ source: undefined, text: undefined, original: undefined });
    expect(await redo(projectId)).toBe('Import Meeting.docx');
    const redone = await db.sourceOriginals.get(sourceId);
    expect([...redone!.bytes]).toEqual([...DOCX]);
  });

  it('deletes the original with its source in the same step, and Undo brings both back', async () => {
    const sourceId = await importDocx();
    await deleteSource(sourceId);
    expect(await stored(sourceId)).toEqual({ source: undefined, text: undefined, original: undefined });

    expect(await undo(projectId)).toBe('Delete source Meeting.docx');
    const back = await stored(sourceId);
    expect(back.source?.name).toBe('Meeting.docx');
    expect(back.text?.text).toContain('night boat');
    expect([...back.original!.bytes]).toEqual([...DOCX]);
  });

  it('keeps a source without an original (a survey, or one stored before originals) working', async () => {
    const sourceId = await importDocx('old.txt', null);
    expect(await readSourceOriginal(sourceId)).toBeNull();
    await deleteSource(sourceId);
    expect(await undo(projectId)).toBe('Delete source old.txt');
    expect(await db.sourceOriginals.count()).toBe(0);
  });

  it('leaves originals out of the snapshot views and analyses read, and reads them for a save', async () => {
    const sourceId = await importDocx();
    expect((await readProject(projectId)).sourceOriginals).toBeUndefined();
    expect((await readProject(projectId, { originals: true })).sourceOriginals?.map((o) => o.sourceId)).toEqual([sourceId]);
    expect((await readProjectInSlices(projectId)).sourceOriginals?.map((o) => [...o.bytes])).toEqual([[...DOCX]]);
  });

  it('offers the original under the source’s name, with its own extension, after a rename too', async () => {
    const sourceId = await importDocx();
    await renameSource(sourceId, 'Ferry users: meeting 1');
    const original = (await readSourceOriginal(sourceId))!;
    expect(original.extension).toBe('docx');
    expect(originalFileName(original.name, original.extension)).toBe('Ferry users meeting 1.docx');
    expect(originalFileName('Meeting.DOCX', 'docx')).toBe('Meeting.docx');
    expect(originalExtension('notes.MD')).toBe('md');
    expect(originalExtension('no extension')).toBe('bin');
  });

  it('carries originals through Save and Open, and a second copy of the file keeps its own', async () => {
    const sourceId = await importDocx();
    const { bytes } = await writeProjectFile(projectId);
    const first = await openProjectFile(bytes);
    const second = await openProjectFile(bytes);
    for (const opened of [first, second]) {
      const snapshot = await readProject(opened.projectId, { originals: true });
      expect(snapshot.sources).toHaveLength(1);
      const [original] = snapshot.sourceOriginals ?? [];
      expect(original?.sourceId).toBe(snapshot.sources[0]!.id);
      expect([...original!.bytes]).toEqual([...DOCX]);
    }
    // The project open in the database kept its ids; the copies got fresh ones where they clashed.
    expect((await readProject(second.projectId)).sources[0]!.id).not.toBe(sourceId);
    expect(await db.sourceOriginals.count()).toBe(3);

    await deleteProject(second.projectId);
    expect(await db.sourceOriginals.count()).toBe(2);
  });
});
