// Project files opened from outside the app: a double-click (argv on Windows and Linux, the
// `open-file` event on macOS) or `marginalia FILE.qdpx`. Each path is validated and read in main,
// then handed to a window: the one showing that file's project (just focused), else the focused
// or first window, which receives the bytes through the `onOpenProjectFile` event.
import { isAbsolute, resolve } from 'node:path';
import { eventChannels, type MainEvents } from '../../shared/ipc/contract';
import { bringForward, type ProjectWindow } from './projectWindows';
import { isProjectFileName } from './services/readProjectFile';

/**
 * The `.qdpx` paths among a process's arguments, made absolute. Electron and Chromium put their
 * own switches (`--foo`) and the executable or app folder in argv: only `.qdpx` names count.
 */
export function projectFilesInArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1) // the executable
    .filter((arg) => !arg.startsWith('-') && isProjectFileName(arg))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(workingDirectory, arg)));
}

export interface FileOpenWindow extends ProjectWindow {
  webContents: { send(channel: string, payload: MainEvents['onOpenProjectFile']): void };
}

export interface FileOpenRouterDeps<W extends FileOpenWindow> {
  /** Reads and validates the file (readForRenderer), never throws. */
  read: (path: string) => Promise<MainEvents['onOpenProjectFile']>;
  /** The window showing a project, when one does. */
  windowOfProject: (projectId: string) => W | undefined;
  /** The window to hand a new file to (focused, else first), opening one when there is none. */
  targetWindow: () => Promise<W>;
}

export async function routeProjectFile<W extends FileOpenWindow>(path: string, deps: FileOpenRouterDeps<W>): Promise<void> {
  const file = await deps.read(path);
  if (file.status === 'opened' && file.knownProjectId) {
    const showing = deps.windowOfProject(file.knownProjectId);
    if (showing) {
      bringForward(showing);
      return;
    }
  }
  const window = await deps.targetWindow();
  bringForward(window);
  window.webContents.send(eventChannels.onOpenProjectFile, file);
}
