// An in-memory BackupDirectory (the browser host's OPFS folder, the desktop's backups folder),
// with a switch that makes the next write fail midway, as a full disk or a closed tab would.
import type { BackupDirectory } from '../../../shared/backups/backupStore';

export function memoryDirectory() {
  const files = new Map<string, Uint8Array>();
  let failNextWrite = false;
  const directory: BackupDirectory = {
    readText: async (name) => (files.has(name) ? new TextDecoder().decode(files.get(name)) : undefined),
    size: async (name) => files.get(name)?.byteLength,
    readBytes: async (name) => {
      const bytes = files.get(name);
      if (!bytes) throw new Error(`no file ${name}`);
      return bytes.slice();
    },
    // Atomic like OPFS's writable streams: the content is swapped in only once complete.
    write: async (name, content) => {
      if (failNextWrite) {
        failNextWrite = false;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      files.set(name, typeof content === 'string' ? new TextEncoder().encode(content) : content.slice());
    },
    remove: async (name) => {
      files.delete(name);
    },
    list: async () => [...files.keys()],
  };
  return {
    directory,
    files,
    failNextWrite: () => {
      failNextWrite = true;
    },
  };
}
