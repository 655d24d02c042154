// Where the REFI-QDA files the project tests need are: the schemas, committed in
// tests/fixtures/refi/xsd, and other tools' sample files, in the team's `shared` folder beside the
// repository (`../shared`; `../../shared` for a git worktree one folder further down). Without
// the samples their tests are skipped with one line; under CI=true they are required.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
export const PROJECT_XSD = path.join(repoRoot, 'tests/fixtures/refi/xsd/Project-mrt2019.xsd');
export const CODEBOOK_XSD_FIXTURE = path.join(repoRoot, 'tests/fixtures/refi/xsd/Codebook-mrt2019.xsd');

const sampleCandidates = [path.resolve(repoRoot, '../shared/refi/samples'), path.resolve(repoRoot, '../../shared/refi/samples')];
export const REFI_SAMPLES: string | null = sampleCandidates.find((dir) => existsSync(dir)) ?? null;
export const isCI = process.env.CI === 'true' || process.env.CI === '1';
export const SAMPLES_MISSING = `other tools' REFI-QDA samples are not at ${sampleCandidates[0]}: their tests are skipped`;

export function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Validates XML texts against a schema in one xmllint run; xmllint's complaints when invalid. */
export function xmllintAgainst(xsd: string, documents: readonly string[]): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marginalia-qde-'));
  try {
    const files = documents.map((doc, i) => {
      const file = path.join(dir, `doc${i}.xml`);
      writeFileSync(file, doc, 'utf8');
      return file;
    });
    try {
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', xsd, ...files], { stdio: 'pipe' });
      return { ok: true, output: '' };
    } catch (error) {
      const e = error as { stderr?: Buffer };
      return { ok: false, output: e.stderr?.toString() ?? String(error) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
