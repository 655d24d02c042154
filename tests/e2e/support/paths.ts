// Where the end-to-end tests find the repository, its web build and their own output.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The static web build that the end-to-end tests drive (see vite.web.config.ts). */
export const webBuildDir = resolve(repoRoot, 'dist/web');

/** Screenshots, traces and other artefacts; not committed. */
export const testResultsDir = resolve(repoRoot, 'test-results');
