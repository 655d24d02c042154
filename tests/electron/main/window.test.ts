import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  buildWebPreferences,
  createMainWindow,
  guardWebContents,
  loadApp,
  type BrowserWindowConstructor,
} from '../../../electron/main/window';

type Listener = (event: { url?: string; preventDefault: () => void }) => void;

/** A stand-in for WebContents that records what the guard registers. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    setWindowOpenHandler: (handler: typeof windowOpenHandler) => {
      windowOpenHandler = handler;
    },
    on: (name: string, listener: Listener) => listeners.set(name, listener),
  };
  return {
    contents: contents as unknown as WebContents,
    openWindow: (url: string) => windowOpenHandler!({ url }),
    emit: (name: string, url?: string) => {
      const event = { url, preventDefault: vi.fn() };
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no listener for ${name}`);
      listener(event);
      return event;
    },
  };
}

const APP_PAGE = 'app://marginalia/index.html';

function guard() {
  const fake = fakeContents();
  const openLink = vi.fn((_contents: WebContents, _url: string) => undefined);
  guardWebContents(fake.contents, { isAppUrl: (url) => url.startsWith('app://marginalia/'), openLink });
  return { ...fake, openLink };
}

describe('buildWebPreferences', () => {
  it('isolates and sandboxes the page and gives it no Node', () => {
    const prefs = buildWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('createMainWindow', () => {
  it('creates a hidden window with the secure preferences and shows it when ready', () => {
    const created: { options: BrowserWindowConstructorOptions; once: ReturnType<typeof vi.fn>; show: ReturnType<typeof vi.fn> }[] = [];
    const FakeWindow = vi.fn(function (this: object, options: BrowserWindowConstructorOptions) {
      const window = { options, once: vi.fn(), show: vi.fn() };
      created.push(window);
      return window;
    }) as unknown as BrowserWindowConstructor;

    const window = createMainWindow(FakeWindow, '/app/preload.cjs') as unknown as (typeof created)[number];

    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toEqual(buildWebPreferences('/app/preload.cjs'));
    const [event, onReady] = window.once.mock.calls[0] as [string, () => void];
    expect(event).toBe('ready-to-show');
    onReady();
    expect(window.show).toHaveBeenCalledOnce();
    expect(created).toHaveLength(1);
  });
});

describe('guardWebContents', () => {
  it('denies every new window', () => {
    const { openWindow } = guard();
    for (const url of ['https://example.org', 'http://example.org', APP_PAGE, 'javascript:alert(1)', 'about:blank']) {
      expect(openWindow(url)).toEqual({ action: 'deny' });
    }
  });

  it('hands links that would open a window or leave the app to the link gate, never the page', () => {
    const { openWindow, emit, openLink, contents } = guard();
    openWindow('https://www.example.org/article');
    expect(emit('will-navigate', 'https://example.org/clicked').preventDefault).toHaveBeenCalled();
    expect(openLink.mock.calls).toEqual([
      [contents, 'https://www.example.org/article'],
      [contents, 'https://example.org/clicked'],
    ]);
  });

  it('does not pass subframe navigations or the app’s own pages to the link gate', () => {
    const { emit, openLink } = guard();
    emit('will-frame-navigate', 'https://example.org/');
    emit('will-navigate', APP_PAGE);
    expect(openLink).not.toHaveBeenCalled();
  });

  it('prevents navigation away from the app, in the main frame and in subframes', () => {
    const { emit } = guard();
    for (const name of ['will-navigate', 'will-frame-navigate']) {
      expect(emit(name, 'https://evil.example/').preventDefault).toHaveBeenCalled();
      expect(emit(name, 'file:///etc/passwd').preventDefault).toHaveBeenCalled();
      expect(emit(name, 'file:///opt/marginalia/out/renderer/index.html').preventDefault).toHaveBeenCalled();
      expect(emit(name, 'app://marginalia.evil/index.html').preventDefault).toHaveBeenCalled();
    }
  });

  it('lets the app navigate within its own pages', () => {
    const { emit } = guard();
    expect(emit('will-navigate', APP_PAGE).preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to attach webviews', () => {
    const { emit } = guard();
    expect(emit('will-attach-webview').preventDefault).toHaveBeenCalled();
  });
});

describe('loadApp', () => {
  it('loads the app by URL (app:// or the dev server), never from file://', async () => {
    const window = { loadURL: vi.fn(async () => undefined), loadFile: vi.fn(async () => undefined) };
    await loadApp(window as never, { kind: 'app', rendererDir: '/opt/marginalia/out/renderer', url: APP_PAGE });
    expect(window.loadURL).toHaveBeenCalledWith(APP_PAGE);
    expect(window.loadFile).not.toHaveBeenCalled();
  });
});
