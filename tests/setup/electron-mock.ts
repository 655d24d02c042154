// The Electron binary cannot be downloaded on CI, and `require('electron')` tries to: every
// electron-project test runs against this stand-in. Main-process logic takes its Electron
// collaborators (dialog, ipcMain, BrowserWindow) by injection, so tests pass fakes directly.
import { vi } from 'vitest';

vi.mock('electron', () => {
  const handlers = new Map<string, unknown>();
  return {
    app: {
      getPath: () => '/tmp/marginalia-test',
      getName: () => 'Marginalia',
      getVersion: () => '0.0.0-test',
      whenReady: () => Promise.resolve(),
      on: vi.fn(),
      quit: vi.fn(),
    },
    ipcMain: {
      handle: (channel: string, fn: unknown) => handlers.set(channel, fn),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
    shell: { openExternal: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { webRequest: { onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn() } },
    BrowserWindow: vi.fn(),
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() },
  };
});
