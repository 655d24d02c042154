import { describe, expect, it, vi } from 'vitest';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDF_DAMAGED_REASON, PDF_ENCRYPTED_REASON, PDF_NO_TEXT_REASON, parsePdf, textContentToLines, type PdfParseDeps } from '../../../renderer/src/features/import/parsers/pdf';
import { citePages } from '../../../shared/import/pageNumbers';
import { buildPdf } from './pdfBuilder';

// Node's pdf.js reads fonts and CMaps from the package folder.
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const deps: PdfParseDeps = {
  pdfjs,
  documentOptions: {
    standardFontDataUrl: `${resolve(pdfjsDir, 'standard_fonts')}/`,
    cMapUrl: `${resolve(pdfjsDir, 'cmaps')}/`,
    cMapPacked: true,
  },
};

describe('parsePdf', () => {
  it('extracts lines, separates pages with a blank line and records where each page starts', async () => {
    const pdf = buildPdf([['Interview with the owner', 'Second line, café (2025)'], ['Page two text'], ['Third page']]);
    const result = await parsePdf(pdf, deps);
    expect(result).toEqual({
      ok: true,
      text: 'Interview with the owner\nSecond line, café (2025)\n\nPage two text\n\nThird page',
      pageStarts: [0, 51, 66],
    });
    if (!result.ok) return;
    expect(result.text.slice(result.pageStarts![1]).startsWith('Page two text')).toBe(true);
    const offset = result.text.indexOf('Third');
    expect(citePages(result.pageStarts!, offset, offset + 5)).toBe('p. 3');
  });

  it('does not detach the caller’s bytes (pdf.js transfers its input)', async () => {
    const pdf = buildPdf([['keep me']]);
    await parsePdf(pdf, deps);
    expect(pdf.byteLength).toBeGreaterThan(0);
    expect(await parsePdf(pdf, deps)).toMatchObject({ ok: true, text: 'keep me' });
  });

  it('refuses a password-protected PDF with a clear reason', async () => {
    expect(await parsePdf(buildPdf([['secret']], { encrypted: true }), deps)).toEqual({ ok: false, reason: PDF_ENCRYPTED_REASON });
    expect(PDF_ENCRYPTED_REASON).toMatch(/^This PDF is encrypted/);
  });

  it('refuses a PDF with no text layer (a scan) instead of importing nothing', async () => {
    expect(await parsePdf(buildPdf([[], []]), deps)).toEqual({ ok: false, reason: PDF_NO_TEXT_REASON });
    expect(PDF_NO_TEXT_REASON).toMatch(/^This PDF has no text layer \(scanned images\?\)/);
  });

  it('imports a partly scanned PDF, naming the pages without text', async () => {
    const result = await parsePdf(buildPdf([['Typed page'], []]), deps);
    expect(result).toEqual({ ok: true, text: 'Typed page\n\n', pageStarts: [0, 12], warnings: ['Page 2 has no text (scanned images?).'] });
  });

  it('refuses corrupt, renamed and empty files', async () => {
    expect(await parsePdf(new TextEncoder().encode('%PDF-1.4\nthis is not a pdf at all\n'), deps)).toEqual({ ok: false, reason: PDF_DAMAGED_REASON });
    expect(await parsePdf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), deps)).toMatchObject({ ok: false, reason: expect.stringContaining('not a PDF (it looks like a PNG image)') });
    expect(await parsePdf(new Uint8Array(), deps)).toEqual({ ok: false, reason: 'This file is empty (0 bytes).' });
  });
});

describe('textContentToLines', () => {
  const item = (str: string, y: number, hasEOL = false) => ({ str, dir: 'ltr', transform: [12, 0, 0, 12, 72, y], width: 10, height: 12, fontName: 'F1', hasEOL });

  it('breaks lines at hasEOL and where the baseline moves, and joins runs on one line', () => {
    const content = { items: [item('Hello ', 700), item('world', 700, true), item('Next', 680), item('Column two', 600)], styles: {}, lang: null };
    expect(textContentToLines(content)).toEqual(['Hello world', 'Next', 'Column two']);
  });
});

describe('parsePdf on a PDF that never finishes', () => {
  it('gives up after the time limit with a reason, and destroys the document so pdf.js stops', async () => {
    const destroy = vi.fn(async () => undefined);
    const never = { getDocument: () => ({ promise: new Promise(() => undefined), destroy }) } as unknown as PdfParseDeps['pdfjs'];
    const result = await parsePdf(buildPdf([['Hello']]), { pdfjs: never, timeoutMs: 1000 });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^Reading this file took longer than 1 second and was stopped./) });
    expect(destroy).toHaveBeenCalled();
  });
});
