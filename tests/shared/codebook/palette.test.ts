// Code colours: highlights behind black text must stay readable (WCAG AAA, 7:1), and a new code
// gets the colour used least so codes stay told apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_PALETTE, HIGHLIGHT_ALPHA, isHexColor, nextPaletteColor, withAlpha } from '../../../shared/codebook/palette';

/** WCAG 2 relative luminance of an sRGB colour given as 0–255 channels. */
function relativeLuminance([r, g, b]: readonly number[]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
}

function contrastRatio(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** The colour drawn at `alpha` over a white page, as the browser composites it (in sRGB). */
function overWhite(hex: string, alpha: number): number[] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => alpha * c + (1 - alpha) * 255);
}

describe('CODE_PALETTE', () => {
  it('is a list of distinct #rrggbb colours', () => {
    expect(CODE_PALETTE.length).toBeGreaterThanOrEqual(8);
    for (const color of CODE_PALETTE) expect(isHexColor(color)).toBe(true);
    expect(new Set(CODE_PALETTE.map((c) => c.toLowerCase())).size).toBe(CODE_PALETTE.length);
  });

  it.each(CODE_PALETTE)('%s as a highlight keeps black text at a contrast of at least 7:1', (color) => {
    const black = relativeLuminance([0, 0, 0]);
    const ratio = contrastRatio(relativeLuminance(overWhite(color, HIGHLIGHT_ALPHA)), black);
    expect(ratio).toBeGreaterThanOrEqual(7);
  });

  it('computes contrast the WCAG way (checking the checker)', () => {
    expect(contrastRatio(relativeLuminance([255, 255, 255]), relativeLuminance([0, 0, 0]))).toBeCloseTo(21, 5);
    // #777777 on white is the well-known 4.48:1.
    expect(contrastRatio(relativeLuminance([0x77, 0x77, 0x77]), 1)).toBeCloseTo(4.48, 2);
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
