// Positions in a stored text (code points, CR LF counting two) land on the same characters of
// the normalised text, for any mix of line ends, astral characters and a BOM.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseWithPositions } from '../../../shared/text/normalisedPositions';
import { normaliseImportedText } from '../../../shared/text/normalise';

const piece = fc.constantFrom('a', 'é', 'e\u0301', '😀', '東京', '\r\n', '\r', '\n', ' ', 'שלום');
const storedArb = fc.tuple(fc.boolean(), fc.array(piece, { maxLength: 30 })).map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.join(''));

describe('normaliseWithPositions', () => {
  it('normalises as on import and maps every position to the same character', () => {
    fc.assert(
      fc.property(storedArb, (stored) => {
        const mapped = normaliseWithPositions(stored);
        expect(mapped.text).toBe(normaliseImportedText(stored));
        const file = [...(stored.startsWith('\uFEFF') ? stored.slice(1) : stored)];
        expect(mapped.codePointLength).toBe(file.length);
        for (let position = 0; position <= file.length; position++) {
          const offset = mapped.toOffset(position);
          expect(offset).not.toBeNull();
          const ch = file[position];
          // A CR becomes the LF of its line end; the LF of a CR LF pair maps onto the same LF.
          const expected = ch === undefined ? undefined : ch === '\r' ? '\n' : ch;
          expect(offset === mapped.text.length ? undefined : String.fromCodePoint(mapped.text.codePointAt(offset!)!)).toBe(expected);
        }
        expect(mapped.toOffset(file.length + 1)).toBeNull();
        expect(mapped.toOffset(-1)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the text as it is when asked not to normalise', () => {
    const mapped = normaliseWithPositions('a\r\n😀b', false);
    expect(mapped.text).toBe('a\r\n😀b');
    expect(mapped.toOffset(4)).toBe(5);
  });
});
