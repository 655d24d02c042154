// The one place where text positions change units. Inside Marginalia every offset is a UTF-16
// code unit index (what JavaScript strings use); at file boundaries (CSV, REFI-QDA, command line)
// positions are Unicode code points, as Python, R and the REFI-QDA standard count them.
import { partitionPoint } from './partitionPoint';

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Converts a UTF-16 offset into `text` to a code point offset. Throws if it splits a pair. */
export function utf16ToCodePoint(text: string, offset: number): number {
  assertInRange(text.length, offset);
  if (splitsSurrogatePair(text, offset)) {
    throw new RangeError(`offset ${offset} splits a surrogate pair`);
  }
  let codePoints = 0;
  for (let i = 0; i < offset; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: count it once, on the high half.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue;
    }
    codePoints++;
  }
  return codePoints;
}

/** Converts a code point offset into `text` to a UTF-16 offset. Throws when past the end. */
export function codePointToUtf16(text: string, codePointOffset: number): number {
  if (!Number.isInteger(codePointOffset) || codePointOffset < 0) {
    throw new RangeError(`code point offset ${codePointOffset} is not a non-negative integer`);
  }
  let units = 0;
  let points = 0;
  while (points < codePointOffset) {
    if (units >= text.length) {
      throw new RangeError(`code point offset ${codePointOffset} is past the end of the text`);
    }
    const cp = text.codePointAt(units)!;
    units += cp > 0xffff ? 2 : 1;
    points++;
  }
  return units;
}

/**
 * Many conversions over one text (an export of thousands of segments): a table built once
 * makes each lookup O(log n) instead of O(n).
 */
export interface OffsetConverter {
  toCodePoint(utf16Offset: number): number;
  toUtf16(codePointOffset: number): number;
  /** Length of the text in code points. */
  readonly codePointLength: number;
}

/** A high surrogate with a low one after it: where an astral character starts (two units, one code point). */
const ASTRAL_START = /[\uD800-\uDBFF](?=[\uDC00-\uDFFF])/g;

export function createOffsetConverter(text: string): OffsetConverter {
  // Positions (UTF-16) of every astral character; each one is one code point fewer than units.
  // Found by the engine's own search: most texts have none, and a loop in JavaScript over the
  // 20 M characters of a big project costs a tenth of a second each time a file is opened or saved.
  const astralStarts: number[] = [];
  ASTRAL_START.lastIndex = 0;
  for (let match = ASTRAL_START.exec(text); match !== null; match = ASTRAL_START.exec(text)) astralStarts.push(match.index);
  const codePointLength = text.length - astralStarts.length;
  return {
    codePointLength,
    toCodePoint(offset) {
      assertInRange(text.length, offset);
      if (splitsSurrogatePair(text, offset)) {
        throw new RangeError(`offset ${offset} splits a surrogate pair`);
      }
      // Astral characters wholly before `offset` (start + 2 <= offset).
      return offset - countLessThan(astralStarts, offset - 1);
    },
    toUtf16(cpOffset) {
      if (!Number.isInteger(cpOffset) || cpOffset < 0 || cpOffset > codePointLength) {
        throw new RangeError(`code point offset ${cpOffset} is outside 0..${codePointLength}`);
      }
      // Find how many astral characters start before the resulting UTF-16 offset: the k-th astral
      // start s_k (0-based) sits at code point s_k - k.
      return cpOffset + partitionPoint(astralStarts.length, (k) => astralStarts[k]! - k < cpOffset);
    },
  };
}

/** Number of entries in the sorted array strictly less than `value`. */
function countLessThan(sorted: number[], value: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i]! < value);
}

function assertInRange(length: number, offset: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > length) {
    throw new RangeError(`offset ${offset} is outside 0..${length}`);
  }
}
