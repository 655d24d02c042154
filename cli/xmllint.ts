// Schema validation with xmllint (Debian: libxml2-utils), when it is installed. The schemas are
// bundled into the command line (shared/refi/xsd, the REFI-QDA standard's, MIT) and written to a
// temporary folder for the run; --nonet keeps xmllint from fetching anything.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import projectXsd from '../shared/refi/xsd/Project-mrt2019.xsd?raw';
import codebookXsd from '../shared/refi/xsd/Codebook-mrt2019.xsd?raw';

export type Schema = 'project' | 'codebook';

export function hasXmllint(): boolean {
  const run = spawnSync('xmllint', ['--version'], { stdio: 'ignore' });
  return run.error === undefined && run.status === 0;
}

/** xmllint's complaints, one per line, with the temporary file name replaced by `label`; [] when valid. */
export function schemaProblems(xml: string, schema: Schema, label: string): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marginalia-xsd-'));
  try {
    const xsd = path.join(dir, schema === 'project' ? 'Project-mrt2019.xsd' : 'Codebook-mrt2019.xsd');
    const document = path.join(dir, schema === 'project' ? 'project.qde' : 'codebook.qdc');
    writeFileSync(xsd, schema === 'project' ? projectXsd : codebookXsd);
    writeFileSync(document, xml);
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, document], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status === 0) return [];
    return run.stderr
      .split('\n')
      .filter((line) => line.trim() !== '' && !/ validates$/.test(line) && !/fails to validate$/.test(line))
      .map((line) => line.split(document).join(label));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
