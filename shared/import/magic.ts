// Recognises common binary files by their first bytes ("magic numbers"), so a PNG renamed to
// .txt is refused with a reason that names what it really is instead of importing as mojibake.

export type BinaryKind =
  | 'png' | 'jpeg' | 'gif' | 'webp' | 'tiff' | 'bmp'
  | 'pdf' | 'zip' | 'ole2' | 'rtf'
  | 'gzip' | '7z' | 'rar' | 'sqlite'
  | 'exe' | 'elf' | 'macho'
  | 'mp3' | 'mp4' | 'ogg' | 'flac' | 'wav' | 'avi';

/** What each kind is called in a sentence: "it looks like a PNG image". */
export const BINARY_KIND_DESCRIPTIONS: Readonly<Record<BinaryKind, string>> = {
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  tiff: 'a TIFF image',
  bmp: 'a BMP image',
  pdf: 'a PDF document',
  zip: 'a zip archive or an Office document',
  ole2: 'an older Microsoft Office file (.doc, .xls or .ppt)',
  rtf: 'an RTF document',
  gzip: 'a gzip archive',
  '7z': 'a 7-Zip archive',
  rar: 'a RAR archive',
  sqlite: 'an SQLite database',
  exe: 'a Windows program',
  elf: 'a Linux program',
  macho: 'a macOS program',
  mp3: 'an MP3 audio file',
  mp4: 'a video or audio file (MP4/MOV)',
  ogg: 'an Ogg audio file',
  flac: 'a FLAC audio file',
  wav: 'a WAV audio file',
  avi: 'an AVI video',
};

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

/** Index of the first byte after a UTF-8 BOM and ASCII whitespace (RTF/PDF may follow either). */
function skipBomAndSpace(bytes: Uint8Array): number {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i;
}

/** True when a PDF header appears in the first KB (readers accept leading junk up to there). */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - 5, 1024);
  const sig = ascii('%PDF-');
  for (let i = 0; i <= limit; i++) if (startsWith(bytes, sig, i)) return true;
  return false;
}

export function isZip(bytes: Uint8Array): boolean {
  // Local file header, or the end-of-directory record of an empty archive.
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

export function isRtf(bytes: Uint8Array): boolean {
  return startsWith(bytes, ascii('{\\rtf'), skipBomAndSpace(bytes));
}

/** The binary kind the first bytes announce, or null when they announce none. */
export function sniffBinaryKind(head: Uint8Array): BinaryKind | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, ascii('RIFF'))) {
    if (startsWith(head, ascii('WEBP'), 8)) return 'webp';
    if (startsWith(head, ascii('WAVE'), 8)) return 'wav';
    if (startsWith(head, ascii('AVI '), 8)) return 'avi';
  }
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // "BM" alone starts ordinary words; require the reserved header bytes (zero) as well.
  if (startsWith(head, ascii('BM')) && head.length >= 14 && head[6] === 0 && head[7] === 0 && head[8] === 0 && head[9] === 0) {
    return 'bmp';
  }
  if (hasPdfHeader(head)) return 'pdf';
  if (isZip(head)) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
  if (isRtf(head)) return 'rtf';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(head, ascii('Rar!\u001a\u0007'))) return 'rar';
  if (startsWith(head, ascii('SQLite format 3\u0000'))) return 'sqlite';
  // "MZ" also starts text ("MZ Wallace…"); a real executable has NUL bytes in its header.
  if (startsWith(head, ascii('MZ')) && head.subarray(0, 64).includes(0)) return 'exe';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if ([[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe]].some((s) => startsWith(head, s))) {
    return 'macho';
  }
  if (startsWith(head, ascii('ID3')) || startsWith(head, [0xff, 0xfb])) return 'mp3';
  if (startsWith(head, ascii('ftyp'), 4)) return 'mp4';
  if (startsWith(head, ascii('OggS'))) return 'ogg';
  if (startsWith(head, ascii('fLaC'))) return 'flac';
  return null;
}

/**
 * True when the bytes look binary rather than text: NUL bytes (which no text encoding we read
 * uses, except UTF-16, which the caller rules out first) or many C0 control characters.
 */
export function looksBinary(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let controls = 0;
  for (const b of head) {
    if (b === 0) return true;
    // Tab, LF, CR, FF, ESC (ISO-2022-JP escapes) are text; other C0 controls are not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls / head.length > 0.1;
}
