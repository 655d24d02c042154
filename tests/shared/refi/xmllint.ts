// Schema validation with Debian's xmllint, and where the REFI-QDA reference files live: the
// folder `shared` beside the repository root (tests skip when it is absent).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REFI_DIR = path.resolve(__dirname, '../../../../shared/refi');
export const CODEBOOK_XSD = path.join(REFI_DIR, 'xsd', 'Codebook-mrt2019.xsd');
export const SAMPLES_DIR = path.join(REFI_DIR, 'samples');
export const haveRefiFiles = existsSync(CODEBOOK_XSD) && existsSync(SAMPLES_DIR);

/** Validates each XML text against the schema in one xmllint run; returns xmllint's complaints. */
export function validateAgainst(xsd: string, documents: readonly string[]): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marginalia-xsd-'));
  try {
    const files = documents.map((doc, i) => {
      const file = path.join(dir, `doc${i}.xml`);
      writeFileSync(file, doc, 'utf8');
      return file;
    });
    try {
      execFileSync('xmllint', ['--noout', '--schema', xsd, ...files], { stdio: 'pipe' });
      return { ok: true, output: '' };
    } catch (error) {
      const e = error as { stderr?: Buffer };
      return { ok: false, output: e.stderr?.toString() ?? String(error) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
