// Binds each contract method to its service and the Electron pieces it needs: dialogs open as
// sheets of the window that asked, files are read and written with the real file system.
import * as fsPromises from 'node:fs/promises';
import type { BaseWindow, Dialog, Menu, OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron';
import { eventChannels, type OpenExternalLinkResult } from '../../shared/ipc/contract';
import type { MainHandlers } from './ipc/registerHandlers';
import { buildMenuTemplate } from './services/applicationMenu';
import { getAppInfo } from './services/appInfo';
import { writeFileAtomic } from './services/atomicWrite';
import { saveFile } from './services/saveFile';
import { openSourceFiles } from './services/sourceFiles';
import type { BackupService } from './services/backups';
import type { BackupScheduler } from './services/backupSchedule';
import type { ProjectFileStore } from './services/projectFileStore';
import { getProjectFileName, linkProjectFile, openProjectFile, saveProjectFile, type FileTokens, type ProjectFileDeps } from './services/projectFiles';
import type { ProjectWindows } from './projectWindows';

export interface MainHandlerDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  windowOf: (sender: WebContents) => BaseWindow | null;
  documentsDirectory: () => string;
  version: string;
  projectFileStore: ProjectFileStore;
  fileTokens: FileTokens;
  backups: BackupService;
  backupScheduler: Pick<BackupScheduler, 'complete'>;
  projectWindows: ProjectWindows<BaseWindow>;
  /** The external-link gate (externalLinks.ts): https only, right after a real user input. */
  openExternalLink: (url: string, sender: WebContents) => OpenExternalLinkResult;
  /** The application menu, rebuilt from the renderer's commands. */
  menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  platform: NodeJS.Platform;
  appName: string;
}

export function createMainHandlers({
  dialog,
  windowOf,
  documentsDirectory,
  version,
  projectFileStore,
  fileTokens,
  backups,
  backupScheduler,
  projectWindows,
  openExternalLink,
  menu,
  platform,
  appName,
}: MainHandlerDeps): MainHandlers {
  const showOpenDialog = (sender: WebContents, options: OpenDialogOptions) => {
    const window = windowOf(sender);
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };
  const showSaveDialog = (sender: WebContents, options: SaveDialogOptions) => {
    const window = windowOf(sender);
    return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
  };
  const projectFileDeps = (sender: WebContents): ProjectFileDeps => ({
    store: projectFileStore,
    tokens: fileTokens,
    fs: fsPromises,
    writeFile: (path, bytes) => writeFileAtomic(path, bytes),
    showSaveDialog: (options) => showSaveDialog(sender, options),
    showOpenDialog: (options) => showOpenDialog(sender, options),
    defaultDirectory: documentsDirectory(),
  });
  return {
    openSourceFiles: (request, sender) =>
      openSourceFiles(request, { showOpenDialog: (options) => showOpenDialog(sender, options), fs: fsPromises }),
    saveFile: (request, sender) =>
      saveFile(request, {
        showSaveDialog: (options) => showSaveDialog(sender, options),
        writeFile: (path, content) => writeFileAtomic(path, content),
        defaultDirectory: documentsDirectory(),
      }),
    getAppInfo: async () => getAppInfo({ version }),
    setMenuCommands: async ({ commands }, sender) => {
      const template = buildMenuTemplate(commands, {
        platform,
        appName,
        // The clicks go back to the page whose registry built the menu.
        onCommand: (id) => {
          if (!sender.isDestroyed()) sender.send(eventChannels.onMenuCommand, id);
        },
      });
      menu.setApplicationMenu(menu.buildFromTemplate(template));
    },
    saveProjectFile: (request, sender) => saveProjectFile(request, projectFileDeps(sender)),
    openProjectFile: (request, sender) => openProjectFile(projectFileDeps(sender), request),
    linkProjectFile: (request) => linkProjectFile(request, { store: projectFileStore, tokens: fileTokens }),
    getProjectFileName: ({ projectId }) => getProjectFileName(projectId, projectFileStore),
    writeBackup: (request) => backups.writeBackup(request),
    listBackups: () => backups.listBackups(),
    readBackup: ({ id }) => backups.readBackup(id),
    completeBackupRequest: async ({ requestId }) => backupScheduler.complete(requestId),
    showProject: async ({ projectId }, sender) => {
      const window = windowOf(sender);
      // A page without a window (never in practice) shows nothing anyone else could focus.
      if (!window) return { shownElsewhere: false };
      return { shownElsewhere: projectWindows.show(window, projectId) !== undefined };
    },
    openExternalLink: async ({ url }, sender) => openExternalLink(url, sender),
  };
}
