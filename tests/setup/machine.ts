// What the tests need from the machine beyond node_modules: a Chrome or Chromium (end-to-end and
// acceptance tests), the team's `shared` folder beside the repository (the real-shaped corpus and
// other tools' REFI-QDA files, never committed), and xmllint (schema validation). On a developer's
// machine a missing one skips its tests with one line saying how to enable them; under CI=true
// each is required and its absence fails the run. No vitest runtime here: the config reads it too.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_HINT, findChromium, type ChromiumSearch } from '../../scripts/findChromium.mjs';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** CI runs everything: `.ci/run` sets CI=true, as most CI services do. */
export const isCI = process.env.CI === 'true' || process.env.CI === '1';

/** The team's folder beside the repository: `../shared` from the repository root. */
export const sharedDir = resolve(repoRoot, '../shared');

export function hasSharedDir(): boolean {
  return existsSync(sharedDir);
}

let xmllintFound: boolean | undefined;

export function hasXmllint(): boolean {
  if (xmllintFound === undefined) {
    try {
      execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
      xmllintFound = true;
    } catch {
      xmllintFound = false;
    }
  }
  return xmllintFound;
}

export function chromium(): ChromiumSearch {
  return findChromium();
}

export const SHARED_DIR_MISSING =
  `tests that read ../shared/ (the corpus, other tools' REFI-QDA files) need the team's shared folder at ${sharedDir}`;
export const XMLLINT_MISSING = 'REFI-QDA schema validation needs xmllint (Debian: apt-get install libxml2-utils)';

export function chromiumMissing(reason: string): string {
  return `end-to-end and acceptance tests need a browser (${reason}): ${CHROMIUM_HINT}`;
}

/** One line per missing requirement, as printed when its tests are skipped (empty when none is). */
export function missingRequirements(): string[] {
  const lines: string[] = [];
  const browser = chromium();
  if (browser.path === null) lines.push(chromiumMissing(browser.reason));
  if (!hasSharedDir()) lines.push(SHARED_DIR_MISSING);
  if (!hasXmllint()) lines.push(XMLLINT_MISSING);
  return lines;
}
