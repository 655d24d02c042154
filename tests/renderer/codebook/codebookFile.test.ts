// Reading the codebook file a user picked: the kind is told by name or content, CSV text is
// decoded in whatever encoding the other tool saved it, and a file that is no codebook says why.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCodebookFile } from '../../../shared/codebook/readCodebookFile';
import { CodebookFileError } from '../../../shared/refi/qdcRead';

const fixtures = resolve(__dirname, '../../fixtures/codebooks');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readCodebookFile', () => {
  it('reads a REFI-QDA codebook by its extension or its content', () => {
    const qdc = readFileSync(resolve(fixtures, 'tolerant.qdc'));
    const byName = readCodebookFile('codes.qdc', new Uint8Array(qdc));
    expect(byName.file.kind).toBe('refi');
    expect(byName.description).toMatch(/^REFI-QDA codebook \(\.qdc\)/);
    expect(readCodebookFile('codes.xml', new Uint8Array(qdc)).file.kind).toBe('refi');
  });

  it('decodes CSV from UTF-8 with a BOM and from Windows-1252', () => {
    const utf8 = readCodebookFile('maxqda.csv', new Uint8Array(readFileSync(resolve(fixtures, 'maxqda-codes.csv'))));
    expect(utf8.file).toMatchObject({ kind: 'csv' });
    expect(utf8.description).toBe('CSV (UTF-8 with BOM)');
    const legacy = readCodebookFile('codes.csv', Uint8Array.from([...bytes('Code,Memo\r\nCaf'), 0xe9, ...bytes(',\r\n')]));
    expect(legacy.file.kind === 'csv' && legacy.file.text).toBe('Code,Memo\r\nCafé,\r\n');
  });

  it('says why a file is not a codebook', () => {
    expect(() => readCodebookFile('empty.csv', new Uint8Array())).toThrow('The file is empty.');
    expect(() => readCodebookFile('broken.qdc', bytes('<CodeBook><Codes><Code name="x">'))).toThrow(CodebookFileError);
    expect(() => readCodebookFile('project.qdpx', bytes('PK not really a zip'))).toThrow(/not a REFI-QDA project archive/);
  });
});
