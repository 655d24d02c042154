// The document view renders a source line by line; each line must know where it sits in the
// whole text, or highlights land on the wrong words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphIndexAt, splitParagraphs } from '../../../shared/text/paragraphs';

const text = fc
  .array(fc.oneof(fc.constantFrom('\n', '\n\n', 'line', ' ', '😔', 'e\u0301', 'مرحبا', '日本語'), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 25 })
  .map((parts) => parts.join(''));

describe('splitParagraphs', () => {
  it('splits at each line break, keeping empty lines and each line’s start', () => {
    expect(splitParagraphs('Q: How was it?\n\nA: Tiring 😔\n')).toEqual([
      { start: 0, text: 'Q: How was it?' },
      { start: 15, text: '' },
      { start: 16, text: 'A: Tiring 😔' },
      { start: 29, text: '' },
    ]);
  });

  it('gives one empty paragraph for an empty text', () => {
    expect(splitParagraphs('')).toEqual([{ start: 0, text: '' }]);
  });

  it('gives the text back when the paragraphs are joined with line breaks', () => {
    fc.assert(
      fc.property(text, (t) => {
        const paragraphs = splitParagraphs(t);
        expect(paragraphs.map((p) => p.text).join('\n')).toBe(t);
        for (const p of paragraphs) {
          expect(p.text).not.toContain('\n');
          expect(t.slice(p.start, p.start + p.text.length)).toBe(p.text);
        }
      }),
    );
  });
});

describe('paragraphIndexAt', () => {
  it('finds the paragraph holding an offset', () => {
    const paragraphs = splitParagraphs('ab\n\ncd');
    expect([0, 1, 2, 3, 4, 5, 6].map((offset) => paragraphIndexAt(paragraphs, offset))).toEqual([0, 0, 0, 1, 2, 2, 2]);
  });

  it('maps every offset to the paragraph containing it (a line break belongs to the line it ends)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const paragraphs = splitParagraphs(t);
        for (let offset = 0; offset <= t.length; offset++) {
          const index = paragraphIndexAt(paragraphs, offset);
          const p = paragraphs[index]!;
          expect(p.start).toBeLessThanOrEqual(offset);
          expect(offset).toBeLessThanOrEqual(p.start + p.text.length);
        }
      }),
    );
  });
});
