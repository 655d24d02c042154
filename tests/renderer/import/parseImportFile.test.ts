import { describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parseImportFile, type ImportParseDeps } from '../../../renderer/src/features/import/parsers/parseImportFile';
import { runWorkerRequest } from '../../../renderer/src/features/import/parsers/runWorkerRequest';
import { buildDocx, paragraph } from '../../shared/import/builders';
import { buildPdf } from './pdfBuilder';

const utf8 = (s: string) => new TextEncoder().encode(s);
// In tests the shared parsers run in-thread (jsdom has no workers).
const deps: ImportParseDeps = { runShared: runWorkerRequest, loadPdfjs: async () => ({ pdfjs }) };

describe('parseImportFile', () => {
  it('routes each format to its parser', async () => {
    expect(await parseImportFile({ name: 'a.txt', bytes: utf8('hello') }, {}, deps)).toMatchObject({ kind: 'document', format: 'text', result: { ok: true, text: 'hello' } });
    expect(await parseImportFile({ name: 'a.docx', bytes: buildDocx(paragraph('Word text')) }, {}, deps)).toMatchObject({ kind: 'document', format: 'docx', result: { ok: true, text: 'Word text' } });
    expect(await parseImportFile({ name: 'a.pdf', bytes: buildPdf([['PDF text']]) }, {}, deps)).toMatchObject({ kind: 'document', format: 'pdf', result: { ok: true, text: 'PDF text', pageStarts: [0] } });
    expect(await parseImportFile({ name: 'a.rtf', bytes: utf8('{\\rtf1\\ansi RTF text\\par}') }, {}, deps)).toMatchObject({ kind: 'document', format: 'rtf', result: { ok: true, text: 'RTF text' } });
    expect(await parseImportFile({ name: 'a.csv', bytes: utf8('id,answer\nr1,yes\n') }, {}, deps)).toMatchObject({ kind: 'survey', format: 'csv', result: { ok: true } });
  });

  it('passes the chosen encoding through', async () => {
    const bytes = new Uint8Array([0x63, 0x61, 0x66, 0xe9]);
    expect(await parseImportFile({ name: 'a.txt', bytes }, { encoding: 'windows-1252' }, deps)).toMatchObject({ result: { ok: true, text: 'café', encoding: 'Windows-1252' } });
  });

  it('refuses before parsing: empty, renamed binary, unknown type', async () => {
    expect(await parseImportFile({ name: 'a.txt', bytes: new Uint8Array() }, {}, deps)).toEqual({ kind: 'refused', reason: 'This file is empty (0 bytes).' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(await parseImportFile({ name: 'holiday.txt', bytes: png }, {}, deps)).toEqual({ kind: 'refused', reason: 'This file is not text (it looks like a PNG image).' });
    expect(await parseImportFile({ name: 'deck.pptx', bytes: utf8('x') }, {}, deps)).toMatchObject({ kind: 'refused' });
  });
});
