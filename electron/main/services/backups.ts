// Automatic backups on disk: the shared backup store (shared/backups/backupStore) over a folder
// in user data, every file written atomically (atomicWrite: temporary name, flush, rename).
import { randomUUID } from 'node:crypto';
import type * as fsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { createBackupStore, type BackupDirectory, type BackupStore } from '../../../shared/backups/backupStore';
import { MAX_PROJECT_FILE_BYTES } from '../../../shared/ipc/contract';
import { writeFileAtomic, type AtomicWriteFs } from './atomicWrite';
import { toPlainBytes } from './readProjectFile';

export type BackupService = BackupStore;
export type BackupFs = AtomicWriteFs & Pick<typeof fsPromises, 'readFile' | 'mkdir' | 'stat' | 'readdir'>;

export interface BackupServiceOptions {
  /** The backups folder, e.g. `<userData>/backups`; created on the first backup. */
  folder: string;
  fs: BackupFs;
  now?: () => Date;
}

export function folderDirectory(folder: string, fs: BackupFs): BackupDirectory {
  const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return {
    readText: (name) =>
      fs.readFile(join(folder, name), 'utf8').catch((error: unknown) => {
        if (missing(error)) return undefined;
        throw error;
      }),
    size: async (name) => {
      try {
        const stats = await fs.stat(join(folder, name));
        return stats.isFile() ? stats.size : undefined;
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    readBytes: async (name) => toPlainBytes(await fs.readFile(join(folder, name))),
    write: async (name, content) => {
      await fs.mkdir(folder, { recursive: true });
      await writeFileAtomic(join(folder, name), content, fs);
    },
    remove: (name) => fs.rm(join(folder, name), { force: true }),
    list: () =>
      fs.readdir(folder).catch((error: unknown) => {
        if (missing(error)) return [];
        throw error;
      }),
  };
}

export function createBackupService({ folder, fs, now }: BackupServiceOptions): BackupService {
  return createBackupStore({
    directory: folderDirectory(folder, fs),
    newId: randomUUID,
    maxBytes: MAX_PROJECT_FILE_BYTES,
    ...(now ? { now } : {}),
  });
}
