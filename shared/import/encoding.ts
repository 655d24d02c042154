// Works out which character encoding a text file was saved in, and decodes it with the one the
// user settles on. A guess is only a guess: the import dialog shows it and lets the user change it.
import { chardet } from 'jschardet';
import { repairWindows1252 } from './windows1252';
import { encodingName, isSelectableEncoding, sniffBom, sniffUtf16WithoutBom, type EncodingGuess } from './encodingLabels';

export { SELECTABLE_ENCODINGS, encodingName, isSelectableEncoding, sniffBom, sniffUtf16WithoutBom, type EncodingGuess, type SelectableEncoding } from './encodingLabels';

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
