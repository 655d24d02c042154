// The real-shaped samples live beside the repository (../shared/corpus), never inside it
// (copyright). Tests that read them run when the folder is there, are skipped when it is not,
// and fail under CI=true without it (tests/setup/requiredSuites.ts).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasSharedDir, sharedDir } from '../../setup/machine';
import { describeWithSharedDir } from '../../setup/requiredSuites';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const CORPUS_DIR = resolve(sharedDir, 'corpus');

export const corpusAvailable = hasSharedDir();

/** A suite over the corpus: its body (which may read files) runs only when the folder is there. */
export const describeCorpus = describeWithSharedDir;

export function readCorpus(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(CORPUS_DIR, name)));
}

export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(repoRoot, 'tests/fixtures/import', name)));
}
