// A typed door to scripts/serveStatic.mjs, the one static server that `npm run web` and the
// end-to-end tests share.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { repoRoot } from './paths';

export interface StaticServer {
  /** Base URL of the served folder, ending with '/'. */
  url: string;
  close(): Promise<void>;
}

interface ServeStaticModule {
  serveStatic(dir: string, port?: number): Promise<StaticServer>;
}

/**
 * Serves `dir` on 127.0.0.1 (port 0: any free port).
 *
 * The module is a plain .mjs script with no declaration file, and tsconfig.tests.json does not
 * allow JS; importing it through a computed URL keeps the typecheck strict without `any`.
 */
export async function serveStatic(dir: string, port = 0): Promise<StaticServer> {
  const moduleUrl = pathToFileURL(resolve(repoRoot, 'scripts/serveStatic.mjs')).href;
  const loaded = (await import(/* @vite-ignore */ moduleUrl)) as ServeStaticModule;
  return loaded.serveStatic(dir, port);
}
