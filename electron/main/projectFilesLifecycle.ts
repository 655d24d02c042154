// Ties project files and backups to the app's lifecycle: the windows that take part (tracked, so
// hidden helper pages never receive backup requests), files opened from outside before and after
// `ready` (argv, a second instance, macOS `open-file`), the backup timer, and the final backups
// before a window closes or the app quits. index.ts calls these at the matching moments.
import type { BrowserWindow } from 'electron';
import { projectFilesInArgv, routeProjectFile } from './openFileRequests';
import { createProjectServices, type ProjectServices } from './projectServices';
import { backUpBeforeClose, backUpBeforeQuit, type BackupTarget, type QuittingApp } from './services/backupSchedule';

export interface LifecycleApp extends QuittingApp {
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface ProjectFilesLifecycleDeps {
  app: LifecycleApp;
  /** Where the file store and the backups live (app.getPath('userData')). */
  userDataDirectory: string;
  /** For tests: services other than the real ones, given the tracked windows' pages. */
  createServices?: (userDataDirectory: string, backupTargets: () => BackupTarget[]) => ProjectServices;
  /** The focused window, if any (BrowserWindow.getFocusedWindow). */
  focusedWindow: () => BrowserWindow | null;
  /** The main window, opened if there is none, once its page has loaded. */
  loadedMainWindow: () => Promise<BrowserWindow>;
}

export interface ProjectFilesLifecycle {
  /** The services the IPC handlers use (createMainHandlers takes them as they are). */
  services: ProjectServices;
  /** A window showing the app: it gets backup requests, a last backup before closing, and files. */
  trackWindow(window: BrowserWindow): void;
  /** `second-instance`: opens the .qdpx files on its command line; false when there were none. */
  openFromArgv(argv: readonly string[], workingDirectory: string): boolean;
  /** Call once the app is ready and the main window exists: opens held and start-up files, starts the timer. */
  ready(argv: readonly string[], workingDirectory: string): void;
}

export function createProjectFilesLifecycle({
  app,
  userDataDirectory,
  createServices = createProjectServices,
  focusedWindow,
  loadedMainWindow,
}: ProjectFilesLifecycleDeps): ProjectFilesLifecycle {
  const windows = new Set<BrowserWindow>();
  const services = createServices(userDataDirectory, () => [...windows].filter((w) => !w.isDestroyed()).map((w) => w.webContents));
  let isReady = false;
  // macOS may deliver `open-file` before the app is ready: those paths wait here.
  const held: string[] = [];

  const open = (path: string): void => {
    if (!isReady) {
      held.push(path);
      return;
    }
    routeProjectFile(path, {
      read: services.readOpenedFile,
      windowOfProject: (projectId) => services.projectWindows.windowOf(projectId) as BrowserWindow | undefined,
      targetWindow: async () => focusedWindow() ?? loadedMainWindow(),
    }).catch((error: unknown) => console.error('Could not open the project file', error));
  };

  app.on('open-file', (event, path) => {
    event.preventDefault();
    open(path);
  });
  backUpBeforeQuit(app, services.backupScheduler);

  return {
    services,
    trackWindow(window) {
      windows.add(window);
      const windowId = window.id;
      backUpBeforeClose(window, services.backupScheduler);
      window.on('closed', () => {
        windows.delete(window);
        services.projectWindows.forget(windowId);
      });
    },
    openFromArgv(argv, workingDirectory) {
      const files = projectFilesInArgv(argv, workingDirectory);
      for (const path of files) open(path);
      return files.length > 0;
    },
    ready(argv, workingDirectory) {
      isReady = true;
      services.backupScheduler.start();
      const atStart = [...held.splice(0), ...projectFilesInArgv(argv, workingDirectory)];
      for (const path of atStart) open(path);
    },
  };
}
