// Schema validation with xmllint (Debian's libxml2-utils) against the REFI-QDA schemas kept in
// tests/fixtures/refi/xsd, so it runs on every clone. Without xmllint, validation tests are
// skipped outside CI and fail under CI=true. Other tools' sample files stay in ../shared/refi.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasXmllint, isCI, sharedDir, XMLLINT_MISSING } from '../../setup/machine';

const XSD_DIR = path.resolve(__dirname, '../../fixtures/refi/xsd');
export const CODEBOOK_XSD = path.join(XSD_DIR, 'Codebook-mrt2019.xsd');
export const PROJECT_XSD = path.join(XSD_DIR, 'Project-mrt2019.xsd');

/** `.qdc` and `.qdpx` files written by other tools (never committed): `describeWithSharedDir`. */
export const SAMPLES_DIR = path.join(sharedDir, 'refi', 'samples');

/** Whether schema checks run: xmllint is there, or CI requires it (and validateAgainst fails). */
export const canValidate = isCI || hasXmllint();

/** Validates each XML text against the schema in one xmllint run; returns xmllint's complaints. */
export function validateAgainst(xsd: string, documents: readonly string[]): { ok: boolean; output: string } {
  if (!hasXmllint()) throw new Error(`${isCI ? 'CI=true: ' : ''}${XMLLINT_MISSING}`);
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
