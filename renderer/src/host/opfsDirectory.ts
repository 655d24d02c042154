// The browser's backup folder: a `BackupDirectory` (shared/backups/backupStore) over the origin
// private file system. Kept thin on purpose: jsdom has no OPFS, so the logic lives in the shared
// store (tested with an in-memory folder) and this adapter is exercised in Chromium end to end.
import type { BackupDirectory } from '../../../shared/backups/backupStore';

export const OPFS_BACKUP_FOLDER = 'marginalia-backups';

function isMissing(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'TypeMismatchError');
}

export function opfsDirectory(folder: () => Promise<FileSystemDirectoryHandle>): BackupDirectory {
  const fileOf = async (name: string): Promise<File | undefined> => {
    try {
      return await (await (await folder()).getFileHandle(name)).getFile();
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  };
  return {
    readText: async (name) => (await fileOf(name))?.text(),
    size: async (name) => (await fileOf(name))?.size,
    readBytes: async (name) => {
      const file = await fileOf(name);
      if (!file) throw new Error('That backup no longer exists.');
      return new Uint8Array(await file.arrayBuffer());
    },
    // A writable stream writes to a swap file that replaces the original only on close(), so a
    // failure midway (quota, a closed tab) leaves the previous content whole: atomic by the spec.
    write: async (name, content) => {
      const handle = await (await folder()).getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      try {
        await writable.write(content as FileSystemWriteChunkType);
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => undefined);
        throw error;
      }
    },
    list: async () => {
      const names: string[] = [];
      // keys() is in every browser with OPFS, but not yet in TypeScript's DOM types.
      for await (const name of ((await folder()) as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
      return names;
    },
    remove: async (name) => {
      try {
        await (await folder()).removeEntry(name);
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
  };
}

/** The backups folder in this origin's private file system, created on first use. */
export function opfsBackupFolder(storage: StorageManager = navigator.storage): () => Promise<FileSystemDirectoryHandle> {
  let folder: Promise<FileSystemDirectoryHandle> | undefined;
  return () => {
    folder ??= storage.getDirectory().then((root) => root.getDirectoryHandle(OPFS_BACKUP_FOLDER, { create: true }));
    // A failed attempt (no OPFS in this browser) may be retried later.
    folder.catch(() => (folder = undefined));
    return folder;
  };
}
