// Starts Marginalia's main process: one instance, secured sessions and pages, the IPC handlers,
// and the main window showing the built renderer (or the dev server while developing).
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { isAppUrl, resolveAppLocation } from './appLocation';
import { buildContentSecurityPolicy } from './csp';
import { createMainHandlers } from './handlers';
import { registerHandlers } from './ipc/registerHandlers';
import { secureSession } from './session';
import { createMainWindow, guardWebContents, loadApp } from './window';

// Paths relative to this bundle: out/main/index.js → out/renderer/, out/preload/index.cjs.
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
// A packaged app must not be pointed at another page by an environment variable.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

const location = resolveAppLocation({ rendererDir, devServerUrl });
const isOwnUrl = (url: string): boolean => isAppUrl(location, url);

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  const window = createMainWindow(BrowserWindow, preloadPath);
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  loadApp(window, location).catch((error: unknown) => console.error('Could not load Marginalia', error));
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

// Every renderer is sandboxed, whatever a window's options say.
app.enableSandbox();

// Two instances would write the same IndexedDB database at once: the second one hands over.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, { isAppUrl: isOwnUrl, openExternal: (url) => shell.openExternal(url) }),
  );
  app.on('window-all-closed', () => {
    // On macOS an app stays active without windows until the user quits it.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      secureSession(session.defaultSession, buildContentSecurityPolicy({ devServerUrl }));
      registerHandlers(
        ipcMain,
        createMainHandlers({
          dialog,
          windowOf: (sender) => BrowserWindow.fromWebContents(sender),
          documentsDirectory: () => app.getPath('documents'),
          version: app.getVersion(),
          menu: Menu,
          platform: process.platform,
          appName: app.getName(),
        }),
        isOwnUrl,
      );
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('Marginalia could not start', error);
      app.exit(1);
    });
}
