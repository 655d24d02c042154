// The main-process side of project files, built once at start: where files and backups live
// (the user-data folder), the tokens and window map that tie files to projects, and the backup
// timer. index.ts wires these into the IPC handlers and the app's lifecycle events.
import * as fsPromises from 'node:fs/promises';
import { join } from 'node:path';
import type { BaseWindow } from 'electron';
import { ProjectWindows } from './projectWindows';
import { createBackupScheduler, type BackupScheduler, type BackupTarget } from './services/backupSchedule';
import { createBackupService, type BackupService } from './services/backups';
import { createProjectFileStore, type ProjectFileStore } from './services/projectFileStore';
import { FileTokens, readForRenderer } from './services/projectFiles';
import type { MainEvents } from '../../shared/ipc/contract';

export interface ProjectServices {
  projectFileStore: ProjectFileStore;
  fileTokens: FileTokens;
  backups: BackupService;
  backupScheduler: BackupScheduler;
  projectWindows: ProjectWindows<BaseWindow>;
  /** Reads a file opened from outside the app, for the `onOpenProjectFile` event. */
  readOpenedFile(path: string): Promise<MainEvents['onOpenProjectFile']>;
}

export function createProjectServices(userDataDirectory: string, backupTargets: () => BackupTarget[]): ProjectServices {
  const projectFileStore = createProjectFileStore(join(userDataDirectory, 'project-files.json'), userDataDirectory, fsPromises);
  const fileTokens = new FileTokens();
  return {
    projectFileStore,
    fileTokens,
    backups: createBackupService({ folder: join(userDataDirectory, 'backups'), fs: fsPromises }),
    backupScheduler: createBackupScheduler({ targets: backupTargets }),
    projectWindows: new ProjectWindows<BaseWindow>(),
    readOpenedFile: (path) => readForRenderer(path, { fs: fsPromises, tokens: fileTokens, store: projectFileStore }),
  };
}
