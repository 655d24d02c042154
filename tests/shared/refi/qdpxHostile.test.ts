// Hostile and damaged project files: each is refused with a sentence, or opened with the damage
// repaired and reported; nothing hangs, nothing inflates without a budget, nothing is read from
// outside the archive.
import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { readQdpx, QdpxFileError } from '../../../shared/refi/qdpxRead';
import { writeQdpx } from '../../../shared/refi/qdpxWrite';
import { emptySnapshot } from '../../../shared/model/snapshot';
import { foreignProject, SOURCE, TEXT } from './foreignProject';

let n = 0;
const newId = (): string => `20000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const open = (bytes: Uint8Array) => readQdpx(bytes, { newId, now: '2026-01-01T00:00:00.000Z' });
const reportOf = (bytes: Uint8Array): string => open(bytes).report.entries.map((e) => `${e.kind}: ${e.text}`).join('\n');

function refused(bytes: Uint8Array): string {
  try {
    open(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(QdpxFileError);
    return (error as Error).message;
  }
  throw new Error('the file was opened');
}

/** Sets a central-directory field of the entry named `name` (little-endian, 4 bytes). */
function patchDirectory(bytes: Uint8Array, name: string, offset: number, value: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const target = strToU8(name);
  for (let i = 0; i < out.length - 46; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const length = view.getUint16(i + 28, true);
    if (length === target.length && target.every((b, k) => out[i + 46 + k] === b)) {
      view.setUint32(i + offset, value, true);
      return out;
    }
  }
  throw new Error(`no directory entry ${name}`);
}

describe('hostile .qdpx files', () => {
  it('refuses bytes that are not a zip, or a zip without a project file', () => {
    expect(refused(strToU8('just some text, not an archive'))).toMatch(/not a readable \.qdpx/);
    expect(refused(zipSync({ 'readme.txt': strToU8('hello') }))).toMatch(/no REFI-QDA project file/);
    expect(refused(foreignProject().slice(0, 200))).toMatch(/not a readable \.qdpx/);
  });

  it('refuses a project file with a DOCTYPE (no entities, no billion laughs)', () => {
    const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    const bytes = foreignProject({ edit: (qde) => qde.replace('?>', `?>${laughs}`).replace('name="Variant"', 'name="&lol2;"') });
    expect(refused(bytes)).toMatch(/DOCTYPE/);
    const external = foreignProject({ edit: (qde) => qde.replace('?>', '?><!DOCTYPE p SYSTEM "file:///etc/passwd">') });
    expect(refused(external)).toMatch(/DOCTYPE/);
  });

  it('refuses XML that is not well-formed, and XML nested absurdly deep, without hanging', () => {
    expect(refused(foreignProject({ edit: (qde) => qde.slice(0, -30) }))).toMatch(/not well-formed/);
    const deep = '<Code guid="a1b2c3d4-0000-4000-8000-000000000009" name="x" isCodable="true">'.repeat(5000) + '</Code>'.repeat(5000);
    expect(refused(foreignProject({ edit: (qde) => qde.replace('<Codes>', `<Codes>${deep}`) }))).toMatch(/nests elements more than 256 deep/);
  });

  it('ignores entries whose names climb out of the archive or are absolute, and refuses paths that do', () => {
    const report = reportOf(
      foreignProject({ entries: { '../../evil.txt': strToU8('x'), '/etc/passwd': strToU8('x'), 'C:/Windows/x.txt': strToU8('x') } }),
    );
    expect(report).toMatch(/“\.\.\/\.\.\/evil\.txt” has an unsafe name/);
    expect(report).toMatch(/“\/etc\/passwd” has an unsafe name/);
    const climbing = open(foreignProject({ path: () => 'internal://../../etc/passwd', entries: { 'etc/passwd': strToU8('root:x:0:0') } }));
    expect(climbing.snapshot.sources).toEqual([]);
    expect(climbing.report.entries.map((e) => e.text).join('\n')).toMatch(/Source “Interview” could not be read: its path .* is unsafe \(2 codings left out\)/);
  });

  it('never reads a symbolic link', () => {
    const bytes = foreignProject({ folder: 'elsewhere', entries: { [`sources/${SOURCE}.txt`]: [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] } as Zippable });
    const { snapshot, report } = open(bytes);
    expect(snapshot.sources).toEqual([]);
    expect(report.entries.map((e) => e.text).join('\n')).toMatch(/is a symbolic link; it was ignored/);
  });

  it('refuses a zip bomb from its directory before inflating it', () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const bytes = foreignProject({ sourceBytes: zeros });
    const { snapshot, report } = open(bytes);
    expect(snapshot.sources).toEqual([]);
    expect(report.entries.map((e) => e.text).join('\n')).toMatch(/zip bomb/);
  });

  it('stops inflating an entry that is larger than its directory says', () => {
    const honest = foreignProject({ sourceBytes: strToU8('x'.repeat(100_000)) });
    // The directory now claims 10 bytes; the data inflates to 100,000.
    const lying = patchDirectory(honest, `sources/${SOURCE}.txt`, 24, 10);
    const { snapshot, report } = open(lying);
    expect(snapshot.sources).toEqual([]);
    expect(report.entries.map((e) => e.text).join('\n')).toMatch(/zip bomb|damaged/);
  });

  it('refuses a project file larger than it reads, from its declared size', () => {
    const lying = patchDirectory(foreignProject(), 'project.qde', 24, 300 * 1024 * 1024);
    expect(refused(lying)).toMatch(/larger than 256 MB/);
  });

  it('refuses a directory that declares more than the budget', () => {
    const lying = patchDirectory(foreignProject(), `sources/${SOURCE}.txt`, 24, 0xfffffff0);
    const { snapshot, report } = open(lying);
    expect(snapshot.sources).toEqual([]);
    expect(report.entries.map((e) => e.text).join('\n')).toMatch(/Source “Interview” could not be read: .*zip bomb/);
  });

  it('leaves out codings of codes the file does not define, and reports them', () => {
    const bytes = foreignProject({ edit: (qde) => qde.replace(/targetGUID="a1b2c3d4-0000-4000-8000-000000000002"/, 'targetGUID="deadbeef-0000-4000-8000-000000000000"') });
    const { snapshot, report } = open(bytes);
    expect(snapshot.codings).toHaveLength(1);
    expect(report.entries.map((e) => e.text).join('\n')).toMatch(/refers to a code the file does not define \(deadbeef/);
  });

  it('reports references to missing sources, variables and set members', () => {
    const bytes = foreignProject({
      edit: (qde) =>
        qde
          .replace('</Sources>', '</Sources><Sets><Set guid="5e700000-0000-4000-8000-000000000000" name="S"><MemberCode targetGUID="deadbeef-0000-4000-8000-000000000001"/></Set></Sets>')
          .replace('<CodeBook>', '<CodeBook>')
          .replace('</CodeBook>', '</CodeBook><Cases><Case guid="ca5e0000-0000-4000-8000-000000000000" name="Ana"><VariableValue><VariableRef targetGUID="deadbeef-0000-4000-8000-000000000002"/><TextValue>x</TextValue></VariableValue><SourceRef targetGUID="deadbeef-0000-4000-8000-000000000003"/></Case></Cases>'),
    });
    const { snapshot, report } = open(bytes);
    const text = report.entries.map((e) => e.text).join('\n');
    expect(snapshot.cases.map((c) => c.name)).toEqual(['Ana']);
    expect(snapshot.caseLinks).toEqual([]);
    expect(snapshot.caseValues).toEqual([]);
    expect(snapshot.codeSets[0]!.codeIds).toEqual([]);
    expect(text).toMatch(/value for a variable the file does not define/);
    expect(text).toMatch(/refers to a source that was not read/);
    expect(text).toMatch(/Set “S” names 1 code the file does not define/);
  });

  it('refuses offsets past the end of the text, in the wrong order or not numbers, per selection', () => {
    const bytes = foreignProject({
      edit: (qde) => {
        let k = 0;
        return qde.replace(/startPosition="(\d+)" endPosition="(\d+)"/g, (_m, start: string) => (k++ === 0 ? `startPosition="${start}" endPosition="9999"` : 'startPosition="5" endPosition="2"'));
      },
    });
    const { snapshot, report } = open(bytes);
    expect(snapshot.codings).toEqual([]);
    const text = report.entries.map((e) => e.text).join('\n');
    expect(text).toMatch(/ends at 9999, past the end of its text \(\d+ characters\)/);
    expect(text).toMatch(/positions in the wrong order \(5–2\)/);
    const nan = open(foreignProject({ edit: (qde) => qde.replace(/startPosition="\d+"/, 'startPosition="1e3"') }));
    expect(nan.snapshot.codings).toHaveLength(1);
    expect(nan.report.entries.map((e) => e.text).join('\n')).toMatch(/not a whole number/);
  });

  it('gives the second of two items with one GUID a new one, and keeps both', () => {
    const bytes = foreignProject({ edit: (qde) => qde.replace('guid="c0d1c000-0000-4000-8000-000000000001"', 'guid="c0d1c000-0000-4000-8000-000000000000"').replace('guid="a1b2c3d4-0000-4000-8000-000000000002"', 'guid="{A1B2C3D4-0000-4000-8000-000000000001}"').replace('targetGUID="a1b2c3d4-0000-4000-8000-000000000002"', 'targetGUID="A1B2C3D4-0000-4000-8000-000000000001"') });
    const { snapshot, report } = open(bytes);
    expect(new Set(snapshot.codings.map((c) => c.id)).size).toBe(2);
    expect(new Set(snapshot.codes.map((c) => c.id)).size).toBe(2);
    expect(report.entries.filter((e) => /used by more than one/.test(e.text))).toHaveLength(2);
  });

  it('decodes a source text in a legacy encoding and says so', () => {
    const latin = new Uint8Array([...'Caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80, 0x35]));
    const bytes = foreignProject({ sourceBytes: latin, edit: (qde) => qde.replace(/<PlainTextSelection[\s\S]*?<\/PlainTextSelection>/g, '') });
    const { snapshot, report } = open(bytes);
    expect(snapshot.sourceTexts[0]!.text).toBe('Café “q” €5');
    expect(snapshot.sources[0]!.encoding).toBe('Windows-1252');
    expect(report.entries.map((e) => e.text).join('\n')).toMatch(/is not UTF-8 as the standard requires; it was read as Windows-1252/);
  });

  it('lists what it cannot read: pictures, audio, video, PDF regions, links', () => {
    const bytes = foreignProject({
      edit: (qde) =>
        qde.replace(
          '</Sources>',
          '<PictureSource guid="9c000000-0000-4000-8000-000000000001" name="photo.jpg" path="internal://x.jpg"/><AudioSource guid="9c000000-0000-4000-8000-000000000002" name="talk.m4a"/><VideoSource guid="9c000000-0000-4000-8000-000000000003" name="clip.mp4"/>' +
            '<PDFSource guid="9c000000-0000-4000-8000-000000000004" name="paper.pdf" path="internal://p.pdf"><PDFSelection guid="9c000000-0000-4000-8000-000000000005" page="0" firstX="1" firstY="1" secondX="2" secondY="2"/><Representation guid="9c000000-0000-4000-8000-000000000006"><PlainTextContent>PDF text</PlainTextContent></Representation></PDFSource></Sources>',
        ),
    });
    const { snapshot, report } = open(bytes);
    const text = report.entries.map((e) => e.text).join('\n');
    expect(text).toMatch(/Not read: picture source “photo.jpg”/);
    expect(text).toMatch(/Not read: audio source “talk.m4a”/);
    expect(text).toMatch(/Not read: video source “clip.mp4”/);
    expect(text).toMatch(/Not read: 1 region selection \(page areas\) of a PDF “paper.pdf”/);
    // The PDF's plain-text representation is read as a source.
    expect(snapshot.sources.map((s) => [s.name, s.format])).toContainEqual(['paper.pdf', 'pdf']);
    expect(snapshot.sourceTexts.map((t) => t.text)).toContain('PDF text');
  });

  it('reads the standard part when marginalia.json is damaged, and never lets it break the project', () => {
    const project = emptySnapshot({ id: '30000000-0000-4000-8000-000000000001', name: 'P', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' });
    project.sources.push({ id: '30000000-0000-4000-8000-000000000002', projectId: project.project.id, name: 'S', length: 4, encoding: 'UTF-8', byteSize: 4, importedAt: '2025-01-01T00:00:00Z', order: 0 });
    project.sourceTexts.push({ sourceId: '30000000-0000-4000-8000-000000000002', projectId: project.project.id, text: 'text' });
    const entries = unzipSync(writeQdpx(project));
    entries['marginalia.json'] = strToU8('{not json');
    const damaged = open(zipSync(entries));
    expect(damaged.snapshot.sources.map((s) => s.name)).toEqual(['S']);
    expect(damaged.report.entries.map((e) => e.text).join('\n')).toMatch(/additions could not be used \(marginalia.json is not valid JSON\)/);

    const extras = JSON.parse(new TextDecoder().decode(unzipSync(writeQdpx(project))['marginalia.json']!));
    extras.added.codings = [{ id: 'x', projectId: project.project.id, sourceId: '30000000-0000-4000-8000-000000000002', codeId: 'nope', start: 0, end: 999 }];
    extras.changed.sources = { '30000000-0000-4000-8000-000000000002': { set: { id: 'stolen', length: 4 } } };
    entries['marginalia.json'] = strToU8(JSON.stringify(extras));
    const hostile = open(zipSync(entries));
    expect(hostile.snapshot.codings).toEqual([]);
    expect(hostile.snapshot.sources[0]!.id).toBe('30000000-0000-4000-8000-000000000002');
  });

  it('keeps the saved queries of marginalia.json and leaves out damaged ones, saying so', () => {
    const project = emptySnapshot({ id: '30000000-0000-4000-8000-000000000001', name: 'P', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' });
    const good = { id: 'q1', projectId: project.project.id, name: 'Trust near pay', type: 'query' as const, definition: { kind: 'or', a: { codeId: 'c1' }, b: { codeId: 'c2' } }, createdAt: 't', updatedAt: 't' };
    project.savedQueries.push(good);
    const entries = unzipSync(writeQdpx(project));
    const extras = JSON.parse(new TextDecoder().decode(entries['marginalia.json']!));
    expect(extras.added.savedQueries).toEqual([good]);
    extras.added.savedQueries.push({ ...good, id: 'q2', type: 'spell' }, { ...good, id: 'q3', name: '  ' }, { id: 'q4' });
    entries['marginalia.json'] = strToU8(JSON.stringify(extras));
    const { snapshot, report } = open(zipSync(entries));
    expect(snapshot.savedQueries).toEqual([good]);
    expect(report.entries.map((e) => e.text).join('\n')).toContain('3 saved queries were damaged; left out.');
  });

  it('keeps the text as given when the text is fine but the project file names no user', () => {
    const { snapshot } = open(foreignProject({ edit: (qde) => qde.replace(/ creatingUser="[^"]*"/g, '') }));
    expect(snapshot.sourceTexts[0]!.text).toBe(TEXT);
    expect(snapshot.coders.map((c) => c.name)).toContain('Unknown coder');
  });
});
