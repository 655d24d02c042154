// The REFI-QDA schemas kept in tests/fixtures/refi/xsd: the standard's own files, unchanged, and
// xmllint really applies them (a valid project passes, an invalid one is refused), so every
// .qdc/.qde validation built on them can fail.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithSharedDir } from '../../setup/requiredSuites';
import { sharedDir } from '../../setup/machine';
import { canValidate, CODEBOOK_XSD, PROJECT_XSD, validateAgainst } from './xmllint';

const project = (codes: string) =>
  '<?xml version="1.0" encoding="utf-8"?>\n' +
  '<Project xmlns="urn:QDA-XML:project:1.0" name="Ferry study" origin="Marginalia">' +
  `<CodeBook><Codes>${codes}</Codes></CodeBook></Project>`;
const oneCode = '<Code guid="85D17F60-7BB0-481E-B742-B4861DD669DF" name="Access" isCodable="true"/>';

describe.runIf(canValidate)('the REFI-QDA schemas in the fixtures', () => {
  it('accepts a minimal project.qde', () => {
    expect(validateAgainst(PROJECT_XSD, [project(oneCode)])).toEqual({ ok: true, output: '' });
  });

  it('refuses a project.qde that breaks the schema (an empty Codes list)', () => {
    const result = validateAgainst(PROJECT_XSD, [project('')]);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Codes/);
  });

  it('refuses a codebook in the project namespace', () => {
    expect(validateAgainst(CODEBOOK_XSD, [project(oneCode)]).ok).toBe(false);
  });
});

describeWithSharedDir('the fixtures’ schemas and the standard’s files in ../shared/refi', () => {
  it.each(['Codebook-mrt2019.xsd', 'Project-mrt2019.xsd'])('%s is an unchanged copy', (name) => {
    const copy = readFileSync(path.join(path.dirname(PROJECT_XSD), name), 'utf8');
    expect(copy).toBe(readFileSync(path.join(sharedDir, 'refi', 'xsd', name), 'utf8'));
  });
});
