// Sources' original files in a .qdpx: written beside the plain text as sources/<GUID>.<ext> and
// named by the TextSource's richTextPath (the schema's attribute; plainTextPath stays the text),
// read back byte for byte, field for field, with GUIDs that do not change from one save to the
// next; other tools' originals (a .docx as richTextPath, a PDF source's path) are kept too, and
// one that cannot be read is reported while its source's text is kept.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { projectSnapshotArb } from '../model/projectArb';
import { diffSnapshots, type ProjectSnapshot } from '../../../shared/model/snapshot';
import type { SourceOriginal } from '../../../shared/model/types';
import { readQdpx } from '../../../shared/refi/qdpxRead';
import { writeProjectQde, writeQdpx } from '../../../shared/refi/qdpxWrite';
import { originalGuidFor } from '../../../shared/refi/qdeFromSnapshot';
import { canValidate, PROJECT_XSD, validateAgainst } from './xmllint';

let n = 0;
const newId = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

const EXTENSIONS = ['docx', 'pdf', 'odt', 'rtf', 'html', 'md', 'txt'] as const;

/** A random project whose sources (some of them) carry an original file of random bytes. */
const withOriginalsArb: fc.Arbitrary<ProjectSnapshot> = projectSnapshotArb.chain((project) =>
  fc
    .tuple(...project.sources.map(() => fc.option(fc.record({ extension: fc.constantFrom(...EXTENSIONS), bytes: fc.uint8Array({ minLength: 0, maxLength: 300 }) }), { nil: undefined })))
    .map((choices) => {
      const sourceOriginals: SourceOriginal[] = [];
      choices.forEach((choice, i) => {
        if (choice) sourceOriginals.push({ sourceId: project.sources[i]!.id, projectId: project.project.id, extension: choice.extension, bytes: choice.bytes });
      });
      return sourceOriginals.length > 0 ? { ...project, sourceOriginals } : project;
    }),
);

/** A small project with one source and a .docx original: the shape the e2e test imports. */
function oneSourceProject(bytes: Uint8Array, extension = 'docx'): ProjectSnapshot {
  const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 11 })[0]!;
  const source = project.sources[0]!;
  return { ...project, sourceOriginals: [{ sourceId: source.id, projectId: project.project.id, extension, bytes }] };
}

