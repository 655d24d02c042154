// The import dialog's one call: what kind of file this is, and its text or table, or a reason.
// Everything but PDF is read in a worker that is stopped after a time limit (RTF too, rtf.js
// running there on a small stand-in for the DOM). PDFs go to pdf.js, whose own worker does the
// parsing; the page thread only joins the text it sends back, and gives up after the same limit.
import { detectFormat } from '../../../../../shared/import/detectFormat';
import type { ImportFormat } from '../../../../../shared/import/limits';
import type { ParseResponse } from '../../../../../shared/import/parseRequest';
import { limitSourceLength, type ParseResult } from '../../../../../shared/import/result';
import type { TableParseResult } from '../../../../../shared/import/survey/table';
import { parsePdf, type PdfParseDeps } from './pdf';
import { parseInWorker, PARSE_TIMEOUT_MS, type WorkerParseRequest } from './workerParser';
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
  /** Where the shared parsers and RTF run; a fresh worker by default, in-thread in tests. */
  runShared?: (request: WorkerParseRequest) => Promise<ParseResponse>;
  /** How long a PDF may take (the worker's own limit covers the other formats). */
  pdfTimeoutMs?: number;
}

export async function parseImportFile(file: ImportFileInput, options: ImportParseOptions = {}, deps: ImportParseDeps = {}): Promise<ImportParseOutcome> {
  const detected = detectFormat({ name: file.name, byteSize: file.bytes.byteLength, head: file.bytes.subarray(0, 4096) });
  if (!detected.ok) return { kind: 'refused', reason: detected.reason };
  const { format } = detected;
  if (format === 'pdf') {
    const pdfDeps = await (deps.loadPdfjs ?? (() => loadBrowserPdfjs(pdfjsAssetsBaseUrl())))();
    const result = await parsePdf(file.bytes, { ...pdfDeps, timeoutMs: deps.pdfTimeoutMs ?? PARSE_TIMEOUT_MS });
    return { kind: 'document', format, result: limitSourceLength(result) };
  }
  if (format === 'rtf') {
    const response = await (deps.runShared ?? parseInWorker)({ format, bytes: file.bytes });
    return { kind: 'document', format, result: response.result as ParseResult };
  }
  const response = await (deps.runShared ?? parseInWorker)({
    format,
    bytes: file.bytes,
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
  });
  if (response.kind === 'survey') return { kind: 'survey', format: format === 'xlsx' ? 'xlsx' : 'csv', result: response.result };
  return { kind: 'document', format, result: response.result };
}
