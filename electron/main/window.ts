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
  // Both the dev server and app://marginalia are URLs; nothing is loaded from file:// any more.
  return window.loadURL(location.url);
}

export interface ContentsGuardOptions {
  isAppUrl: (url: string) => boolean;
  /** Opens an https link the user just clicked (see externalLinks.ts); refuses anything else. */
  openLink: (contents: WebContents, url: string) => void;
}

export function guardWebContents(contents: WebContents, { isAppUrl, openLink }: ContentsGuardOptions): void {
  // A link with target=_blank (or window.open): never a new Electron window; the system browser
  // if the user clicked an https link just now.
  contents.setWindowOpenHandler(({ url }) => {
    openLink(contents, url);
    return { action: 'deny' };
  });
  // `will-navigate` covers the main frame (a plain link clicked); `will-frame-navigate` also
  // covers any subframe. The page itself never leaves the app.
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openLink(contents, event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
