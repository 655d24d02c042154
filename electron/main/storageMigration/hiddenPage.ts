// Runs a script in a page that no one sees: a window with the app's web preferences minus the
// preload (the page needs no IPC), never shown, destroyed as soon as the script has answered.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

export type HiddenWindowConstructor = new (options: BrowserWindowConstructorOptions) => Pick<
  BrowserWindow,
  'loadURL' | 'destroy' | 'isDestroyed'
> & { webContents: Pick<BrowserWindow['webContents'], 'executeJavaScript'> };

export function createHiddenPageRunner(BrowserWindowClass: HiddenWindowConstructor) {
  return async (url: string, script: string): Promise<unknown> => {
    const window = new BrowserWindowClass({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        // Blink throttles timers and work in hidden pages; the copy should not crawl.
        backgroundThrottling: false,
      },
    });
    try {
      await window.loadURL(url);
      return await window.webContents.executeJavaScript(script);
    } finally {
      if (!window.isDestroyed()) window.destroy();
    }
  };
}
