// Project files across the app's lifecycle: files opened before `ready` wait for it, files on the
// start-up command line open once ready, only the app's own windows are asked for backups, and
// quitting waits for the final backup.
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createProjectFilesLifecycle, type LifecycleApp } from '../../../electron/main/projectFilesLifecycle';
import type { ProjectServices } from '../../../electron/main/projectServices';
import { ProjectWindows } from '../../../electron/main/projectWindows';
import type { BackupTarget } from '../../../electron/main/services/backupSchedule';
import { eventChannels } from '../../../shared/ipc/contract';

function fakeApp() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const app = {
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener)),
    quit: vi.fn(),
  };
  return { app: app as unknown as LifecycleApp & { quit: ReturnType<typeof vi.fn> }, emit: (name: string, ...args: unknown[]) => listeners.get(name)!(...args) };
}

function fakeWindow(id: number) {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    id,
    isDestroyed: () => false,
    isMinimized: () => false,
    restore: vi.fn(),
    focus: vi.fn(),
    destroy: vi.fn(),
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener)),
    emit: (name: string, ...args: unknown[]) => listeners.get(name)!(...args),
    webContents: { send: vi.fn(), isDestroyed: () => false },
  };
}

function setup() {
  const { app, emit } = fakeApp();
  const read = vi.fn(async (path: string) => ({ status: 'refused' as const, name: path, error: 'test' }));
  let targets: () => BackupTarget[] = () => [];
  const scheduler = { start: vi.fn(), stop: vi.fn(), complete: vi.fn(), requestBackups: vi.fn(async () => undefined) };
  const main = fakeWindow(1);
  const lifecycle = createProjectFilesLifecycle({
    app,
    userDataDirectory: '/unused',
    createServices: (_dir, backupTargets) => {
      targets = backupTargets;
      return {
        readOpenedFile: read,
        projectWindows: new ProjectWindows(),
        backupScheduler: scheduler,
      } as unknown as ProjectServices;
    },
    focusedWindow: () => null,
    loadedMainWindow: async () => main as unknown as BrowserWindow,
  });
  return { app, emit, read, scheduler, main, lifecycle, targets: () => targets() };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createProjectFilesLifecycle', () => {
  it('holds files opened before ready, then opens them and the start-up command line’s', async () => {
    const { emit, read, main, lifecycle, scheduler } = setup();
    const event = { preventDefault: vi.fn() };
    emit('open-file', event, '/Users/ada/Early.qdpx');
    expect(event.preventDefault).toHaveBeenCalled();
    await settled();
    expect(read).not.toHaveBeenCalled();
    lifecycle.ready(['/opt/marginalia', 'Study.qdpx'], '/home/ada');
    await settled();
    expect(read.mock.calls.map((c) => c[0])).toEqual(['/Users/ada/Early.qdpx', '/home/ada/Study.qdpx']);
    expect(main.webContents.send).toHaveBeenCalledWith(eventChannels.onOpenProjectFile, expect.objectContaining({ name: '/home/ada/Study.qdpx' }));
    expect(scheduler.start).toHaveBeenCalled();
  });

  it('says whether a second instance brought any files', () => {
    const { lifecycle } = setup();
    lifecycle.ready([], '/');
    expect(lifecycle.openFromArgv(['/opt/marginalia', '--flag'], '/')).toBe(false);
    expect(lifecycle.openFromArgv(['/opt/marginalia', 'a.qdpx'], '/')).toBe(true);
  });

  it('asks only the tracked windows for backups, and stops asking a closed one', () => {
    const { lifecycle, targets } = setup();
    const appWindow = fakeWindow(2);
    lifecycle.trackWindow(appWindow as unknown as BrowserWindow);
    expect(targets()).toEqual([appWindow.webContents]);
    appWindow.emit('closed');
    expect(targets()).toEqual([]);
  });

  it('takes a last backup before a tracked window closes, and before quitting', async () => {
    const { lifecycle, scheduler, emit, app } = setup();
    const appWindow = fakeWindow(2);
    lifecycle.trackWindow(appWindow as unknown as BrowserWindow);
    const close = { preventDefault: vi.fn() };
    appWindow.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    expect(scheduler.requestBackups).toHaveBeenCalledWith('quit', [appWindow.webContents]);
    await settled();
    expect(appWindow.destroy).toHaveBeenCalled();

    const quit = { preventDefault: vi.fn() };
    emit('before-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled();
    await settled();
    expect(app.quit).toHaveBeenCalled();
  });
});
