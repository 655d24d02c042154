// Remembers which file each project was saved to or opened from, so "Save project" writes there
// and a double-clicked file can be matched with the project already showing it. A small JSON file
// in the user-data folder, written atomically; a damaged or missing file means "none remembered".
import type * as fsPromises from 'node:fs/promises';
import { writeFileAtomic, type AtomicWriteFs } from './atomicWrite';

export type ProjectFileStoreFs = AtomicWriteFs & Pick<typeof fsPromises, 'readFile' | 'mkdir'>;

interface StoredFiles {
  version: 1;
  /** Absolute path of each project's file, by project id. */
  files: Record<string, string>;
}

export interface ProjectFileStore {
  fileOf(projectId: string): Promise<string | undefined>;
  /** The project last saved to or opened from `path` (compared as given: main only stores absolute paths). */
  projectOf(path: string): Promise<string | undefined>;
  remember(projectId: string, path: string): Promise<void>;
  forget(projectId: string): Promise<void>;
}

export function createProjectFileStore(storePath: string, folder: string, fs: ProjectFileStoreFs): ProjectFileStore {
  let loaded: Promise<Record<string, string>> | undefined;
  // Writes run one after another, each from the state the previous one left.
  let queue: Promise<unknown> = Promise.resolve();

  const load = (): Promise<Record<string, string>> => {
    loaded ??= fs.readFile(storePath, 'utf8').then(parseStore, () => ({}));
    return loaded;
  };

  const update = (change: (files: Record<string, string>) => void): Promise<void> => {
    const next = queue.then(async () => {
      const files = { ...(await load()) };
      change(files);
      await fs.mkdir(folder, { recursive: true });
      const stored: StoredFiles = { version: 1, files };
      await writeFileAtomic(storePath, JSON.stringify(stored, null, 2), fs);
      loaded = Promise.resolve(files);
    });
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    fileOf: async (projectId) => (await load())[projectId],
    projectOf: async (path) => Object.entries(await load()).find(([, file]) => file === path)?.[0],
    remember: (projectId, path) =>
      update((files) => {
        // One file belongs to one project: saving B over A's file makes it B's.
        for (const [other, file] of Object.entries(files)) if (file === path) delete files[other];
        files[projectId] = path;
      }),
    forget: (projectId) =>
      update((files) => {
        delete files[projectId];
      }),
  };
}

function parseStore(text: string): Record<string, string> {
  try {
    const parsed = JSON.parse(text) as Partial<StoredFiles> | null;
    const files: Record<string, string> = {};
    if (parsed && typeof parsed.files === 'object' && parsed.files !== null) {
      for (const [projectId, path] of Object.entries(parsed.files)) if (typeof path === 'string') files[projectId] = path;
    }
    return files;
  } catch {
    return {};
  }
}
