import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  buildWebPreferences,
  createMainWindow,
  guardWebContents,
  isExternalLink,
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

const APP_PAGE = 'file:///opt/marginalia/out/renderer/index.html';

function guard() {
  const fake = fakeContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  guardWebContents(fake.contents, { isAppUrl: (url) => url.startsWith('file:///opt/marginalia/out/renderer/'), openExternal });
  return { ...fake, openExternal };
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

  it('opens https links in the system browser, and nothing else', () => {
    const { openWindow, openExternal } = guard();
    openWindow('https://www.example.org/article');
    openWindow('http://example.org');
    openWindow('file:///etc/passwd');
    openWindow('mailto:someone@example.org');
    openWindow('javascript:alert(1)');
    openWindow('not a url');
    expect(openExternal.mock.calls).toEqual([['https://www.example.org/article']]);
  });

  it('prevents navigation away from the app, in the main frame and in subframes', () => {
    const { emit } = guard();
    for (const name of ['will-navigate', 'will-frame-navigate']) {
      expect(emit(name, 'https://evil.example/').preventDefault).toHaveBeenCalled();
      expect(emit(name, 'file:///etc/passwd').preventDefault).toHaveBeenCalled();
      expect(emit(name, 'file:///opt/marginalia/out/renderer-evil/index.html').preventDefault).toHaveBeenCalled();
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

describe('isExternalLink', () => {
  it('accepts only https URLs', () => {
    expect(isExternalLink('https://example.org')).toBe(true);
    expect(isExternalLink('HTTPS://EXAMPLE.ORG')).toBe(true);
    expect(isExternalLink('http://example.org')).toBe(false);
    expect(isExternalLink('file:///tmp/x')).toBe(false);
    expect(isExternalLink('https')).toBe(false);
  });
});
