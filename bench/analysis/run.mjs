// `node bench/analysis/run.mjs`: bundles measureAnalysis.ts (TypeScript, shared/ imports) with
// rolldown into a temporary file and runs it in this Node. RUNS=n sets the runs per figure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';

const here = resolve(import.meta.dirname);
const dir = mkdtempSync(join(tmpdir(), 'marginalia-analysis-bench-'));
try {
  const file = join(dir, 'measure.mjs');
  await build({ input: join(here, 'measureAnalysis.ts'), platform: 'node', output: { file, format: 'esm' }, logLevel: 'warn' });
  execFileSync(process.execPath, [file], { stdio: 'inherit' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
