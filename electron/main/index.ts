// Starts Marginalia's main process: one instance, secured sessions and pages, the app:// protocol
// serving the built renderer, the IPC handlers, and the main window (or the dev server while
// developing). Project files double-clicked or passed on the command line go to that one instance
// (projectFilesLifecycle).
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isAppUrl, resolveAppLocation } from './appLocation';
import { APP_ORIGIN, APP_SCHEME, appSchemePrivileges, createAppProtocolHandler } from './appProtocol';
import { buildContentSecurityPolicy } from './csp';
import { createExternalLinkGate } from './externalLinks';
import { createMainHandlers } from './handlers';
import { registerHandlers } from './ipc/registerHandlers';
import { createProjectFilesLifecycle } from './projectFilesLifecycle';
import { secureSession } from './session';
import { createDoneMarker } from './storageMigration/doneMarker';
import { createHiddenPageRunner } from './storageMigration/hiddenPage';
import { migrateLegacyOrigin } from './storageMigration/migrateLegacyOrigin';
import { createMainWindow, guardWebContents, loadApp } from './window';

// Paths relative to this bundle: out/main/index.js → out/renderer/, out/preload/index.cjs.
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
// A packaged app must not be pointed at another page by an environment variable.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

const location = resolveAppLocation({ rendererDir, devServerUrl });
const isOwnUrl = (url: string): boolean => isAppUrl(location, url);
const contentSecurityPolicy = buildContentSecurityPolicy({ devServerUrl });
const externalLinks = createExternalLinkGate({ openExternal: (url) => shell.openExternal(url) });

// Must happen before `ready`: only then does Chromium give app:// an origin and a secure context.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

let mainWindow: BrowserWindow | null = null;
/** Resolves once the main window's page (and so its preload) has loaded. */
let mainWindowLoaded: Promise<unknown> = Promise.resolve();

const projectFiles = createProjectFilesLifecycle({
  app,
  userDataDirectory: app.getPath('userData'),
  focusedWindow: () => BrowserWindow.getFocusedWindow(),
  loadedMainWindow: async () => {
    if (!mainWindow) openMainWindow();
    const window = mainWindow!;
    await mainWindowLoaded;
    return window;
  },
});

/** The window exists at once (so closing the hidden migration pages does not quit the app), but
 * loads the app only when `beforeLoad` has settled. */
function openMainWindow(beforeLoad: Promise<unknown> = Promise.resolve()): void {
  const window = createMainWindow(BrowserWindow, preloadPath);
  mainWindow = window;
  projectFiles.trackWindow(window);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindowLoaded = beforeLoad
    .catch((error: unknown) => console.error('Could not copy data from the previous version', error))
    .then(() => loadApp(window, location))
    .catch((error: unknown) => console.error('Could not load Marginalia', error));
}

/** Copies a database left under file:// by Marginalia 0.1 to app://, once per profile. */
function migrateStorage(): Promise<unknown> {
  if (location.kind !== 'app') return Promise.resolve(); // the dev server has its own origin
  return migrateLegacyOrigin({
    legacyPageUrl: pathToFileURL(join(rendererDir, 'storage-migration.html')).href,
    appPageUrl: `${APP_ORIGIN}/storage-migration.html`,
    runInHiddenPage: createHiddenPageRunner(BrowserWindow),
    ...createDoneMarker(join(app.getPath('userData'), 'storage-origin-migrated.json')),
  });
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
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!projectFiles.openFromArgv(argv, workingDirectory)) focusMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => {
    externalLinks.track(contents);
    guardWebContents(contents, { isAppUrl: isOwnUrl, openLink: (from, url) => void externalLinks.open(from, url) });
  });
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
      secureSession(session.defaultSession, contentSecurityPolicy);
      if (location.kind === 'app') {
        protocol.handle(
          APP_SCHEME,
          createAppProtocolHandler({ rendererDir, readFile: (path) => readFile(path), contentSecurityPolicy }),
        );
      }
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
          openExternalLink: (url, sender) => externalLinks.open(sender, url),
          ...projectFiles.services,
        }),
        isOwnUrl,
      );
      openMainWindow(migrateStorage());
      projectFiles.ready(process.argv, process.cwd());
    })
    .catch((error: unknown) => {
      console.error('Marginalia could not start', error);
      app.exit(1);
    });
}
