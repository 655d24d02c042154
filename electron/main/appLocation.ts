// Where Marginalia's own pages live (the built files, or the dev server while developing), and
// whether a URL is one of them: the test behind navigation guards and IPC sender checks.
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export type AppLocation =
  | { kind: 'file'; rendererDir: string; indexFile: string }
  | { kind: 'dev'; url: string; origin: string };

export interface AppLocationOptions {
  /** Absolute path of the built renderer (`out/renderer`). */
  rendererDir: string;
  /** The electron-vite dev server; pass it only when running unpackaged. */
  devServerUrl?: string | undefined;
}

export function resolveAppLocation({ rendererDir, devServerUrl }: AppLocationOptions): AppLocation {
  if (devServerUrl) {
    const url = new URL(devServerUrl);
    return { kind: 'dev', url: url.href, origin: url.origin };
  }
  return { kind: 'file', rendererDir, indexFile: `${rendererDir}${sep}index.html` };
}

export function isAppUrl(location: AppLocation, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'dev') return parsed.origin === location.origin;
  if (parsed.protocol !== 'file:') return false;
  // Compare decoded file-system paths rather than URL prefixes: percent-encoding differs between
  // Chromium and Node, and a prefix test would also accept a sibling such as `out/renderer-evil/`.
  let filePath: string;
  try {
    filePath = fileURLToPath(parsed);
  } catch {
    return false; // encoded slashes, or a host on a platform without UNC paths
  }
  const inside = relative(location.rendererDir, filePath);
  return inside === '' || (inside.split(sep)[0] !== '..' && !isAbsolute(inside));
}
