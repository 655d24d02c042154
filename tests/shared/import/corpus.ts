// The real-shaped samples live beside the repository (../shared/corpus), never inside it
// (copyright). Tests that read them run when the folder is there and are skipped when it is not.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const CORPUS_DIR = resolve(repoRoot, '../shared/corpus');

export const corpusAvailable = existsSync(CORPUS_DIR);

/** `describe` when the corpus folder exists, `describe.skip` when it does not. */
export const describeCorpus = corpusAvailable ? describe : describe.skip;

export function readCorpus(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(CORPUS_DIR, name)));
}

export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(repoRoot, 'tests/fixtures/import', name)));
}
