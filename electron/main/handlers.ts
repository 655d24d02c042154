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

export interface MainHandlerDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  windowOf: (sender: WebContents) => BaseWindow | null;
  documentsDirectory: () => string;
  version: string;
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
    openExternalLink: async ({ url }, sender) => openExternalLink(url, sender),
  };
}
