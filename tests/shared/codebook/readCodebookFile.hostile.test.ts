// Hostile codebook files through the reader the import preview calls: a zip bomb, a lying
// archive, a Latin-1 .qdc, a CSV that is not UTF-8, a .qdc repeating a GUID. Each gives a reason
// or a visible warning; none is read silently wrong.
import { describe, expect, it } from 'vitest';
import { readCodebookFileResult } from '../../../shared/codebook/readCodebookFile';
import { planRefiCodebookImport } from '../../../shared/refi/qdcCandidates';
import { guid, latin1, qdcXml, qdpxBomb } from '../import/hostileBuilders';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('a hostile .qdpx codebook', { timeout: 20_000 }, () => {
  it('is refused from its directory when its project file would inflate past the limit', () => {
    // The file of the issue: about 300 KB whose directory says the project file is 3 GB.
    const bomb = qdpxBomb(1024 * 1024, 3 * 1024 * 1024 * 1024);
    expect(bomb.byteLength).toBeLessThan(300 * 1024);
    const read = readCodebookFileResult('study.qdpx', bomb);
    expect(read).toEqual({ ok: false, reason: expect.stringMatching(/zip bomb/) });
  });

  it('is refused by its ratio when the project file is small enough but compresses like a bomb', () => {
    const read = readCodebookFileResult('study.qdpx', qdpxBomb(5 * 1024 * 1024));
    expect(read).toEqual({ ok: false, reason: expect.stringMatching(/zip bomb/) });
  });

  it('stops inflating at the declared size when the directory lies about it', () => {
    const read = readCodebookFileResult('study.qdpx', qdpxBomb(5 * 1024 * 1024, 1000));
    expect(read).toEqual({ ok: false, reason: expect.stringMatching(/zip bomb/) });
  });

  it('says why a damaged or foreign archive is not a project', () => {
    expect(readCodebookFileResult('study.qdpx', enc('PK\u0003\u0004 and nothing else'))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^This file is not a REFI-QDA project archive/),
    });
  });
});

describe('a .qdc with a billion laughs', () => {
  it('does not expand its entities: the name stays as written, and nothing grows', () => {
    const levels = ['<!ENTITY l0 "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE CodeBook [${levels.join('')}]>` + qdcXml(`<Code guid="${guid(1)}" name="&l9;" isCodable="true"/>`, '');
    const read = readCodebookFileResult('laughs.qdc', enc(xml));
    expect(read.ok && read.file.kind === 'refi' && read.file.codebook.codes[0]!.name).toBe('&l9;');
  });
});

describe('a .qdc that would read silently wrong', () => {
  it('in Latin-1 without a declaration: read as Windows-1252, names intact, with a warning', () => {
    const read = readCodebookFileResult('codes.qdc', latin1(qdcXml(`<Code guid="${guid(1)}" name="Économie" isCodable="true"/>`, '<?xml version="1.0"?>')));
    expect(read.ok).toBe(true);
    if (!read.ok || read.file.kind !== 'refi') return;
    expect(read.file.codebook.codes[0]!.name).toBe('Économie');
    expect(read.warnings).toEqual([expect.stringMatching(/not valid UTF-8.*read as Windows-1252/)]);
  });

  it('declaring ISO-8859-1 is read in that encoding without a warning', () => {
    const read = readCodebookFileResult('codes.qdc', latin1(qdcXml(`<Code guid="${guid(1)}" name="Café" isCodable="true"/>`, '<?xml version="1.0" encoding="ISO-8859-1"?>')));
    expect(read.ok && read.file.kind === 'refi' && read.file.codebook.codes[0]!.name).toBe('Café');
    expect(read.ok && read.warnings).toEqual([]);
  });

  it('repeating a GUID: the duplicate’s child is not moved under the first code, and the preview says so', () => {
    const xml = qdcXml(
      `<Code guid="${guid(1)}" name="First" isCodable="true"/>` +
        `<Code guid="${guid(1)}" name="Copy" isCodable="true"><Code guid="${guid(2)}" name="Inside the copy" isCodable="true"/></Code>`,
    );
    const read = readCodebookFileResult('codes.qdc', enc(xml));
    if (!read.ok || read.file.kind !== 'refi') throw new Error('expected a codebook');
    const plan = planRefiCodebookImport(read.file.codebook, []);
    expect(plan.messages).toContainEqual({ severity: 'warning', text: expect.stringMatching(/One GUID is used by more than one code/) });
    const child = plan.rows.find((r) => r.name === 'Inside the copy')!;
    // Before the fix it became "First > Inside the copy", created without a word.
    expect(child.path).not.toBe('First > Inside the copy');
    expect(child.action).toBe('skip');
    expect(plan.rows.find((r) => r.name === 'First')!.action).toBe('create');
  });
});

describe('a CSV codebook that is not UTF-8', () => {
  it('is read as Windows-1252 with a warning in the preview', () => {
    const read = readCodebookFileResult('codes.csv', Uint8Array.from([...enc('Code,Memo\r\nCaf'), 0xe9, ...enc(',\r\n')]));
    expect(read.ok && read.warnings).toEqual([expect.stringMatching(/not valid UTF-8, so it was read as Windows-1252/)]);
  });

  it('valid UTF-8 has no warning', () => {
    expect(readCodebookFileResult('codes.csv', enc('Code\r\nCafé\r\n'))).toMatchObject({ ok: true, warnings: [] });
  });
});
