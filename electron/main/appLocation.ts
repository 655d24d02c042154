// Where Marginalia's own pages live (the built files served as app://marginalia, or the dev server
// while developing), and whether a URL is one of them: the test behind navigation guards and IPC
// sender checks.
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './appProtocol';

export type AppLocation =
  | { kind: 'app'; rendererDir: string; url: string }
  | { kind: 'dev'; url: string; origin: string };

export interface AppLocationOptions {
  /** Absolute path of the built renderer (`out/renderer`), served under app://. */
  rendererDir: string;
  /** The electron-vite dev server; pass it only when running unpackaged. */
  devServerUrl?: string | undefined;
}

export function resolveAppLocation({ rendererDir, devServerUrl }: AppLocationOptions): AppLocation {
  if (devServerUrl) {
    const url = new URL(devServerUrl);
    return { kind: 'dev', url: url.href, origin: url.origin };
  }
  return { kind: 'app', rendererDir, url: APP_INDEX_URL };
}

export function isAppUrl(location: AppLocation, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'dev') return parsed.origin === location.origin;
  // app:// is not a scheme Node's URL knows, so its `origin` is "null": compare scheme and host.
  // Which file a path names is the protocol handler's business (it refuses anything outside).
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST && parsed.username === '' && parsed.port === '';
}