describe('original files in a .qdpx', () => {
  it('gives back every record and every original of a random project, byte for byte', () => {
    fc.assert(
      fc.property(withOriginalsArb, (project) => {
        const back = readQdpx(writeQdpx(project), { newId }).snapshot;
        expect(diffSnapshots(project, back)).toEqual({});
        const byId = new Map((back.sourceOriginals ?? []).map((o) => [o.sourceId, o]));
        for (const original of project.sourceOriginals ?? []) {
          const read = byId.get(original.sourceId)!;
          expect(read.extension).toBe(original.extension);
          expect(read.projectId).toBe(original.projectId);
          expect([...read.bytes]).toEqual([...original.bytes]);
        }
        expect(byId.size).toBe(project.sourceOriginals?.length ?? 0);
      }),
      { numRuns: 30 },
    );
  }, 30_000);

  it('writes the original beside the plain text, named by richTextPath, in a project.qde that validates', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 0, 255]);
    const project = oneSourceProject(bytes);
    const source = project.sources[0]!;
    const entries = unzipSync(writeQdpx(project));
    const originalName = `${originalGuidFor(source.id)}.docx`;
    expect(Object.keys(entries)).toContain(`sources/${originalName}`);
    expect(Object.keys(entries)).toContain(`sources/${source.id}.txt`);
    expect([...entries[`sources/${originalName}`]!]).toEqual([...bytes]);
    const qde = strFromU8(entries['project.qde']!);
    expect(qde).toMatch(new RegExp(`<TextSource guid="${source.id}"[^>]* richTextPath="internal://${originalName}" plainTextPath="internal://${source.id}.txt"`));
    // The original is not JSON: marginalia.json never carries bytes.
    expect(strFromU8(entries['marginalia.json']!)).not.toContain('sourceOriginals');
    if (canValidate) expect(validateAgainst(PROJECT_XSD, [writeProjectQde(project)]).output).toBe('');
  });

  it('keeps the same GUIDs and bytes across Save → Open → Save', () => {
    const project = oneSourceProject(strToU8('{\\rtf1 hello}'), 'rtf');
    const first = writeQdpx(project);
    const opened = readQdpx(first, { newId }).snapshot;
    const second = writeQdpx(opened);
    expect(Object.keys(unzipSync(second)).sort()).toEqual(Object.keys(unzipSync(first)).sort());
    const [a, b] = [unzipSync(first), unzipSync(second)];
    for (const name of Object.keys(a)) if (name !== 'marginalia.json') expect(strFromU8(b[name]!), name).toBe(strFromU8(a[name]!));
  });

  it('stores an original that is compressed already without deflating it again, and deflates text', () => {
    const big = new Uint8Array(200_000).fill(65);
    const docx = writeQdpx(oneSourceProject(big, 'docx'));
    const html = writeQdpx(oneSourceProject(big, 'html'));
    // A run of one byte deflates to almost nothing: the .docx entry is stored, the .html one is not.
    expect(docx.byteLength).toBeGreaterThan(big.byteLength);
    expect(html.byteLength).toBeLessThan(big.byteLength / 10);
  });

  it('keeps the originals another tool wrote: a .docx named by richTextPath and a PDF source’s path', () => {
    const textGuid = 'AAAAAAAA-1111-4111-8111-111111111111';
    const docxGuid = 'BBBBBBBB-2222-4222-8222-222222222222';
    const pdfGuid = 'CCCCCCCC-3333-4333-8333-333333333333';
    const repGuid = 'DDDDDDDD-4444-4444-8444-444444444444';
    const pdfFile = 'EEEEEEEE-5555-4555-8555-555555555555';
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Foreign" origin="Other tool">
  <Sources>
    <TextSource guid="${textGuid}" name="Interview.docx" richTextPath="internal://${docxGuid}.docx" plainTextPath="internal://${textGuid}.txt"/>
    <PDFSource guid="${pdfGuid}" name="Report.pdf" path="internal://${pdfFile}.pdf">
      <Representation guid="${repGuid}" plainTextPath="internal://${repGuid}.txt"/>
    </PDFSource>
  </Sources>
</Project>`;
    const file = zipSync({
      'project.qde': strToU8(qde),
      [`Sources/${textGuid}.txt`]: strToU8('Interview text'),
      [`Sources/${docxGuid}.docx`]: new Uint8Array([1, 2, 3]),
      [`Sources/${repGuid}.txt`]: strToU8('Report text'),
      [`Sources/${pdfFile}.pdf`]: strToU8('%PDF-1.4 fake'),
    });
    const { snapshot, report } = readQdpx(file, { newId });
    const originals = new Map((snapshot.sourceOriginals ?? []).map((o) => [snapshot.sources.find((s) => s.id === o.sourceId)!.name, o]));
    expect([...originals.keys()].sort()).toEqual(['Interview.docx', 'Report.pdf']);
    expect(originals.get('Interview.docx')!.extension).toBe('docx');
    expect([...originals.get('Interview.docx')!.bytes]).toEqual([1, 2, 3]);
    expect(originals.get('Report.pdf')!.extension).toBe('pdf');
    expect(strFromU8(originals.get('Report.pdf')!.bytes)).toBe('%PDF-1.4 fake');
    // Nothing in the archive went unused, and nothing was reported as lost.
    expect(report.entries.map((e) => e.text).join('\n')).not.toMatch(/not used|original file/);
  });

  it('reports an original that is missing or unsafe and keeps the source’s text', () => {
    const a = 'AAAAAAAA-1111-4111-8111-111111111111';
    const b = 'BBBBBBBB-2222-4222-8222-222222222222';
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Foreign">
  <Sources>
    <TextSource guid="${a}" name="Gone.docx" richTextPath="internal://99999999-9999-4999-8999-999999999999.docx" plainTextPath="internal://${a}.txt"/>
    <TextSource guid="${b}" name="Climbing.docx" richTextPath="internal://../../etc/passwd" plainTextPath="internal://${b}.txt"/>
  </Sources>
</Project>`;
    const file = zipSync({ 'project.qde': strToU8(qde), [`sources/${a}.txt`]: strToU8('kept text A'), [`sources/${b}.txt`]: strToU8('kept text B') });
    const { snapshot, report } = readQdpx(file, { newId });
    expect(snapshot.sourceTexts.map((t) => t.text).sort()).toEqual(['kept text A', 'kept text B']);
    expect(snapshot.sourceOriginals ?? []).toEqual([]);
    const lines = report.entries.map((e) => e.text).join('\n');
    expect(lines).toMatch(/Gone\.docx.*original file could not be read/);
    expect(lines).toMatch(/Climbing\.docx.*original file could not be read.*unsafe/);
  });
});
