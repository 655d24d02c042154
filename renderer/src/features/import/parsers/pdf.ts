// PDFs through pdf.js: the text layer, page by page, with where each page starts so a segment
// can cite "p. 12". pdf.js is passed in rather than imported: the renderer hands over the
// browser build with its worker (see pdfjsBrowser.ts), tests the legacy Node build. Neither
// this module nor its callers pay for loading pdf.js until a PDF is imported.
//
// Text layout decisions:
// - One line of the page is one line of text; lines are not re-flowed into paragraphs,
//   because a PDF does not say where paragraphs end and a wrong guess would join headings,
//   captions and footers to the prose.
// - Pages are separated by a blank line ("\n\n"), not a form feed: U+000C is not allowed in
//   XML 1.0, so it could not be written to a REFI-QDA project, and the document view would
//   show it as a stray symbol. `pageStarts` carries the page boundaries instead.
import type { getDocument as GetDocument, PDFDocumentProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { MAX_FILE_BYTES, MAX_SOURCE_CHARS, formatBytes, tookTooLongReason, tooMuchTextReason } from '../../../../../shared/import/limits';
import { BINARY_KIND_DESCRIPTIONS, hasPdfHeader, sniffBinaryKind } from '../../../../../shared/import/magic';
import { fail, type ParseResult } from '../../../../../shared/import/result';

/** The part of the pdf.js module this parser uses (the browser and legacy builds both fit). */
export interface PdfjsModule {
  getDocument: typeof GetDocument;
}

export interface PdfParseDeps {
  pdfjs: PdfjsModule;
  /**
   * Extra getDocument options for the host: in Node, `standardFontDataUrl` and `cMapUrl`
   * (CJK text needs the CMaps to map glyphs to characters).
   */
  documentOptions?: Omit<Parameters<typeof GetDocument>[0] & object, 'data'>;
  /**
   * Past this, the document is destroyed (pdf.js stops its worker's work on it) and the user is
   * told; pdf.js parses in its own worker, so the page thread stays free meanwhile.
   */
  timeoutMs?: number;
}

class PdfTimeout extends Error {}
class PdfTooLong extends Error {}

export const PDF_ENCRYPTED_REASON =
  'This PDF is encrypted (password-protected). Open it in a PDF reader, save or print a copy without the password, then import that copy.';
export const PDF_NO_TEXT_REASON =
  'This PDF has no text layer (scanned images?). Run text recognition (OCR) on it, for example with OCRmyPDF or Adobe Acrobat, then import it again.';
export const PDF_DAMAGED_REASON = 'This PDF could not be read: it is damaged or not really a PDF.';

function isTextItem(item: TextContent['items'][number]): item is TextItem {
  return 'str' in item;
}

/**
 * Joins a page's text items into lines. pdf.js marks line ends with `hasEOL`; items that
 * move to a new baseline without it (columns, positioned runs) also start a new line.
 */
export function textContentToLines(content: TextContent): string[] {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  let lastHeight = 0;
  for (const item of content.items) {
    if (!isTextItem(item)) continue;
    const y = item.transform[5] ?? 0;
    const height = Math.abs(item.height) || Math.abs(item.transform[3] ?? 0);
    if (lastY !== null && line !== '' && Math.abs(y - lastY) > Math.max(lastHeight, height, 1) * 0.5) {
      lines.push(line);
      line = '';
    }
    line += item.str;
    if (item.str !== '') {
      lastY = y;
      lastHeight = height;
    }
    if (item.hasEOL) {
      lines.push(line);
      line = '';
      lastY = null;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => l.replace(/\s+$/u, '').replace(/\r\n?/g, '\n'));
}

async function pageText(doc: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const page = await doc.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    // One page can carry more text than a source may hold (a compressed stream inflates in
    // pdf.js's worker): count it before joining lines on this thread.
    let length = 0;
    for (const item of content.items) if (isTextItem(item)) length += item.str.length;
    if (length > MAX_SOURCE_CHARS) throw new PdfTooLong();
    // Trim blank lines at either end of the page; inner blank lines are kept.
    return textContentToLines(content).join('\n').replace(/^\n+|\n+$/g, '');
  } finally {
    page.cleanup();
  }
}

/** pdf.js rejects with named exceptions; the name survives the worker boundary. */
function reasonForLoadError(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name) : '';
  if (name === 'PasswordException') return PDF_ENCRYPTED_REASON;
  return PDF_DAMAGED_REASON;
}

export async function parsePdf(bytes: Uint8Array, deps: PdfParseDeps): Promise<ParseResult> {
  if (bytes.byteLength === 0) return fail('This file is empty (0 bytes).');
  if (bytes.byteLength > MAX_FILE_BYTES.pdf) {
    return fail(`This file is ${formatBytes(bytes.byteLength)}; a PDF can be at most ${formatBytes(MAX_FILE_BYTES.pdf)}.`);
  }
  if (!hasPdfHeader(bytes.subarray(0, 1100))) {
    const kind = sniffBinaryKind(bytes.subarray(0, 8192));
    return fail(`This file is not a PDF${kind ? ` (it looks like ${BINARY_KIND_DESCRIPTIONS[kind]})` : ''}. It may have been renamed or damaged.`);
  }
  const task = deps.pdfjs.getDocument({
    ...deps.documentOptions,
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy, not the caller's bytes.
    data: bytes.slice(),
    // Never compile font programs to JavaScript (CVE-2024-4367); text extraction does not need it.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    if (deps.timeoutMs !== undefined) timer = setTimeout(() => reject(new PdfTimeout()), deps.timeoutMs);
  });
  try {
    return await Promise.race([readPdf(task), timedOut]);
  } catch (error) {
    if (error instanceof PdfTimeout) return fail(tookTooLongReason(deps.timeoutMs!));
    if (error instanceof PdfTooLong) return fail(tooMuchTextReason());
    return fail(PDF_DAMAGED_REASON);
  } finally {
    clearTimeout(timer);
    // Stops whatever pdf.js is still doing for this document and frees it.
    await task.destroy().catch(() => undefined);
  }
}

async function readPdf(task: ReturnType<typeof GetDocument>): Promise<ParseResult> {
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    return fail(reasonForLoadError(error));
  }
  const pages: string[] = [];
  let length = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await pageText(doc, n);
    // Counted page by page: a PDF whose text passes the limit stops here, not after the last page.
    length += page.length + 2;
    if (length > MAX_SOURCE_CHARS) throw new PdfTooLong();
    pages.push(page);
  }
  if (pages.every((p) => p.trim() === '')) return fail(PDF_NO_TEXT_REASON);
  const pageStarts: number[] = [];
  let text = '';
  pages.forEach((page, i) => {
    if (i > 0) text += '\n\n';
    pageStarts.push(text.length);
    text += page;
  });
  const empty = pages.flatMap((p, i) => (p.trim() === '' ? [i + 1] : []));
  const warnings = empty.length > 0 ? [`${empty.length === 1 ? 'Page' : 'Pages'} ${listPages(empty)} ${empty.length === 1 ? 'has' : 'have'} no text (scanned images?).`] : [];
  return { ok: true, text, pageStarts, ...(warnings.length > 0 ? { warnings } : {}) };
}

function listPages(pages: readonly number[]): string {
  if (pages.length <= 10) return pages.join(', ');
  return `${pages.slice(0, 10).join(', ')} and ${pages.length - 10} more`;
}
