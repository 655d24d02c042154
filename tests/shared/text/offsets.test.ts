// Offsets are UTF-16 inside Marginalia and code points in every export: these properties keep the
// conversion exact for the scripts researchers actually quote (emoji, accents, RTL, Japanese).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointToUtf16,
  createOffsetConverter,
  splitsSurrogatePair,
  utf16ToCodePoint,
} from '../../../shared/text/offsets';

const PIECES = [
  'a',
  'Z',
  ' ',
  '.',
  '😔', // astral: two code units, one code point
  '👩‍👩‍👧', // ZWJ sequence: five code points, eight code units
  '🇫🇷', // regional indicator pair
  'e\u0301', // e + combining acute
  '\r\n',
  '\n',
  'مرحبا', // Arabic
  'שָׁלוֹם', // Hebrew with niqqud (combining marks)
  '日本語のテキスト',
  '𠮷', // astral CJK ideograph
] as const;

/** Text built from the pieces above, mixed with arbitrary well-formed Unicode. */
const mixedText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 30 })
  .map((parts) => parts.join(''));

/** Every UTF-16 offset that does not fall inside a surrogate pair, in order (0 and length included). */
function validBoundaries(text: string): number[] {
  const boundaries = [0];
  let offset = 0;
  for (const char of text) {
    offset += char.length;
    boundaries.push(offset);
  }
  return boundaries;
}

/** Offsets that fall between the two halves of a surrogate pair. */
function splittingOffsets(text: string): number[] {
  const valid = new Set(validBoundaries(text));
  const out: number[] = [];
  for (let i = 0; i <= text.length; i++) if (!valid.has(i)) out.push(i);
  return out;
}

const textWithTwoBoundaries = mixedText.chain((text) => {
  const count = validBoundaries(text).length;
  return fc
    .tuple(fc.nat({ max: count - 1 }), fc.nat({ max: count - 1 }))
    .map(([a, b]) => ({ text, cpStart: Math.min(a, b), cpEnd: Math.max(a, b) }));
});

describe('utf16ToCodePoint and codePointToUtf16', () => {
  it('count a known mixed text the way Python and R do', () => {
    const text = 'Tired 😔 — e\u0301 👩‍👩‍👧 مرحبا 日本';
    // The code point index of "مرحبا" is where Python's text.index("مرحبا") would put it.
    const u16 = text.indexOf('مرحبا');
    expect(utf16ToCodePoint(text, u16)).toBe(Array.from(text.slice(0, u16)).length);
    expect(utf16ToCodePoint(text, u16)).toBe(u16 - 4); // 😔 and the three people each take 2 units
    expect(codePointToUtf16(text, u16 - 4)).toBe(u16);
    expect(utf16ToCodePoint(text, text.length)).toBe(Array.from(text).length);
  });

  it('are inverse on every valid boundary', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        validBoundaries(text).forEach((u16, cp) => {
          expect(utf16ToCodePoint(text, u16)).toBe(cp);
          expect(codePointToUtf16(text, cp)).toBe(u16);
        });
      }),
    );
  });

  it('cut the same text out of a string as code point slicing does', () => {
    fc.assert(
      fc.property(textWithTwoBoundaries, ({ text, cpStart, cpEnd }) => {
        const u16Start = codePointToUtf16(text, cpStart);
        const u16End = codePointToUtf16(text, cpEnd);
        expect(text.slice(u16Start, u16End)).toBe(Array.from(text).slice(cpStart, cpEnd).join(''));
        expect(utf16ToCodePoint(text, u16Start)).toBe(cpStart);
        expect(utf16ToCodePoint(text, u16End)).toBe(cpEnd);
      }),
    );
  });

  it('refuse an offset that splits a surrogate pair', () => {
    expect(() => utf16ToCodePoint('a😔b', 2)).toThrow(RangeError);
    fc.assert(
      fc.property(mixedText, (text) => {
        for (const offset of splittingOffsets(text)) {
          expect(splitsSurrogatePair(text, offset)).toBe(true);
          expect(() => utf16ToCodePoint(text, offset)).toThrow(/splits a surrogate pair/);
        }
        for (const offset of validBoundaries(text)) expect(splitsSurrogatePair(text, offset)).toBe(false);
      }),
    );
  });

  it('refuse offsets outside the text or that are not whole numbers', () => {
    const text = 'ab😔';
    for (const bad of [-1, text.length + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => utf16ToCodePoint(text, bad)).toThrow(RangeError);
    }
    for (const bad of [-1, 4, 1.5, Number.NaN]) {
      expect(() => codePointToUtf16(text, bad)).toThrow(RangeError);
    }
    expect(() => codePointToUtf16('', 1)).toThrow(RangeError);
    expect(codePointToUtf16('', 0)).toBe(0);
    expect(utf16ToCodePoint('', 0)).toBe(0);
  });
});

describe('createOffsetConverter', () => {
  it('reports the length in code points', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        expect(createOffsetConverter(text).codePointLength).toBe(Array.from(text).length);
      }),
    );
  });

  it('agrees with the one-off conversions on every offset, valid or not', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const converter = createOffsetConverter(text);
        const cpLength = Array.from(text).length;
        for (let u16 = -1; u16 <= text.length + 1; u16++) {
          const slow = attempt(() => utf16ToCodePoint(text, u16));
          const fast = attempt(() => converter.toCodePoint(u16));
          expect(fast).toEqual(slow);
        }
        for (let cp = -1; cp <= cpLength + 1; cp++) {
          const slow = attempt(() => codePointToUtf16(text, cp));
          const fast = attempt(() => converter.toUtf16(cp));
          expect(fast).toEqual(slow);
        }
      }),
    );
  });

  it('treats lone surrogates (not valid text, but possible in a string) as one code point each, like Array.from', () => {
    const loneSurrogateText = fc
      .array(fc.oneof(fc.constantFrom('\ud83d', '\ude14', '😔', 'x'), fc.string({ maxLength: 2 })), { maxLength: 20 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(loneSurrogateText, (text) => {
        const converter = createOffsetConverter(text);
        expect(converter.codePointLength).toBe(Array.from(text).length);
        validBoundaries(text).forEach((u16, cp) => {
          expect(converter.toCodePoint(u16)).toBe(cp);
          expect(converter.toUtf16(cp)).toBe(u16);
          expect(utf16ToCodePoint(text, u16)).toBe(cp);
          expect(codePointToUtf16(text, cp)).toBe(u16);
        });
      }),
    );
  });
});

describe('createOffsetConverter with lone surrogates', () => {
  it('counts a lone high or low surrogate as one code point, a pair as one', () => {
    const units = fc.constantFrom('a', '\uD83D', '\uDE14', '😔', '\uD83D\uD83D\uDE14', '\uDE14\uD83D');
    fc.assert(
      fc.property(fc.array(units, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        const converter = createOffsetConverter(text);
        expect(converter.codePointLength).toBe(Array.from(text).length);
        validBoundaries(text).forEach((u16, cp) => expect(converter.toUtf16(cp)).toBe(u16));
      }),
    );
  });
});

function attempt(run: () => number): { value: number } | { error: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { error: error instanceof RangeError ? 'RangeError' : String(error) };
  }
}
