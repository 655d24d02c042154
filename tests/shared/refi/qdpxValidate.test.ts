// Integrity checks name every broken reference, repeated GUID and misplaced selection, and find
// nothing wrong in what Marginalia writes or in other tools' sample files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { projectSnapshotArb } from '../model/projectArb';
import { validateQdc, validateQdpx } from '../../../shared/refi/qdpxValidate';
import { writeQdpx } from '../../../shared/refi/qdpxWrite';
import { buildQdc } from '../../../shared/refi/qdcWrite';
import { foreignProject } from './foreignProject';
import { describeWithSharedDir } from '../../setup/requiredSuites';
import { SAMPLES_DIR } from './xmllint';

const texts = (bytes: Uint8Array): string[] => validateQdpx(bytes).problems.map((p) => `${p.severity}: ${p.text}`);

describe('validateQdpx', () => {
  it('finds nothing wrong in files Marginalia writes', () => {
    fc.assert(
      fc.property(projectSnapshotArb, (project) => {
        expect(texts(writeQdpx(project))).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('finds nothing wrong when codings name a coder that has no record (the legacy "me")', () => {
    const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 8 })[0]!;
    for (const coding of project.codings) coding.coder = 'me';
    expect(texts(writeQdpx(project))).toEqual([]);
  });

  it('finds nothing wrong in a sound file from another tool', () => {
    expect(texts(foreignProject({ crlf: true, bom: true }))).toEqual([]);
  });

  it('names offsets past the end, missing codes, repeated GUIDs and missing files', () => {
    const bytes = foreignProject({
      edit: (qde) =>
        qde
          .replace(/endPosition="\d+"/, 'endPosition="500"')
          .replace('targetGUID="a1b2c3d4-0000-4000-8000-000000000002"', 'targetGUID="deadbeef-0000-4000-8000-000000000000"')
          .replace('guid="c0d1c000-0000-4000-8000-000000000001"', 'guid="{C0D1C000-0000-4000-8000-000000000000}"')
          .replace('</Sources>', '<TextSource guid="5c5c5c5c-0000-4000-8000-000000000099" name="Gone" plainTextPath="internal://gone.txt"/></Sources>'),
    });
    const problems = texts(bytes);
    expect(problems).toContainEqual(expect.stringMatching(/^error: Selection \{5E1EC700-0000-4000-8000-000000000000\} in source “Interview”: ends at 500, past the end of the text \(\d+ characters\)\.$/));
    expect(problems).toContainEqual('error: Coding {C0D1C000-0000-4000-8000-000000000000} refers to a code that the file does not define (deadbeef-0000-4000-8000-000000000000).');
    expect(problems).toContainEqual(expect.stringMatching(/^error: The GUID \{C0D1C000-0000-4000-8000-000000000000\} is used twice/));
    expect(problems).toContainEqual('error: Source “Gone”: the archive has no file for “internal://gone.txt”.');
  });

  it('says in one line why a file cannot be opened at all', () => {
    expect(texts(strToU8('not a zip'))).toEqual([expect.stringMatching(/^error: This is not a readable \.qdpx project/)]);
  });
});

describe('validateQdc', () => {
  it('finds nothing wrong in a codebook Marginalia writes', () => {
    const qdc = buildQdc({ codes: [{ id: 'a1b2c3d4-0000-4000-8000-000000000001', projectId: 'p', parentId: null, name: 'A', description: '', color: '#ff0000', order: 0, createdAt: '' }] });
    expect(validateQdc(strToU8(qdc)).problems).toEqual([]);
  });

  it('names an empty <Sets/>, a missing isCodable, a member that is not there and a repeated GUID', () => {
    const qdc = `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a1b2c3d4-0000-4000-8000-000000000001" name="A"/><Code guid="{A1B2C3D4-0000-4000-8000-000000000001}" name="B" isCodable="true"/></Codes><Sets/></CodeBook>`;
    expect(validateQdc(strToU8(qdc)).problems.map((p) => p.text)).toEqual([
      'Code “A” has no isCodable attribute (the schema requires it).',
      'The GUID {A1B2C3D4-0000-4000-8000-000000000001} is used twice: by code “A” and by code “B”.',
      'The codebook has an empty <Sets> list (the schema requires at least one <Set>).',
    ]);
    const dangling = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a1b2c3d4-0000-4000-8000-000000000001" name="A" isCodable="true"/></Codes><Sets><Set guid="a1b2c3d4-0000-4000-8000-000000000002" name="S"><MemberCode guid="a1b2c3d4-0000-4000-8000-000000000003"/></Set></Sets></CodeBook>`;
    expect(validateQdc(strToU8(dangling)).problems.map((p) => p.text)).toEqual(['Set “S” refers to a code that the codebook does not define (a1b2c3d4-0000-4000-8000-000000000003).']);
  });
});

describeWithSharedDir('other tools’ samples', () => {
  const sample = (file: string): Uint8Array => new Uint8Array(readFileSync(path.join(SAMPLES_DIR, file)));
  it('finds the samples sound', () => {
    for (const file of ['ponte/blank-atlas-project.qdpx', 'ponte/target-atlas-project.qdpx', 'maxqda24/paper_themes.qdpx']) {
      expect(texts(sample(file)), file).toEqual([]);
    }
    for (const file of ['requal/atlasti_win_23.4.0_codebook.qdc', 'spec_annexA/example1_codebook.qdc']) {
      expect(validateQdc(sample(file)).problems, file).toEqual([]);
    }
  });
});
