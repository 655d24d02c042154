// Bundles the agreement and merge measurements with rolldown (TypeScript needs a build step on
// Node 20) and prints their figures. `node bench/agreement/run.mjs [agreement|merge]`.
import { rolldown } from 'rolldown';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const dir = await mkdtemp(join(tmpdir(), 'agreement-bench-'));
try {
  const which = process.argv[2];
  for (const [name, file, fn] of [['agreement', 'measureAgreement', 'measure'], ['merge', 'measureMerge', 'measureMerge'], ['team', 'measureTeam', 'measureTeam'], ['mergefile', 'measureMergeFile', 'measureMergeFile']]) {
    if (which ? which !== name : name === 'team' || name === 'mergefile') continue;
    const bundle = await rolldown({ input: fileURLToPath(new URL(`./${file}.ts`, import.meta.url)), platform: 'node' });
    await bundle.write({ file: join(dir, `${file}.mjs`), format: 'esm' });
    const module = await import(pathToFileURL(join(dir, `${file}.mjs`)).href);
    for (const line of module[fn]()) console.log(line);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
