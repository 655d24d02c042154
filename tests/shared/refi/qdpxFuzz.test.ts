// Damaged project files, at random: whatever is changed in the archive or in project.qde,
// opening either gives a project (consistent: every reference resolves, every coding lies in its
// text) or refuses with a QdpxFileError; it never throws anything else.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readQdpx, QdpxFileError } from '../../../shared/refi/qdpxRead';
import { validateQdpx } from '../../../shared/refi/qdpxValidate';
import { writeQdpx } from '../../../shared/refi/qdpxWrite';
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { projectSnapshotArb } from '../model/projectArb';
import { foreignProject } from './foreignProject';

let n = 0;
const newId = (): string => `40000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function expectConsistent(snapshot: ProjectSnapshot): void {
  const texts = new Map(snapshot.sourceTexts.map((t) => [t.sourceId, t.text]));
  const codes = new Set(snapshot.codes.map((c) => c.id));
  for (const coding of snapshot.codings) {
    const text = texts.get(coding.sourceId);
    expect(text).toBeDefined();
    expect(codes.has(coding.codeId)).toBe(true);
    expect(0 <= coding.start && coding.start <= coding.end && coding.end <= text!.length).toBe(true);
  }
}

function openOrRefuse(bytes: Uint8Array): void {
  try {
    expectConsistent(readQdpx(bytes, { newId }).snapshot);
  } catch (error) {
    if (!(error instanceof QdpxFileError)) throw error;
  }
  // Validation never throws either: it reports.
  expect(Array.isArray(validateQdpx(bytes).problems)).toBe(true);
}

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 20 }),
  insert: fc.constantFrom('', '<', '>', '"', '&', '&amp;', '-1', '99999', '</Code>', '<Code guid="x" name="y" isCodable="true">', 'targetGUID="', '\u0000', '😀', '{', '<!-- -->', ']]>'),
});

describe('damaged .qdpx files', () => {
  it('open or are refused in a sentence, whatever was changed in project.qde', () => {
    const base = [foreignProject({ crlf: true, names: true }), writeQdpx(fc.sample(projectSnapshotArb, { numRuns: 1, seed: 9 })[0]!)];
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => {
        const entries = unzipSync(base[which]!);
        let xml = strFromU8(entries['project.qde']!);
        for (const e of edits) {
          const at = e.at % (xml.length + 1);
          xml = xml.slice(0, at) + e.insert + xml.slice(at + e.remove);
        }
        entries['project.qde'] = strToU8(xml);
        openOrRefuse(zipSync(entries));
      }),
      { numRuns: 300 },
    );
  });

  it('open or are refused in a sentence, whatever bytes of the archive were changed', () => {
    const base = writeQdpx(fc.sample(projectSnapshotArb, { numRuns: 1, seed: 4 })[0]!, { level: 0 });
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }), (changes) => {
        const bytes = base.slice();
        for (const c of changes) bytes[c.at % bytes.length] = c.byte;
        openOrRefuse(bytes);
      }),
      { numRuns: 300 },
    );
  });
});
