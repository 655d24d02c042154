// Serves the built renderer from `app://marginalia/…` instead of file:// (the Electron security
// checklist): pages get a real origin of their own, file:// keeps no extra privileges (see the
// fuses in electron-builder.yml), and a URL can only ever reach files inside the renderer folder.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { contentTypes } from '../../scripts/contentTypes.mjs';

export const APP_SCHEME = 'app';
export const APP_HOST = 'marginalia';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered before `ready` (Electron requires it). `standard` gives the scheme http-like URL
 * parsing and an origin (so IndexedDB, relative URLs and module scripts work), `secure` makes it a
 * secure context like https. No `bypassCSP`, no `corsEnabled`: other origins cannot read it.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};


/**
 * The file an app:// URL names, or null when it names nothing inside `rendererDir`: another host,
 * encoded slashes or backslashes (which a file system would read as separators), NUL, or a path
 * that resolves outside the folder after decoding.
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return null;
  const rawPath = parsed.pathname;
  if (/%2f|%5c|%00/i.test(rawPath) || rawPath.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null; // malformed percent-encoding
  }
  const path = decoded === '/' || decoded === '' ? '/index.html' : decoded;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  const inside = relative(root, file);
  if (inside === '' || inside.split(sep)[0] === '..' || isAbsolute(inside)) return null;
  return file;
}

export interface AppProtocolDeps {
  rendererDir: string;
  readFile: (path: string) => Promise<Uint8Array>;
  /** Sent as a header: webRequest's header hook does not see custom-protocol responses. */
  contentSecurityPolicy: string;
}

/** The handler for `protocol.handle(APP_SCHEME, …)`. */
export function createAppProtocolHandler({ rendererDir, readFile, contentSecurityPolicy }: AppProtocolDeps) {
  const headers = (contentType: string): Record<string, string> => ({
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  });
  const refuse = (status: number, text: string): Response =>
    new Response(text, { status, headers: headers('text/plain; charset=utf-8') });

  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return refuse(403, 'Forbidden');
    const contentType = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      return refuse(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : (bytes as Uint8Array<ArrayBuffer>), { status: 200, headers: headers(contentType) });
  };
}
