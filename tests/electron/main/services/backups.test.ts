// Backups on disk, in a temporary folder: written, listed newest first with their counts, read
// back, skipped when nothing changed, rotated, and never damaged by a write that fails midway.
import * as fsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupService, type BackupFs } from '../../../../electron/main/services/backups';
import type { WriteBackupRequest } from '../../../../shared/ipc/contract';

let root: string;
let folder: string;
let clock: Date;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'marginalia-backups-'));
  folder = join(root, 'backups');
  clock = new Date('2026-12-02T09:00:00Z');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const counts = { sources: 2, codes: 5, codings: 40, memos: 1, cases: 0 };
function request(changeStamp: string, bytes = new TextEncoder().encode(`zip ${changeStamp}`), projectId = 'p1'): WriteBackupRequest {
  return { projectId, projectName: 'Interviews', changeStamp, bytes, counts };
}

function service(fs: BackupFs = fsPromises) {
  return createBackupService({ folder, fs, now: () => clock });
}

/** Advances the clock by `minutes` (backups are taken every few minutes). */
function later(minutes: number): void {
  clock = new Date(clock.getTime() + minutes * 60_000);
}

describe('the backup service', () => {
  it('writes a backup, lists it with its date, size and counts, and reads the same bytes back', async () => {
    const backups = service();
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]);
    const result = await backups.writeBackup(request('v1', bytes));
    expect(result.written).toBe(true);
    const [listed] = await backups.listBackups();
    expect(listed).toMatchObject({ projectId: 'p1', projectName: 'Interviews', createdAt: '2026-12-02T09:00:00.000Z', byteSize: 6, counts });
    const file = await backups.readBackup(listed!.id);
    expect(file.name).toBe('Interviews backup 2026-12-02 0900.qdpx');
    expect([...file.bytes]).toEqual([...bytes]);
  });

  it('skips a backup when the project has not changed since the last one', async () => {
    const backups = service();
    await backups.writeBackup(request('v1'));
    later(5);
    await expect(backups.writeBackup(request('v1'))).resolves.toEqual({ written: false, reason: 'unchanged' });
    later(5);
    await expect(backups.writeBackup(request('v2'))).resolves.toMatchObject({ written: true });
    expect((await backups.listBackups()).map((b) => b.changeStamp)).toEqual(['v2', 'v1']);
  });

  it('keeps the last 10 backups of a busy day, and deletes the files of the others', async () => {
    const backups = service();
    for (let i = 0; i < 14; i++) {
      await backups.writeBackup(request(`v${i}`));
      later(5);
    }
    const listed = await backups.listBackups();
    expect(listed.map((b) => b.changeStamp)).toEqual(['v13', 'v12', 'v11', 'v10', 'v9', 'v8', 'v7', 'v6', 'v5', 'v4']);
    const files = (await readdir(folder)).filter((name) => name.endsWith('.qdpx')).sort();
    expect(files).toEqual(listed.map((b) => `${b.id}.qdpx`).sort());
  });

  it('keeps one backup a day from earlier days', async () => {
    const backups = service();
    await backups.writeBackup(request('monday'));
    later(24 * 60);
    for (let i = 0; i < 12; i++) {
      await backups.writeBackup(request(`tuesday${i}`));
      later(5);
    }
    const stamps = (await backups.listBackups()).map((b) => b.changeStamp);
    expect(stamps).toContain('monday');
    expect(stamps).toHaveLength(11);
  });

  it('leaves the previous backup and the index intact when a write fails midway', async () => {
    const backups = service();
    const first = await backups.writeBackup(request('v1', new Uint8Array([1, 2, 3])));
    const indexBefore = await readFile(join(folder, 'index.json'), 'utf8');
    const filesBefore = (await readdir(folder)).sort();

    // The disk fills up halfway through the next backup's bytes.
    const diskFull: BackupFs = {
      ...fsPromises,
      open: async (path, flags) => {
        const handle = await fsPromises.open(path, flags);
        if (flags === 'wx') {
          handle.writeFile = async (data: unknown) => {
            await handle.write((data as Uint8Array).subarray(0, 2));
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          };
        }
        return handle;
      },
    };
    later(5);
    await expect(service(diskFull).writeBackup(request('v2', new Uint8Array([9, 9, 9, 9])))).rejects.toThrow('ENOSPC');

    expect(await readFile(join(folder, 'index.json'), 'utf8')).toBe(indexBefore);
    expect((await readdir(folder)).sort()).toEqual(filesBefore);
    const listed = await backups.listBackups();
    expect(listed.map((b) => b.changeStamp)).toEqual(['v1']);
    expect(first.written && [...(await backups.readBackup(first.backup.id)).bytes]).toEqual([1, 2, 3]);
  });

  it('still takes backups after the index was damaged', async () => {
    const backups = service();
    await backups.writeBackup(request('v1'));
    await fsPromises.writeFile(join(folder, 'index.json'), '{"backups": [tru');
    later(5);
    await expect(backups.writeBackup(request('v2'))).resolves.toMatchObject({ written: true });
    expect((await backups.listBackups()).map((b) => b.changeStamp)).toEqual(['v2']);
  });

  it('says clearly when a backup is unknown or its file is gone', async () => {
    const backups = service();
    await expect(backups.readBackup('nope')).rejects.toThrow('That backup no longer exists.');
    const written = await backups.writeBackup(request('v1'));
    if (!written.written) throw new Error('expected a backup');
    await rm(join(folder, `${written.backup.id}.qdpx`));
    await expect(backups.readBackup(written.backup.id)).rejects.toThrow(/backup of “Interviews” .* is missing/);
  });
});

describe('leftovers of interrupted backups', () => {
  it('are removed by the next backup; other files in the folder are left alone', async () => {
    const backups = service();
    await backups.writeBackup(request('v1'));
    // A backup whose index update never happened, a temporary file of a crashed write, and a note.
    await fsPromises.writeFile(join(folder, 'orphan.qdpx'), 'zip');
    await fsPromises.writeFile(join(folder, '.marginalia-1234.tmp'), 'half');
    await fsPromises.writeFile(join(folder, 'README.txt'), 'mine');
    later(5);
    await backups.writeBackup(request('v2'));
    const listed = await backups.listBackups();
    expect((await readdir(folder)).sort()).toEqual(['README.txt', 'index.json', ...listed.map((b) => `${b.id}.qdpx`)].sort());
  });
});
