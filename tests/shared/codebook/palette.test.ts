// Code colours: highlights behind black text must stay readable (WCAG AAA, 7:1), and a new code
// gets the colour used least so codes stay told apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_PALETTE, HIGHLIGHT_ALPHA, isHexColor, nextPaletteColor, withAlpha } from '../../../shared/codebook/palette';
import { composite, contrastRatio, hexToRgb, type Rgb } from '../../../shared/theme/contrast';

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

describe('CODE_PALETTE', () => {
  it('is a list of distinct #rrggbb colours', () => {
    expect(CODE_PALETTE.length).toBeGreaterThanOrEqual(8);
    for (const color of CODE_PALETTE) expect(isHexColor(color)).toBe(true);
    expect(new Set(CODE_PALETTE.map((c) => c.toLowerCase())).size).toBe(CODE_PALETTE.length);
  });

  it.each(CODE_PALETTE)('%s as a highlight keeps black text at a contrast of at least 7:1', (color) => {
    // The highlight as the browser composites it over a white page (in sRGB).
    const ratio = contrastRatio(composite(hexToRgb(color), HIGHLIGHT_ALPHA, WHITE), BLACK);
    expect(ratio).toBeGreaterThanOrEqual(7);
  });

  it('computes contrast the WCAG way (checking the checker)', () => {
    expect(contrastRatio(WHITE, BLACK)).toBeCloseTo(21, 5);
    // #777777 on white is the well-known 4.48:1; #777 is the same colour.
    expect(contrastRatio(hexToRgb('#777777'), WHITE)).toBeCloseTo(4.48, 2);
    expect(hexToRgb('#777')).toEqual(hexToRgb('#777777'));
    expect(hexToRgb('not a colour')).toEqual(BLACK);
  });
});

describe('withAlpha', () => {
  it('writes the colour as rgba() at the given opacity', () => {
    expect(withAlpha('#e6194b', HIGHLIGHT_ALPHA)).toBe('rgba(230, 25, 75, 0.3)');
    expect(withAlpha('#FFFFFF', 1)).toBe('rgba(255, 255, 255, 1)');
  });
});

describe('isHexColor', () => {
  it('accepts #rrggbb in either case and nothing else', () => {
    expect(isHexColor('#a1B2c3')).toBe(true);
    for (const bad of ['#abc', 'red', 'a1b2c3', '#a1b2c3d', '#a1b2cg', ' #a1b2c3', 'rgb(1,2,3)', '']) {
      expect(isHexColor(bad)).toBe(false);
    }
  });
});

describe('nextPaletteColor', () => {
  it('starts with the first palette colour', () => {
    expect(nextPaletteColor([])).toBe(CODE_PALETTE[0]);
  });

  it('picks a colour no code uses yet, in palette order', () => {
    expect(nextPaletteColor([CODE_PALETTE[0], CODE_PALETTE[1], CODE_PALETTE[3]])).toBe(CODE_PALETTE[2]);
  });

  it('picks the least used colour once every colour is taken', () => {
    const used = [...CODE_PALETTE, ...CODE_PALETTE.filter((_, i) => i !== 5)];
    expect(nextPaletteColor(used)).toBe(CODE_PALETTE[5]);
  });

  it('counts colours whatever their case and ignores colours outside the palette', () => {
    const upper = CODE_PALETTE[0].toUpperCase();
    expect(nextPaletteColor([upper, '#000000', '#123456'])).toBe(CODE_PALETTE[1]);
  });

  it('always returns a palette colour with the lowest use count', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...CODE_PALETTE), fc.constant('#010203')), { maxLength: 60 }), (used) => {
        const count = (color: string) => used.filter((c) => c.toLowerCase() === color).length;
        const next = nextPaletteColor(used);
        expect(CODE_PALETTE).toContain(next);
        expect(count(next)).toBe(Math.min(...CODE_PALETTE.map(count)));
        // Ties go to the earliest palette colour.
        expect(CODE_PALETTE.findIndex((c) => count(c) === count(next))).toBe(CODE_PALETTE.indexOf(next as (typeof CODE_PALETTE)[number]));
      }),
    );
  });
});
