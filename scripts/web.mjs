// `npm run web`: builds the browser version of Marginalia and serves it locally.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serveStatic } from './serveStatic.mjs';

const defaultPort = 5178;
const configFile = fileURLToPath(new URL('../vite.web.config.ts', import.meta.url));
const distDir = fileURLToPath(new URL('../dist/web', import.meta.url));

/** @returns {number} */
function requestedPort() {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return defaultPort;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${raw}"`);
  }
  return port;
}

/** @param {number} port */
async function serveOnPortOrAnyFree(port) {
  try {
    return await serveStatic(distDir, port);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${port} is in use; using a free port instead.`);
    return serveStatic(distDir, 0);
  }
}

async function main() {
  const port = requestedPort();
  await build({ configFile, mode: 'production' });
  if (!existsSync(distDir)) throw new Error(`The web build did not produce ${distDir}`);

  const server = await serveOnPortOrAnyFree(port);
  console.log(`Marginalia is running at ${server.url} (Ctrl+C to stop)`);

  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
