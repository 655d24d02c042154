// Finds the Electron executable the way `require('electron')` does, minus its fallback of
// downloading it: `npm start` must be able to say "not installed" instead of hanging or crashing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const MISSING_ELECTRON_MESSAGE =
  'Marginalia: the Electron binary is not installed on this machine (it could not be downloaded). ' +
  'Run "npm run web" to use Marginalia in your browser instead.';

/**
 * The folder of the `electron` package as installed for the project at `projectDir`, or null.
 * Resolving `electron/package.json` does not run the package's index.js (which would download).
 */
export function findElectronPackage(projectDir) {
  try {
    return dirname(createRequire(join(projectDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The Electron executable inside an `electron` package folder, or null when it was never
 * downloaded: `path.txt` names it relative to `dist/`, and both must exist.
 */
export function findElectronBinary(electronDir) {
  let relativePath;
  try {
    relativePath = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!relativePath) return null;
  const executable = join(electronDir, 'dist', relativePath);
  return existsSync(executable) ? executable : null;
}
