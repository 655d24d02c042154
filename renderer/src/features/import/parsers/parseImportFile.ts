// The import dialog's one call: what kind of file this is, and its text or table, or a reason.
// PDFs go to pdf.js (main thread; pdf.js has its own worker), RTF to rtf.js (needs the DOM),
// everything else to the shared parsers, in a worker by default.
import { detectFormat } from '../../../../../shared/import/detectFormat';
import type { ImportFormat } from '../../../../../shared/import/limits';
import type { ParseRequest, ParseResponse } from '../../../../../shared/import/parseRequest';
import type { ParseResult } from '../../../../../shared/import/result';
import type { TableParseResult } from '../../../../../shared/import/survey/table';
import { parsePdf, type PdfParseDeps } from './pdf';
import { parseRtf } from './rtf';
import { parseInWorker } from './workerParser';
import { loadBrowserPdfjs, pdfjsAssetsBaseUrl } from './pdfjsBrowser';

export type ImportParseOutcome =
  | { kind: 'document'; format: ImportFormat; result: ParseResult }
  | { kind: 'survey'; format: 'csv' | 'xlsx'; result: TableParseResult }
  | { kind: 'refused'; reason: string };

export interface ImportFileInput {
  name: string;
  bytes: Uint8Array;
}

export interface ImportParseOptions {
  encoding?: string;
  sheet?: string;
}

export interface ImportParseDeps {
  /** pdf.js and its options; the browser build by default. */
  loadPdfjs?: () => Promise<PdfParseDeps>;
  /** Where the shared parsers run; a fresh worker by default, in-thread in tests. */
  runShared?: (request: ParseRequest) => Promise<ParseResponse>;
}

export async function parseImportFile(file: ImportFileInput, options: ImportParseOptions = {}, deps: ImportParseDeps = {}): Promise<ImportParseOutcome> {
  const detected = detectFormat({ name: file.name, byteSize: file.bytes.byteLength, head: file.bytes.subarray(0, 4096) });
  if (!detected.ok) return { kind: 'refused', reason: detected.reason };
  const { format } = detected;
  if (format === 'pdf') {
    const pdfDeps = await (deps.loadPdfjs ?? (() => loadBrowserPdfjs(pdfjsAssetsBaseUrl())))();
    return { kind: 'document', format, result: await parsePdf(file.bytes, pdfDeps) };
  }
  if (format === 'rtf') return { kind: 'document', format, result: await parseRtf(file.bytes) };
  const response = await (deps.runShared ?? parseInWorker)({
    format,
    bytes: file.bytes,
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
  });
  if (response.kind === 'survey') return { kind: 'survey', format: format === 'xlsx' ? 'xlsx' : 'csv', result: response.result };
  return { kind: 'document', format, result: response.result };
}
