// Decides how a picked file will be read, from its extension and its first bytes, and refuses
// what cannot be imported (empty, too large, a binary renamed to .txt) before it is parsed.
// The host can call this with the size alone, before reading a byte of a 2 GB file.
import { BINARY_KIND_DESCRIPTIONS, hasPdfHeader, isRtf, isZip, looksBinary, sniffBinaryKind } from './magic';
import { MAX_FILE_BYTES, formatBytes, type ImportFormat } from './limits';
import { sniffBom, sniffUtf16WithoutBom } from './encodingLabels';

const EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'text',
  markdown: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  rtf: 'rtf',
  docx: 'docx',
  odt: 'odt',
  pdf: 'pdf',
  csv: 'csv',
  tsv: 'csv',
  xlsx: 'xlsx',
};

/** File extensions the import dialog offers, without dots. */
export const IMPORTABLE_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

/** Each format as a sentence names it, with its article: "a PDF can be at most 100 MB". */
export const FORMAT_TITLES: Readonly<Record<ImportFormat, string>> = {
  text: 'a text file',
  html: 'a web page',
  rtf: 'an RTF document',
  docx: 'a Word document',
  odt: 'an OpenDocument text',
  pdf: 'a PDF',
  csv: 'a CSV table',
  xlsx: 'an Excel workbook',
};

/** Formats whose files are text, and so must not start like a binary file. */
const TEXT_FORMATS: ReadonlySet<ImportFormat> = new Set(['text', 'html', 'csv']);

export interface FileFacts {
  name: string;
  /** Size as the host reports it, before reading. */
  byteSize: number;
  /** The first bytes (4 KB is plenty); omit to check name and size only. */
  head?: Uint8Array;
}

export type DetectFormatResult =
  | { ok: true; format: ImportFormat; maxBytes: number }
  | { ok: false; reason: string };

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot + 1).toLowerCase();
}

function checkContent(format: ImportFormat, ext: string, head: Uint8Array): string | null {
  const kind = sniffBinaryKind(head);
  const looks = kind ? ` (it looks like ${BINARY_KIND_DESCRIPTIONS[kind]})` : '';
  if (TEXT_FORMATS.has(format)) {
    if (kind) return `This file is not text${looks}.`;
    if (!sniffBom(head) && !sniffUtf16WithoutBom(head) && looksBinary(head)) return 'This file is not text (it looks like binary data).';
    return null;
  }
  if (format === 'pdf') return hasPdfHeader(head) ? null : `This file is not a PDF${looks}. It may have been renamed or damaged.`;
  if (format === 'rtf') return isRtf(head) ? null : `This file is not an RTF document${looks}. It may have been renamed or damaged.`;
  // docx, odt, xlsx are zip packages; an OLE2 file is an encrypted or pre-2007 Office file,
  // which the parsers explain in detail.
  if (isZip(head) || kind === 'ole2') return null;
  return `This file is not a .${ext} document${looks}. It may have been renamed or damaged.`;
}

export function detectFormat(file: FileFacts): DetectFormatResult {
  const ext = extensionOf(file.name);
  const format = EXTENSIONS[ext];
  if (!format) {
    const list = IMPORTABLE_EXTENSIONS.map((e) => `.${e}`).join(', ');
    return { ok: false, reason: `${ext ? `.${ext} files` : 'Files without an extension'} cannot be imported. Marginalia imports ${list}.` };
  }
  if (file.byteSize === 0) return { ok: false, reason: 'This file is empty (0 bytes).' };
  const maxBytes = MAX_FILE_BYTES[format];
  if (file.byteSize > maxBytes) {
    return { ok: false, reason: `This file is ${formatBytes(file.byteSize)}; ${FORMAT_TITLES[format]} can be at most ${formatBytes(maxBytes)}.` };
  }
  if (file.head) {
    const problem = checkContent(format, ext, file.head);
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true, format, maxBytes };
}
