// "Save project", "Save project as" and "Open project": main chooses and remembers the files, the
// renderer only ever sees file names and opaque tokens. Bytes come from and go to the renderer,
// which builds and reads the `.qdpx` (shared/refi).
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type {
  LinkProjectFileRequest,
  OpenedProjectFile,
  OpenProjectFileRequest,
  OpenProjectFileResult,
  SaveProjectFileRequest,
  SaveProjectFileResult,
} from '../../../shared/ipc/contract';
import type { ProjectFileStore } from './projectFileStore';
import { isProjectFileName, readProjectFile, type ProjectFileFs } from './readProjectFile';

const QDPX_FILTERS = [{ name: 'REFI-QDA project', extensions: ['qdpx'] }];

const WRITE_FAILURES: Record<string, string> = {
  ENOENT: 'its folder no longer exists; use Save project as',
  ENOSPC: 'the disk is full',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
};

/**
 * Paths main read a project from, under tokens the renderer can hand back (`linkProjectFile`)
 * without ever holding the path. Kept in memory: a token means nothing after a restart.
 */
export class FileTokens {
  private readonly paths = new Map<string, string>();

  issue(path: string): string {
    const token = randomUUID();
    this.paths.set(token, path);
    // Bounded: the user opens a handful of files per session; the oldest tokens go first.
    if (this.paths.size > 100) this.paths.delete(this.paths.keys().next().value!);
    return token;
  }

  pathOf(token: string): string | undefined {
    return this.paths.get(token);
  }
}

export interface ProjectFileDeps {
  store: ProjectFileStore;
  tokens: FileTokens;
  fs: ProjectFileFs;
  writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
  showSaveDialog: (options: SaveDialogOptions) => Promise<Pick<SaveDialogReturnValue, 'canceled' | 'filePath'>>;
  showOpenDialog: (options: OpenDialogOptions) => Promise<Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>>;
  /** Where the dialogs open, e.g. the user's Documents folder. */
  defaultDirectory?: string | undefined;
}

export async function saveProjectFile(
  { projectId, bytes, saveAs, suggestedName }: SaveProjectFileRequest,
  deps: ProjectFileDeps,
): Promise<SaveProjectFileResult> {
  let target = saveAs ? undefined : await deps.store.fileOf(projectId);
  if (!target) {
    const choice = await deps.showSaveDialog({
      title: 'Save project',
      defaultPath: deps.defaultDirectory ? join(deps.defaultDirectory, suggestedName) : suggestedName,
      filters: QDPX_FILTERS,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    // Some Linux dialogs do not add the filter's extension; a project file must carry it.
    target = isProjectFileName(choice.filePath) ? choice.filePath : `${choice.filePath}.qdpx`;
  }
  try {
    await deps.writeFile(target, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const reason = WRITE_FAILURES[code ?? ''] ?? 'the system refused to write it';
    throw new Error(`The project could not be saved to “${basename(target)}” (${reason}). The previous file is unchanged.`, { cause: error });
  }
  // The file is saved either way; if main cannot note where, the next Save just asks again.
  await deps.store.remember(projectId, target).catch((error: unknown) => console.error('Could not remember the project file', error));
  return { saved: true, fileName: basename(target) };
}

/** The dialog's title, after the command that shows it. */
const OPEN_TITLES = { open: 'Open project', merge: 'Merge project' } as const;

export async function openProjectFile(deps: ProjectFileDeps, request?: OpenProjectFileRequest): Promise<OpenProjectFileResult> {
  const choice = await deps.showOpenDialog({
    title: OPEN_TITLES[request?.purpose ?? 'open'],
    defaultPath: deps.defaultDirectory,
    properties: ['openFile'],
    filters: QDPX_FILTERS,
  });
  const path = choice.filePaths[0];
  if (choice.canceled || !path) return { status: 'canceled' };
  return readForRenderer(path, deps);
}

/** Reads a project file for the renderer: the Open dialog's choice, or a double-clicked file. */
export async function readForRenderer(
  path: string,
  { fs, tokens, store }: Pick<ProjectFileDeps, 'fs' | 'tokens' | 'store'>,
): Promise<OpenedProjectFile | { status: 'refused'; name: string; error: string }> {
  const read = await readProjectFile(path, fs);
  if (!read.ok) return { status: 'refused', name: read.name, error: read.error };
  const knownProjectId = await store.projectOf(path);
  return {
    status: 'opened',
    name: read.name,
    bytes: read.bytes,
    fileToken: tokens.issue(path),
    ...(knownProjectId ? { knownProjectId } : {}),
  };
}

export async function linkProjectFile({ projectId, fileToken }: LinkProjectFileRequest, deps: Pick<ProjectFileDeps, 'store' | 'tokens'>): Promise<void> {
  const path = deps.tokens.pathOf(fileToken);
  if (!path) throw new Error('Marginalia no longer knows which file this project came from: use Save project as.');
  await deps.store.remember(projectId, path);
}

export async function getProjectFileName(projectId: string, store: ProjectFileStore): Promise<string | null> {
  const path = await store.fileOf(projectId);
  return path ? basename(path) : null;
}
