// Other tools' project files open with their sources, codes and codings at exactly the right
// characters: the samples written by ATLAS.ti and MAXQDA, and every variant real files show
// (Sources/ folders, <name>.qde, sources/.root, BOMs, CRLF, braced or upper-case GUIDs, namespace
// prefixes, inline PlainTextContent, relative paths).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { readQdpx } from '../../../shared/refi/qdpxRead';
import { describeWithSharedDir } from '../../setup/requiredSuites';
import { SAMPLES_DIR } from './xmllint';
import { escapeXml as escape, foreignProject, TEXT } from './foreignProject';

let n = 0;
const newId = (): string => `10000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const open = (bytes: Uint8Array) => readQdpx(bytes, { newId, now: '2026-01-01T00:00:00.000Z' });

describeWithSharedDir('samples written by other tools', () => {
  const sample = (file: string): Uint8Array => new Uint8Array(readFileSync(path.join(SAMPLES_DIR, file)));

  it('opens an empty ATLAS.ti 23 project with its users', () => {
    const { snapshot, report } = open(sample('ponte/blank-atlas-project.qdpx'));
    expect(snapshot.project.name).toBe('blank-atlas-project');
    expect(snapshot.coders.map((c) => [c.id, c.name])).toEqual([
      ['088b08ac-d5cd-4adb-8b71-b4f3459c177f', 'Enric Llagostera'],
      ['c32a2bd5-537f-4838-8b17-df9efbafdf4b', 'ATLAS.ti'],
    ]);
    expect(snapshot.codes).toEqual([]);
    expect(report.origin).toBe('ATLAS.ti for Windows 23.2.3.27778');
    expect(report.fromMarginalia).toBe(false);
  });

  it('opens ATLAS.ti nested codes with upper-case GUIDs as lower-case ids', () => {
    const { snapshot } = open(sample('ponte/target-atlas-project.qdpx'));
    const byId = new Map(snapshot.codes.map((c) => [c.id, c]));
    const parent = byId.get('a182cd3a-d83c-4d8c-bc80-26d9103ec6d6')!;
    expect(parent.name).toBe('Commits');
    expect(parent.parentId).toBeNull();
    const children = snapshot.codes.filter((c) => c.parentId === parent.id).sort((a, b) => a.order - b.order);
    expect(children.map((c) => [c.id, c.name])).toEqual([
      ['2d2466f0-d77f-4f8c-bdf9-628966b6b74d', '2022-05-10T02:05:59Z 19e4dce'],
      ['086ac733-7b1c-4749-a138-d7182f63a5c9', '2022-02-11T10:39:25Z cdbfd92'],
    ]);
  });

  it('opens the MAXQDA 24 project: 10 text sources with their exact text, 307 codes, document sets reported', () => {
    const bytes = sample('maxqda24/paper_themes.qdpx');
    const files = unzipSync(bytes);
    const { snapshot, report } = open(bytes);
    expect(snapshot.sources).toHaveLength(10);
    expect(snapshot.codes).toHaveLength(307);
    expect(snapshot.codes.filter((c) => c.parentId === null).length).toBeGreaterThan(0);
    for (const source of snapshot.sources) {
      const file = files[`sources/${source.id.toUpperCase()}.txt`]!;
      const text = snapshot.sourceTexts.find((t) => t.sourceId === source.id)!.text;
      expect(text).toBe(new TextDecoder().decode(file).replace(/\r\n?/g, '\n'));
      expect(source.length).toBe(text.length);
    }
    expect(snapshot.sources.find((s) => s.id === 'c5e4c960-5296-4fde-8c63-deaba4e17f92')?.name).toBe('ICLS 2024 3-10');
    const affinity = snapshot.codes.find((c) => c.name === 'THEME - Affinity Spaces (Gee)')!;
    expect(affinity.description).toBe("Apply this code when a study uses Gee's concept of affinity spaces.");
    expect(affinity.color).toBe('#ef8256');
    const text = report.entries.map((e) => e.text).join('\n');
    expect(text).toMatch(/Set “ICLS 2024” groups 5 sources/);
    expect(text).toMatch(/10 files in the archive are not used/);
  });

  it('places codings exactly in the MAXQDA sources (selections added at known phrases)', () => {
    const files = unzipSync(sample('maxqda24/paper_themes.qdpx'));
    const guid = 'C5E4C960-5296-4FDE-8C63-DEABA4E17F92';
    const text = new TextDecoder().decode(files[`sources/${guid}.txt`]!);
    // Phrases after non-ASCII and astral characters, if any, test the code-point counting.
    const phrases = pickPhrases(text);
    const cp = (utf16: number): number => [...text.slice(0, utf16)].length;
    const selections = phrases
      .map((p, i) => {
        const at = text.indexOf(p);
        return `<PlainTextSelection guid="5E1EC700-0000-4000-8000-00000000000${i}" name="${escape(p)}" startPosition="${cp(at)}" endPosition="${cp(at) + [...p].length}"><Coding guid="C0D1C000-0000-4000-8000-00000000000${i}"><CodeRef targetGUID="C6C1BE73-B4F4-4C2D-91F1-90B73BFC5C25"/></Coding></PlainTextSelection>`;
      })
      .join('');
    const qde = new TextDecoder().decode(files['project.qde']!);
    files['project.qde'] = strToU8(qde.replace(new RegExp(`(<TextSource [^>]*guid="${guid}"[^>]*)/>`), `$1>${selections}</TextSource>`));
    const { snapshot } = open(zipSync(files));
    const codings = snapshot.codings.sort((a, b) => a.id.localeCompare(b.id));
    expect(codings.map((c) => c.exact)).toEqual(phrases);
    expect(codings.every((c) => c.codeId === 'c6c1be73-b4f4-4c2d-91f1-90b73bfc5c25')).toBe(true);
  });
});


/** Three phrases of the text, the later ones after its first non-ASCII characters. */
function pickPhrases(text: string): string[] {
  const nonAscii = [...text.matchAll(/[\u0080-\uffff]/g)].map((m) => m.index);
  const starts = [10, ...(nonAscii.length > 0 ? [nonAscii[0]!, nonAscii[Math.floor(nonAscii.length / 2)]!] : [200, 400])];
  return starts.map((s) => [...text.slice(s)].slice(0, 25).join(''));
}

function expectVariantRead(bytes: Uint8Array): ReturnType<typeof open> {
  const result = open(bytes);
  const { snapshot } = result;
  expect(snapshot.sourceTexts[0]!.text).toBe(TEXT);
  expect(snapshot.codes.map((c) => [c.id, c.name, c.parentId, c.isCodable ?? true, c.color])).toEqual([
    ['a1b2c3d4-0000-4000-8000-000000000001', 'Place', null, false, '#ff0000'],
    ['a1b2c3d4-0000-4000-8000-000000000002', 'City', 'a1b2c3d4-0000-4000-8000-000000000001', true, expect.any(String)],
  ]);
  const codings = [...snapshot.codings].sort((a, b) => a.start - b.start);
  expect(codings.map((c) => c.exact)).toEqual(['😀 line one', 'e\u0301 and 東京']);
  expect(codings.map((c) => TEXT.slice(c.start, c.end))).toEqual(['😀 line one', 'e\u0301 and 東京']);
  expect(codings.map((c) => c.coder)).toEqual(['b0b0b0b0-0000-4000-8000-000000000001', 'b0b0b0b0-0000-4000-8000-000000000001']);
  expect(codings[0]!.createdAt).toBe('2024-01-01T10:00:00Z');
  return result;
}

describe('variants of the .qdpx layout and project file', () => {
  it('reads the standard layout', () => expectVariantRead(foreignProject()));
  it('reads a Sources/ folder', () => expectVariantRead(foreignProject({ folder: 'Sources' })));
  it('reads a project file named <project>.qde', () => expectVariantRead(foreignProject({ qdeName: 'My Study.qde' })));
  it('ignores sources/.root', () => {
    const { report } = expectVariantRead(foreignProject({ root: true }));
    expect(report.entries.some((e) => /not used/.test(e.text))).toBe(false);
  });
  it('drops a BOM from a source text (positions count after it)', () => {
    const { snapshot } = expectVariantRead(foreignProject({ bom: true }));
    expect(snapshot.sources[0]!.encoding).toBe('UTF-8 with BOM');
  });
  it('normalises CRLF as on import and moves the positions with it', () => {
    const { report } = expectVariantRead(foreignProject({ crlf: true }));
    expect(report.entries.some((e) => /Windows line ends/.test(e.text))).toBe(true);
  });
  it('reads positions that count a CR LF as one character when the selections’ names say so', () => {
    const { report } = expectVariantRead(foreignProject({ crlf: true, crlfAsOne: true, names: true }));
    expect(report.entries.some((e) => /counting each line end as one character/.test(e.text))).toBe(true);
    const standard = expectVariantRead(foreignProject({ crlf: true, names: true }));
    expect(standard.report.entries.some((e) => /counting CR and LF as two characters/.test(e.text))).toBe(true);
  });
  it('reads namespace prefixes', () => expectVariantRead(foreignProject({ prefix: 'qda' })));
  it('reads PlainTextContent instead of a file', () => expectVariantRead(foreignProject({ inline: true })));
  it('reads inline CRLF text too', () => expectVariantRead(foreignProject({ inline: true, crlf: true })));
  it('reads relative and bare paths', () => {
    expectVariantRead(foreignProject({ path: (f) => `relative://${f}` }));
    expectVariantRead(foreignProject({ path: (f) => `sources/${f}` }));
    expectVariantRead(foreignProject({ path: (f) => f }));
  });
  it('reads a project whose sources and project file sit one folder down', () => {
    const entries = unzipSync(foreignProject());
    const nested: Zippable = {};
    for (const [name, data] of Object.entries(entries)) nested[`Export/${name}`] = data;
    expectVariantRead(zipSync(nested));
  });
});

