// A tiny dependency-free static file server for one folder (the web build), bound to 127.0.0.1:
// used by `npm run web` and by the end-to-end tests.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { contentTypes } from './contentTypes.mjs';


/**
 * Maps a request to a file inside `root`: `{ file }`, `{ redirect }` for a directory asked for
 * without its trailing slash, or null when the path is malformed, missing or escapes `root`
 * (through `..`, an encoded separator, or a symlink). Directories serve their index.html.
 * @param {string} root real, absolute path of the served folder
 * @param {string} requestUrl the raw request URL (path and query)
 * @returns {Promise<{ file: string } | { redirect: string } | null>}
 */
async function resolveRequest(root, requestUrl) {
  let url;
  let pathname;
  try {
    url = new URL(requestUrl, 'http://localhost');
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  let candidate = resolve(root, `.${pathname}`);
  if (!isInside(root, candidate)) return null;
  try {
    if ((await stat(candidate)).isDirectory()) {
      // Relative asset URLs ('./assets/…') resolve against the slash-terminated directory.
      // One leading slash only: '//host/' in Location would send the browser to another host.
      if (!url.pathname.endsWith('/')) return { redirect: `/${url.pathname.replace(/^\/+/, '')}/${url.search}` };
      candidate = join(candidate, 'index.html');
    }
    // Resolve symlinks too, so a link inside the folder cannot point outside it.
    const real = await realpath(candidate);
    if (!isInside(root, real) || !(await stat(real)).isFile()) return null;
    return { file: real };
  } catch {
    return null;
  }
}

/** @param {string} root @param {string} path */
function isInside(root, path) {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * @param {string} root
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function respond(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed\n');
    return;
  }
  const found = await resolveRequest(root, req.url ?? '/');
  if (found === null) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
    return;
  }
  if ('redirect' in found) {
    res.writeHead(301, { Location: found.redirect });
    res.end();
    return;
  }
  const { size } = await stat(found.file);
  res.writeHead(200, {
    'Content-Type': contentTypes[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    // A local test and preview server: never let the browser reuse a previous build.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Serves `dir` on 127.0.0.1. Port 0 picks any free port. Rejects if the port is taken
 * (the error's `code` is 'EADDRINUSE'), so callers can fall back.
 * @param {string} dir folder to serve
 * @param {number} [port=0]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} url ends with '/'
 */
export async function serveStatic(dir, port = 0) {
  const root = await realpath(resolve(dir));
  const server = createServer((req, res) => {
    respond(root, req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Internal server error\n');
      }
    });
  });

  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen(undefined);
    });
  });

  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('serveStatic: no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose(undefined)));
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
