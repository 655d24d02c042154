// What a user may code: a real selection of text, never whitespace alone or half a character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCodableSpan, trimSpan } from '../../../shared/text/span';

describe('checkCodableSpan', () => {
  const text = 'It was tiring 😔\n\n   and then  \tsome.';

  it('accepts a selection of words, emoji included', () => {
    expect(checkCodableSpan(text, 0, 6)).toEqual({ ok: true });
    expect(checkCodableSpan(text, text.indexOf('😔'), text.indexOf('😔') + 2)).toEqual({ ok: true });
    expect(checkCodableSpan(text, 0, text.length)).toEqual({ ok: true });
  });

  it('refuses a selection of only whitespace', () => {
    const blank = text.indexOf('\n\n   ');
    expect(checkCodableSpan(text, blank, blank + 5)).toEqual({
      ok: false,
      reason: 'A selection of only whitespace cannot be coded.',
    });
    expect(checkCodableSpan(' \u00a0\u3000\t', 0, 4).ok).toBe(false); // no-break and ideographic spaces too
  });

  it('refuses a selection that starts or ends inside an emoji', () => {
    const emoji = text.indexOf('😔');
    for (const [start, end] of [
      [emoji + 1, emoji + 2],
      [0, emoji + 1],
    ] as const) {
      expect(checkCodableSpan(text, start, end)).toEqual({ ok: false, reason: 'The selection splits a character.' });
    }
  });

  it('refuses empty, reversed and out-of-range selections', () => {
    expect(checkCodableSpan(text, 3, 3)).toEqual({ ok: false, reason: 'The selection is empty.' });
    expect(checkCodableSpan(text, 5, 3)).toEqual({ ok: false, reason: 'The selection is empty.' });
    for (const [start, end] of [
      [-1, 3],
      [0, text.length + 1],
      [0.5, 3],
      [0, Number.NaN],
    ] as const) {
      expect(checkCodableSpan(text, start, end)).toEqual({ ok: false, reason: 'The selection is outside the text.' });
    }
  });
});

describe('trimSpan', () => {
  it('shrinks a selection to the words inside it', () => {
    const text = 'say  \n hello world \t\n';
    expect(trimSpan(text, 3, text.length)).toEqual({ start: 7, end: 18 });
    expect(text.slice(7, 18)).toBe('hello world');
  });

  it('collapses a whitespace-only selection to an empty one', () => {
    const { start, end } = trimSpan('a    b', 1, 5);
    expect(end - start).toBe(0);
  });

  it('leaves exactly the trimmed text, and a span that is codable whenever the text had words', () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom(' ', '\n', '\t', '\u00a0', '😔', 'e\u0301', 'word'), fc.string({ unit: 'grapheme', maxLength: 2 })), { maxLength: 20 })
      .map((parts) => parts.join(''));
    const textAndSpan = text.chain((t) =>
      fc.tuple(fc.nat({ max: t.length }), fc.nat({ max: t.length })).map(([a, b]) => ({ t, start: Math.min(a, b), end: Math.max(a, b) })),
    );
    fc.assert(
      fc.property(textAndSpan, ({ t, start, end }) => {
        const trimmed = trimSpan(t, start, end);
        expect(trimmed.start).toBeGreaterThanOrEqual(start);
        expect(trimmed.end).toBeLessThanOrEqual(end);
        expect(t.slice(trimmed.start, trimmed.end)).toBe(t.slice(start, end).trim());
      }),
    );
  });
});
