// The encodings a user can choose from and how a file announces its own (a BOM, the zero bytes
// of UTF-16): what the page thread needs to show and sniff a file. Apart from the detector and
// decoder in encoding.ts, whose statistical detector (jschardet) is a megabyte of code the page
// would otherwise parse at every start.

/** Encoding labels are WHATWG Encoding Standard labels: what TextDecoder accepts everywhere. */
export interface SelectableEncoding {
  label: string;
  /** Short name, as stored on the source and shown next to the preview: "Windows-1252". */
  name: string;
  /** What the encoding is for, to help the user choose: "Western European". */
  description: string;
}

/**
 * The encodings the user can choose from, most common first within each script. Every one is
 * decodable by TextDecoder in Chromium and Node (full ICU).
 */
export const SELECTABLE_ENCODINGS: readonly SelectableEncoding[] = [
  { label: 'utf-8', name: 'UTF-8', description: 'Unicode' },
  { label: 'utf-16le', name: 'UTF-16 LE', description: 'Unicode' },
  { label: 'utf-16be', name: 'UTF-16 BE', description: 'Unicode' },
  { label: 'windows-1252', name: 'Windows-1252', description: 'Western European' },
  { label: 'iso-8859-15', name: 'ISO-8859-15', description: 'Western European' },
  { label: 'macintosh', name: 'Mac OS Roman', description: 'Western European' },
  { label: 'windows-1250', name: 'Windows-1250', description: 'Central European' },
  { label: 'iso-8859-2', name: 'ISO-8859-2', description: 'Central European' },
  { label: 'windows-1251', name: 'Windows-1251', description: 'Cyrillic' },
  { label: 'koi8-r', name: 'KOI8-R', description: 'Cyrillic (Russian)' },
  { label: 'koi8-u', name: 'KOI8-U', description: 'Cyrillic (Ukrainian)' },
  { label: 'ibm866', name: 'IBM866', description: 'Cyrillic (DOS)' },
  { label: 'windows-1253', name: 'Windows-1253', description: 'Greek' },
  { label: 'iso-8859-7', name: 'ISO-8859-7', description: 'Greek' },
  { label: 'windows-1254', name: 'Windows-1254', description: 'Turkish' },
  { label: 'windows-1255', name: 'Windows-1255', description: 'Hebrew' },
  { label: 'windows-1256', name: 'Windows-1256', description: 'Arabic' },
  { label: 'windows-1257', name: 'Windows-1257', description: 'Baltic' },
  { label: 'windows-1258', name: 'Windows-1258', description: 'Vietnamese' },
  { label: 'windows-874', name: 'Windows-874', description: 'Thai' },
  { label: 'shift_jis', name: 'Shift_JIS', description: 'Japanese' },
  { label: 'euc-jp', name: 'EUC-JP', description: 'Japanese' },
  { label: 'iso-2022-jp', name: 'ISO-2022-JP', description: 'Japanese' },
  { label: 'gb18030', name: 'GB18030', description: 'Chinese (Simplified)' },
  { label: 'big5', name: 'Big5', description: 'Chinese (Traditional)' },
  { label: 'euc-kr', name: 'EUC-KR', description: 'Korean' },
];

export interface EncodingGuess {
  /** WHATWG label to decode with, one of SELECTABLE_ENCODINGS. */
  label: string;
  /** Display name; "UTF-8 with BOM" when a UTF-8 byte order mark was found. */
  name: string;
  /** 0–1. BOMs and valid UTF-8 are certain (1); the statistical detector rarely says more than 0.6. */
  confidence: number;
  /** Why we think so: shown in the dialog ("from the byte order mark", "guessed"). */
  basis: 'bom' | 'utf-8' | 'utf-16-pattern' | 'detector' | 'fallback';
}

export function encodingName(label: string): string {
  return SELECTABLE_ENCODINGS.find((e) => e.label === label)?.name ?? label;
}

export function isSelectableEncoding(label: string): boolean {
  return SELECTABLE_ENCODINGS.some((e) => e.label === label);
}

/** The BOM a file starts with, if any, and how long it is. */
export function sniffBom(bytes: Uint8Array): { label: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 saved without a BOM (some Windows tools do this): mostly-Latin text has a zero byte in
 * every other position. Looks at the first 4 KB only.
 */
export function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  const pairs = sample.length / 2;
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  if (oddZeros / pairs > 0.4 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.4 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}
