// Finds a Chrome or Chromium for the end-to-end tests and the benchmark the way a user's machine
// has one: CHROMIUM_PATH, then the usual install locations, then the PATH, then a browser that
// Playwright downloaded. Plain Node, so `npm run bench` and the TypeScript tests share it.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

/** One line saying how to enable the browser tests; printed when they are skipped or required. */
export const CHROMIUM_HINT =
  'install Chromium or Chrome (Debian: apt-get install chromium) or set CHROMIUM_PATH to its executable';

/** Where Chrome and Chromium install themselves, per platform, in the order we try them. */
export function usualLocations(platform, env) {
  if (platform === 'darwin') {
    const home = env.HOME ?? '';
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      join(home, 'Applications/Chromium.app/Contents/MacOS/Chromium'),
      join(home, 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
    ];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramFiles, env['ProgramFiles(x86)']];
    const dirs = [...new Set(roots.filter(Boolean))];
    return dirs.flatMap((dir) => [
      join(dir, 'Chromium', 'Application', 'chrome.exe'),
      join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ];
}

/** Executable names looked up on the PATH after the usual locations. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Where playwright-core would put a browser that `npx playwright install` downloaded. */
function playwrightManagedPath() {
  const { chromium } = createRequire(import.meta.url)('playwright-core');
  return chromium.executablePath();
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * A Chromium executable, or why there is none. CHROMIUM_PATH, when set, is the only candidate:
 * a user who names a browser means that one, and a wrong name must not quietly run another.
 * `playwrightPath` replaces playwright-core's `chromium.executablePath()` (tests pass their own; it
 * is a function because asking can throw on a platform Playwright does not know).
 *
 * @param {{ env?: Record<string, string | undefined>, platform?: string, exists?: (path: string) => boolean, playwrightPath?: () => string }} [options]
 * @returns {{ path: string, found: string } | { path: null, reason: string }}
 */
export function findChromium(options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? isFile;

  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    return exists(chosen) ? { path: chosen, found: 'CHROMIUM_PATH' } : { path: null, reason: `CHROMIUM_PATH=${chosen} is not a file` };
  }
  for (const path of usualLocations(platform, env)) {
    if (exists(path)) return { path, found: 'usual location' };
  }
  const pathDirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  const suffix = platform === 'win32' ? '.exe' : '';
  for (const dir of pathDirs) {
    for (const name of PATH_NAMES) {
      const path = join(dir, name + suffix);
      if (exists(path)) return { path, found: 'PATH' };
    }
  }
  let managed;
  try {
    managed = (options.playwrightPath ?? playwrightManagedPath)();
  } catch {
    managed = undefined;
  }
  if (managed && exists(managed)) return { path: managed, found: 'Playwright' };
  return { path: null, reason: 'no Chrome or Chromium found' };
}
