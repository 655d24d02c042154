// One entry for the document formats that need neither a DOM nor pdf.js (text, Markdown,
// HTML, .docx, .odt), so a worker or either host can parse any of them by format name.
import { parseDocx } from './formats/docx';
import { parseHtml } from './formats/html';
import { parseOdt } from './formats/odt';
import { parseTextFile } from './formats/text';
import type { ImportFormat } from './limits';
import type { ParseResult } from './result';

export type SharedDocumentFormat = Extract<ImportFormat, 'text' | 'html' | 'docx' | 'odt'>;

export const SHARED_DOCUMENT_FORMATS: readonly SharedDocumentFormat[] = ['text', 'html', 'docx', 'odt'];

export function isSharedDocumentFormat(format: ImportFormat): format is SharedDocumentFormat {
  return (SHARED_DOCUMENT_FORMATS as readonly string[]).includes(format);
}

export interface DocumentParseOptions {
  /** WHATWG encoding label chosen by the user (text and HTML only). */
  encoding?: string;
}

export function parseSharedDocument(format: SharedDocumentFormat, bytes: Uint8Array, options: DocumentParseOptions = {}): Promise<ParseResult> {
  switch (format) {
    case 'text':
      return Promise.resolve(parseTextFile(bytes, options));
    case 'html':
      return Promise.resolve(parseHtml(bytes, options));
    case 'docx':
      return parseDocx(bytes);
    case 'odt':
      return Promise.resolve(parseOdt(bytes));
  }
}
