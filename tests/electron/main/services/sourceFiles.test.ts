import { execFileSync } from 'node:child_process';
import * as fsPromises from 'node:fs/promises';
import { mkdtemp, rm, truncate, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSourceFiles, type SourceFileDeps } from '../../../../electron/main/services/sourceFiles';
import { MAX_ANY_FILE_BYTES as MAX_SOURCE_BYTES } from '../../../../shared/import/limits';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'marginalia-sources-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function deps(filePaths: string[], canceled = false) {
  const showOpenDialog = vi.fn(async () => ({ canceled, filePaths }));
  const fs = { stat: vi.fn(fsPromises.stat), open: vi.fn(fsPromises.open) };
  return { showOpenDialog, fs, deps: { showOpenDialog, fs } as SourceFileDeps };
}

describe('openSourceFiles', () => {
  it('offers the requested extensions in a multi-select dialog', async () => {
    const { showOpenDialog, deps: d } = deps([], true);
    await openSourceFiles({ extensions: ['txt', 'docx'] }, d);
    expect(showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        properties: expect.arrayContaining(['openFile', 'multiSelections']),
        filters: [{ name: 'Sources', extensions: ['txt', 'docx'] }],
      }),
    );
  });

  it('returns nothing when the user cancels, and reads nothing', async () => {
    const { fs, deps: d } = deps([join(folder, 'a.txt')], true);
    await expect(openSourceFiles({ extensions: ['txt'] }, d)).resolves.toEqual([]);
    expect(fs.stat).not.toHaveBeenCalled();
    expect(fs.open).not.toHaveBeenCalled();
  });

  it('returns each picked file’s name, size and bytes, in order', async () => {
    await writeFile(join(folder, 'interview 1.txt'), 'Hello');
    await writeFile(join(folder, 'b.txt'), new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
    const { deps: d } = deps([join(folder, 'interview 1.txt'), join(folder, 'b.txt')]);
    const picked = await openSourceFiles({ extensions: ['txt'] }, d);
    expect(picked).toEqual([
      { name: 'interview 1.txt', byteSize: 5, bytes: new TextEncoder().encode('Hello') },
      { name: 'b.txt', byteSize: 4, bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x41]) },
    ]);
    // A plain Uint8Array over exactly its own bytes, so IPC copies no more than the file.
    const bytes = picked[0]!.bytes!;
    expect(Buffer.isBuffer(bytes)).toBe(false);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = join(folder, 'video.txt');
    await writeFile(big, '');
    await truncate(big, MAX_SOURCE_BYTES + 1); // sparse: takes no disk space
    const { fs, deps: d } = deps([big]);
    const [picked] = await openSourceFiles({ extensions: ['txt'] }, d);
    expect(picked).toEqual({
      name: 'video.txt',
      byteSize: MAX_SOURCE_BYTES + 1,
      error: 'The file is larger than the 100 MB limit.',
    });
    expect(fs.open).not.toHaveBeenCalled();
  });

  it('accepts a file of exactly the limit', async () => {
    const edge = join(folder, 'edge.txt');
    await writeFile(edge, '');
    await truncate(edge, MAX_SOURCE_BYTES);
    const { deps: d } = deps([edge]);
    const [picked] = await openSourceFiles({ extensions: ['txt'] }, d);
    expect(picked?.error).toBeUndefined();
    expect(picked?.bytes?.byteLength).toBe(MAX_SOURCE_BYTES);
  });

  it('reports files it cannot read, and still returns the others', async () => {
    await writeFile(join(folder, 'ok.txt'), 'fine');
    await mkdir(join(folder, 'folder.txt'));
    const { deps: d } = deps([join(folder, 'gone.txt'), join(folder, 'folder.txt'), join(folder, 'ok.txt')]);
    const picked = await openSourceFiles({ extensions: ['txt'] }, d);
    expect(picked).toEqual([
      { name: 'gone.txt', byteSize: 0, error: 'The file could not be read (it no longer exists).' },
      { name: 'folder.txt', byteSize: 0, error: 'The file could not be read (it is a folder).' },
      { name: 'ok.txt', byteSize: 4, bytes: new TextEncoder().encode('fine') },
    ]);
  });

  it('reports a permission error in words', async () => {
    await writeFile(join(folder, 'locked.txt'), 'secret');
    const { fs, deps: d } = deps([join(folder, 'locked.txt')]);
    fs.open.mockRejectedValueOnce(Object.assign(new Error('EACCES'), { code: 'EACCES' }));
    const [picked] = await openSourceFiles({ extensions: ['txt'] }, d);
    expect(picked).toEqual({ name: 'locked.txt', byteSize: 6, error: 'The file could not be read (permission denied).' });
  });

  it('refuses a FIFO without waiting for a writer, and a device, and still returns the others', async () => {
    const fifo = join(folder, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    await writeFile(join(folder, 'ok.txt'), 'fine');
    const { fs, deps: d } = deps([fifo, '/dev/zero', join(folder, 'ok.txt')]);
    const picked = await openSourceFiles({ extensions: ['txt'] }, d);
    const notRegular = 'The file could not be read (it is not a regular file but a device, pipe or socket).';
    expect(picked).toEqual([
      { name: 'pipe.txt', byteSize: 0, error: notRegular },
      { name: 'zero', byteSize: 0, error: notRegular },
      { name: 'ok.txt', byteSize: 4, bytes: new TextEncoder().encode('fine') },
    ]);
    // Only the regular file was opened: opening a FIFO for reading would wait for a writer.
    expect(fs.open).toHaveBeenCalledTimes(1);
  });

  it('refuses a path that became a FIFO between the check and the open, reading nothing', async () => {
    const fifo = join(folder, 'swapped.txt');
    execFileSync('mkfifo', [fifo]);
    const { fs, deps: d } = deps([fifo]);
    // The stat saw a small regular file; by the open, the path is a FIFO.
    fs.stat.mockResolvedValueOnce({ isDirectory: () => false, isFile: () => true, size: 10 } as Awaited<ReturnType<typeof fsPromises.stat>>);
    const [picked] = await openSourceFiles({ extensions: ['txt'] }, d);
    expect(picked).toEqual({ name: 'swapped.txt', byteSize: 0, error: 'The file could not be read (it is not a regular file but a device, pipe or socket).' });
  });

  it('refuses a folder picked even when its name looks like a source', async () => {
    await mkdir(join(folder, 'notes.docx'));
    const { fs, deps: d } = deps([join(folder, 'notes.docx')]);
    const [picked] = await openSourceFiles({ extensions: ['docx'] }, d);
    expect(picked).toEqual({ name: 'notes.docx', byteSize: 0, error: 'The file could not be read (it is a folder).' });
    expect(fs.open).not.toHaveBeenCalled();
  });
});
