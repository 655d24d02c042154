// The quote stored with every coding (exact text and context) is what re-anchors it later: the
// context must sit exactly around the span and never hold half a character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUOTE_CONTEXT, quoteAt } from '../../../shared/text/quote';

const PIECES = ['a', ' ', 'word ', '😔', '👩‍👩‍👧', 'e\u0301', '\n', 'مرحبا', 'שלום', '日本語', '𠮷'] as const;

const mixedText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

function validBoundaries(text: string): number[] {
  const boundaries = [0];
  let offset = 0;
  for (const char of text) boundaries.push((offset += char.length));
  return boundaries;
}

const textAndSpan = mixedText.chain((text) => {
  const boundaries = validBoundaries(text);
  return fc
    .tuple(fc.constantFrom(...boundaries), fc.constantFrom(...boundaries))
    .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) }));
});

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

describe('quoteAt', () => {
  it('keeps 32 code units of context on each side', () => {
    const text = `${'p'.repeat(40)}EXACT${'s'.repeat(40)}`;
    expect(QUOTE_CONTEXT).toBe(32);
    expect(quoteAt(text, 40, 45)).toEqual({ exact: 'EXACT', prefix: 'p'.repeat(32), suffix: 's'.repeat(32) });
  });

  it('keeps what context there is near the start and end of the text', () => {
    expect(quoteAt('ab cd ef', 3, 5)).toEqual({ exact: 'cd', prefix: 'ab ', suffix: ' ef' });
    expect(quoteAt('whole', 0, 5)).toEqual({ exact: 'whole', prefix: '', suffix: '' });
  });

  it('shortens the context by one unit rather than cut an emoji in half', () => {
    // The 32nd unit before the span is the second half of 😔.
    const text = `x😔${'p'.repeat(31)}EXACT${'s'.repeat(31)}😔x`;
    const start = text.indexOf('EXACT');
    const quote = quoteAt(text, start, start + 5);
    expect(quote.prefix).toBe('p'.repeat(31));
    expect(quote.suffix).toBe('s'.repeat(31));
    // One more unit of room takes the whole emoji.
    const roomier = `x😔${'p'.repeat(30)}EXACT${'s'.repeat(30)}😔x`;
    const s2 = roomier.indexOf('EXACT');
    expect(quoteAt(roomier, s2, s2 + 5)).toMatchObject({ prefix: `😔${'p'.repeat(30)}`, suffix: `${'s'.repeat(30)}😔` });
  });

  it('surrounds the exact text with context taken from the right place, never splitting a character', () => {
    fc.assert(
      fc.property(textAndSpan, ({ text, start, end }) => {
        const { exact, prefix, suffix } = quoteAt(text, start, end);
        expect(exact).toBe(text.slice(start, end));
        expect(text.slice(start - prefix.length, end + suffix.length)).toBe(prefix + exact + suffix);
        expect(prefix.length).toBeLessThanOrEqual(QUOTE_CONTEXT);
        expect(suffix.length).toBeLessThanOrEqual(QUOTE_CONTEXT);
        // As much context as fits: at most one unit is given up, and only for a surrogate pair.
        expect(prefix.length).toBeGreaterThanOrEqual(Math.min(start, QUOTE_CONTEXT) - 1);
        expect(suffix.length).toBeGreaterThanOrEqual(Math.min(text.length - end, QUOTE_CONTEXT) - 1);
        if (prefix.length > 0) expect(isLow(prefix.charCodeAt(0))).toBe(false);
        if (suffix.length > 0) expect(isHigh(suffix.charCodeAt(suffix.length - 1))).toBe(false);
      }),
    );
  });
});
