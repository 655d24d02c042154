// Remembers, in a small file in the profile, that the file:// → app:// copy has run, so it runs
// once: a later start must not copy stale data over work done since.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export function createDoneMarker(path: string) {
  return {
    isDone: async (): Promise<boolean> => {
      try {
        await readFile(path);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
    markDone: async (record: object): Promise<void> => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, `${JSON.stringify(record, null, 2)}\n`);
    },
  };
}
