// The main window and the rules every web page in the app lives by (the Electron security
// checklist): isolated, sandboxed, no Node, no new windows, no navigation away from the app.
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents, WebPreferences } from 'electron';
import type { AppLocation } from './appLocation';

export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
  };
}

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function createMainWindow(BrowserWindowClass: BrowserWindowConstructor, preloadPath: string): BrowserWindow {
  const window = new BrowserWindowClass({
    title: 'Marginalia',
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    // Shown once the first frame is painted, so the user never sees a blank white window.
    show: false,
    webPreferences: buildWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

export function loadApp(window: BrowserWindow, location: AppLocation): Promise<void> {
  return location.kind === 'dev' ? window.loadURL(location.url) : window.loadFile(location.indexFile);
}

export interface ContentsGuardOptions {
  isAppUrl: (url: string) => boolean;
  openExternal: (url: string) => Promise<void>;
}

/** Links the user opens in a new window go to the system browser, and only if they are https. */
export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function guardWebContents(contents: WebContents, { isAppUrl, openExternal }: ContentsGuardOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) {
      openExternal(url).catch((error: unknown) => console.error('Could not open link in browser', error));
    }
    return { action: 'deny' };
  });
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  // `will-navigate` covers the main frame; `will-frame-navigate` also covers any subframe.
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
