// Works out which character encoding a text file was saved in, and decodes it with the one the
// user settles on. A guess is only a guess: the import dialog shows it and lets the user change it.
import { chardet } from 'jschardet';
import { repairWindows1252 } from './windows1252';

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

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * chardet's canonical names (and the older display names) → WHATWG labels. ISO-8859-1 and
 * ASCII map to windows-1252 as browsers do: it is their superset and what such files really are.
 */
const DETECTOR_TO_WHATWG: Readonly<Record<string, string>> = {
  ascii: 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  cp1250: 'windows-1250',
  cp1251: 'windows-1251',
  cp1252: 'windows-1252',
  cp1253: 'windows-1253',
  cp1254: 'windows-1254',
  cp1255: 'windows-1255',
  cp1256: 'windows-1256',
  cp1257: 'windows-1257',
  cp1258: 'windows-1258',
  cp874: 'windows-874',
  'tis-620': 'windows-874',
  cp866: 'ibm866',
  'iso8859-2': 'iso-8859-2',
  'iso8859-7': 'iso-8859-7',
  'iso8859-9': 'windows-1254',
  'iso8859-15': 'iso-8859-15',
  'koi8-r': 'koi8-r',
  'koi8-u': 'koi8-u',
  'mac-roman': 'macintosh',
  cp932: 'shift_jis',
  shift_jis: 'shift_jis',
  shift_jis_2004: 'shift_jis',
  euc_jp: 'euc-jp',
  euc_jis_2004: 'euc-jp',
  iso2022_jp: 'iso-2022-jp',
  iso2022_jp_2: 'iso-2022-jp',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  big5: 'big5',
  big5hkscs: 'big5',
  cp949: 'euc-kr',
  euc_kr: 'euc-kr',
  'utf-8': 'utf-8',
  'utf-16-le': 'utf-16le',
  'utf-16-be': 'utf-16be',
};

const DETECTOR_THRESHOLD = chardet.MINIMUM_THRESHOLD;
const MULTIBYTE_LABELS = new Set(['shift_jis', 'euc-jp', 'iso-2022-jp', 'gb18030', 'big5', 'euc-kr']);

/** The detector's best guess that we can decode. */
function guessLegacyEncoding(bytes: Uint8Array): { label: string; confidence: number } | null {
  const candidates = chardet.detectAll(bytes, {
    encodingEra: chardet.EncodingEra.MODERN_WEB,
    compatNames: false,
  });
  for (const candidate of candidates) {
    const label = candidate.encoding === null ? undefined : DETECTOR_TO_WHATWG[candidate.encoding.toLowerCase()];
    if (label !== undefined && isSelectableEncoding(label)) return { label, confidence: candidate.confidence };
  }
  return null;
}

/**
 * Guesses the encoding of a text file: a BOM decides; then UTF-16 without a BOM; then valid
 * UTF-8 (which legacy text almost never is by accident); then a statistical detector for
 * legacy encodings such as Windows-1252 and Shift_JIS; when that is unsure, Windows-1252, which
 * decodes every byte, with basis 'fallback' and the detector's low confidence, so the dialog
 * can ask the user to check the preview.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const bom = sniffBom(bytes);
  if (bom) {
    const name = bom.label === 'utf-8' ? 'UTF-8 with BOM' : encodingName(bom.label);
    return { label: bom.label, name, confidence: 1, basis: 'bom' };
  }
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) return { label: utf16, name: encodingName(utf16), confidence: 0.9, basis: 'utf-16-pattern' };
  if (isValidUtf8(bytes)) return { label: 'utf-8', name: 'UTF-8', confidence: 1, basis: 'utf-8' };
  const guess = guessLegacyEncoding(bytes);
  // Below the detector's own threshold a single-byte guess is noise (a few accented letters
  // fit many code pages); Windows-1252 is then the likeliest, as browsers assume. Multi-byte
  // encodings are kept: their byte structure is evidence even in a short text.
  if (guess && (guess.confidence >= DETECTOR_THRESHOLD || MULTIBYTE_LABELS.has(guess.label))) {
    return { label: guess.label, name: encodingName(guess.label), confidence: guess.confidence, basis: 'detector' };
  }
  return { label: 'windows-1252', name: encodingName('windows-1252'), confidence: guess?.confidence ?? 0, basis: 'fallback' };
}

export type DecodeOutcome =
  | {
      ok: true;
      text: string;
      /** Display name of the encoding used ("UTF-8 with BOM" when one was dropped). */
      name: string;
      /** Byte sequences the encoding has no character for, shown as U+FFFD. */
      replacedSequences: number;
    }
  | { ok: false; reason: string };

/** Unicode encodings must be valid: if they are not, the file is in some other encoding. */
const STRICT_LABELS = new Set(['utf-8', 'utf-16le', 'utf-16be']);

/**
 * Decodes with the given WHATWG label. A matching BOM is dropped. Unicode encodings are decoded
 * strictly (invalid bytes → a reason, so the user picks another encoding); legacy encodings
 * replace the odd undefined byte with U+FFFD and say how many, because refusing a whole file
 * for one stray byte would leave the user with nothing to choose.
 */
export function decodeWithEncoding(bytes: Uint8Array, label: string): DecodeOutcome {
  if (!isSelectableEncoding(label)) return { ok: false, reason: `“${label}” is not an encoding Marginalia can read.` };
  const bom = sniffBom(bytes);
  const hasOwnBom = bom !== null && bom.label === label;
  const name = hasOwnBom && label === 'utf-8' ? 'UTF-8 with BOM' : encodingName(label);
  const repair = label === 'windows-1252' ? repairWindows1252 : (text: string) => text;
  try {
    const text = repair(new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes));
    return { ok: true, text, name, replacedSequences: 0 };
  } catch {
    if (STRICT_LABELS.has(label)) {
      return { ok: false, reason: `The file is not valid ${encodingName(label)} text. Choose the encoding it was saved in.` };
    }
  }
  const text = repair(new TextDecoder(label, { fatal: false, ignoreBOM: false }).decode(bytes));
  let replacedSequences = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) replacedSequences++;
  return { ok: true, text, name, replacedSequences };
}
