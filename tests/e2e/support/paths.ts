// Where the end-to-end tests find the repository, its web build and their own output.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The static web build that the end-to-end tests drive (see vite.web.config.ts). E2E_WEB_DIR
 * points elsewhere, so parallel work on one checkout does not rebuild it under a running test.
 */
export const webBuildDir = process.env.E2E_WEB_DIR ? resolve(process.env.E2E_WEB_DIR) : resolve(repoRoot, 'dist/web');

/** Screenshots, traces and other artefacts; not committed. */
export const testResultsDir = resolve(repoRoot, 'test-results');
