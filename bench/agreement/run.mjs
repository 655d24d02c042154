// Bundles measureAgreement.ts with rolldown (TypeScript needs a build step on Node 20) and prints
// its figures.
import { rolldown } from 'rolldown';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const dir = await mkdtemp(join(tmpdir(), 'agreement-bench-'));
try {
  const bundle = await rolldown({ input: fileURLToPath(new URL('./measureAgreement.ts', import.meta.url)), platform: 'node' });
  await bundle.write({ file: join(dir, 'measure.mjs'), format: 'esm' });
  const { measure } = await import(pathToFileURL(join(dir, 'measure.mjs')).href);
  for (const line of measure()) console.log(line);
} finally {
  await rm(dir, { recursive: true, force: true });
}
