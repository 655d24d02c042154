// Starts the main process against a stand-in Electron and checks the wiring: single instance,
// sandbox, session guards, IPC handlers, the window and what it loads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { channels, eventChannels as channelsOfEvents } from '../../../shared/ipc/contract';

const userData = mkdtempSync(join(tmpdir(), 'marginalia-userdata-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));

function fakeElectron({ gotLock, isPackaged }: { gotLock: boolean; isPackaged: boolean }) {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  type FakeWindow = {
    options: { show?: boolean; webPreferences: Record<string, unknown> };
    loadFile: ReturnType<typeof vi.fn>;
    loadURL: ReturnType<typeof vi.fn>;
    focus: ReturnType<typeof vi.fn>;
    webContents: { send: ReturnType<typeof vi.fn>; isDestroyed: () => boolean; executeJavaScript: ReturnType<typeof vi.fn> };
  };
  const windows: FakeWindow[] = [];
  const BrowserWindow = Object.assign(
    vi.fn(function (options: { webPreferences: Record<string, unknown> }) {
      const window = {
        options,
        id: windows.length + 1,
        isMinimized: () => false,
        restore: vi.fn(),
        focus: vi.fn(),
        once: vi.fn(),
        on: vi.fn(),
        show: vi.fn(),
        loadFile: vi.fn(async () => undefined),
        loadURL: vi.fn(async () => undefined),
        destroy: vi.fn(),
        isDestroyed: () => false,
        webContents: {
          send: vi.fn(),
          isDestroyed: () => false,
          // The storage migration's hidden page: the old file:// origin holds no database.
          executeJavaScript: vi.fn(async () => JSON.stringify({ databases: [] })),
        },
      };
      windows.push(window);
      return window;
    }),
    { getAllWindows: () => windows, fromWebContents: () => null, getFocusedWindow: () => null },
  );
  const handled = new Map<string, unknown>();
  const electron = {
    app: {
      isPackaged,
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => gotLock),
      quit: vi.fn(),
      exit: vi.fn(),
      isReady: () => true,
      whenReady: () => Promise.resolve(),
      on: (name: string, listener: (...args: unknown[]) => void) => appListeners.set(name, listener),
      getPath: (name: string) => (name === 'userData' ? userData : '/home/ada/Documents'),
      getVersion: () => '0.1.0',
      getName: () => 'Marginalia',
    },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: (channel: string, fn: unknown) => handled.set(channel, fn), removeHandler: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    shell: { openExternal: vi.fn() },
    Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  };
  return { electron, appListeners, windows, handled };
}

async function start(gotLock: boolean, isPackaged = true) {
  const fake = fakeElectron({ gotLock, isPackaged });
  vi.resetModules();
  vi.doMock('electron', () => fake.electron);
  await import('../../../electron/main/index');
  // Let whenReady().then, the storage migration and the window's load run.
  await vi.waitFor(() => expect(fake.windows.some((w) => w.loadURL.mock.calls.length > 0) || !gotLock).toBe(true), {
    timeout: 5000,
  });
  return fake;
}

afterEach(() => {
  vi.doUnmock('electron');
  vi.unstubAllEnvs();
});

describe('main process start', () => {
  it('hands over to the running instance when it is not the first', async () => {
    const { electron, windows, handled } = await start(false);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(windows).toHaveLength(0);
    expect(handled.size).toBe(0);
  });

  it('secures the session, registers every handler, and opens the built app in a sandboxed window', async () => {
    const { electron, windows, handled, appListeners } = await start(true);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect([...handled.keys()].sort()).toEqual(Object.values(channels).sort());
    // The main window, then the hidden page that looked for data under the old file:// origin.
    const [main, legacyPage] = windows;
    expect(windows).toHaveLength(2);
    expect(main!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(main!.options.webPreferences['preload'])).toMatch(/preload[/\\]index\.cjs$/);
    expect(main!.loadURL).toHaveBeenCalledWith('app://marginalia/index.html');
    expect(main!.loadFile).not.toHaveBeenCalled();
    expect(legacyPage!.options.show).toBe(false);
    expect(legacyPage!.loadURL).toHaveBeenCalledWith(expect.stringMatching(/^file:\/\/.*renderer\/storage-migration\.html$/));
    expect([...appListeners.keys()]).toEqual(
      expect.arrayContaining(['second-instance', 'open-file', 'before-quit', 'web-contents-created', 'window-all-closed', 'activate']),
    );
  });

  it('hands a .qdpx from a second instance’s command line to the window, as an open-file event', async () => {
    const { appListeners, windows } = await start(true);
    // A missing file: main refuses it and says why, rather than failing silently.
    appListeners.get('second-instance')!({}, ['/opt/marginalia', '--flag', 'missing.qdpx'], '/nowhere');
    await vi.waitFor(() => expect(windows[0]!.webContents.send).toHaveBeenCalled(), { timeout: 5000 });
    expect(windows[0]!.webContents.send).toHaveBeenCalledWith(channelsOfEvents.onOpenProjectFile, {
      status: 'refused',
      name: 'missing.qdpx',
      error: '“missing.qdpx” could not be opened: it does not exist.',
    });
    expect(windows[0]!.focus).toHaveBeenCalled();
  });

  it('just focuses the window when a second instance starts without a file', async () => {
    const { appListeners, windows } = await start(true);
    appListeners.get('second-instance')!({}, ['/opt/marginalia'], '/home/ada');
    expect(windows[0]!.focus).toHaveBeenCalled();
    expect(windows[0]!.webContents.send).not.toHaveBeenCalled();
  });

  it('serves the app from a privileged app:// scheme registered before ready', async () => {
    const { electron } = await start(true);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('quits when the last window closes, except on macOS', async () => {
    const { electron, appListeners } = await start(true);
    appListeners.get('window-all-closed')!();
    expect(electron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('loads the dev server while developing, but never when packaged', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const developing = await start(true, false);
    expect(developing.windows[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(developing.electron.protocol.handle).not.toHaveBeenCalled();
    const packaged = await start(true, true);
    expect(packaged.windows[0]!.loadURL).toHaveBeenCalledWith('app://marginalia/index.html');
  });
});
