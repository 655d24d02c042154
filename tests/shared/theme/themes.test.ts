// Code colours in both themes: coded text stays readable over its highlight, margin stripes stand
// out from the page, and no two codes look alike, in the light theme and in the dark one.
import { describe, expect, it } from 'vitest';
import { CODE_PALETTE } from '../../../shared/codebook/palette';
import { colourDifference, composite, contrastRatio, hexToRgb } from '../../../shared/theme/contrast';
import { MARK_CONTRAST, THEMES, markColour, type ThemeName } from '../../../shared/theme/themes';

const THEME_NAMES: ThemeName[] = ['light', 'dark'];
const DISTINCT = 8;

/** The smallest colour difference between any two of `colours`. */
function closestPair(colours: ReadonlyArray<readonly [number, number, number]>): number {
  let least = Infinity;
  for (let i = 0; i < colours.length; i++) {
    for (let j = i + 1; j < colours.length; j++) least = Math.min(least, colourDifference(colours[i]!, colours[j]!));
  }
  return least;
}

describe('the themes', () => {
  it('checks contrast and colour difference the standard way (checking the checker)', () => {
    expect(contrastRatio([255, 255, 255], [0, 0, 0])).toBeCloseTo(21, 5);
    expect(contrastRatio([0x77, 0x77, 0x77], [255, 255, 255])).toBeCloseTo(4.48, 2);
    expect(colourDifference([255, 0, 0], [255, 0, 0])).toBe(0);
    // Black and white are 100 apart in CIELAB lightness.
    expect(colourDifference([0, 0, 0], [255, 255, 255])).toBeCloseTo(100, 0);
    // The check can fail: two near-identical reds are far under the bar.
    expect(closestPair([hexToRgb('#e6194b'), hexToRgb('#e61a4c'), hexToRgb('#4363d8')])).toBeLessThan(DISTINCT);
  });

  it.each(THEME_NAMES)('%s: the text has at least 7:1 against the page', (theme) => {
    expect(contrastRatio(hexToRgb(THEMES[theme].page), hexToRgb(THEMES[theme].text))).toBeGreaterThanOrEqual(7);
  });

  for (const theme of THEME_NAMES) {
    it.each(CODE_PALETTE)(`${theme}: text coded %s keeps at least 7:1 over its highlight`, (colour) => {
      const { page, text, highlightAlpha } = THEMES[theme];
      const behind = composite(hexToRgb(colour), highlightAlpha, hexToRgb(page));
      expect(contrastRatio(behind, hexToRgb(text))).toBeGreaterThanOrEqual(7);
    });

    it.each(CODE_PALETTE)(`${theme}: a stripe of %s has at least 3:1 against the page`, (colour) => {
      expect(contrastRatio(hexToRgb(markColour(colour, theme)), hexToRgb(THEMES[theme].page))).toBeGreaterThanOrEqual(MARK_CONTRAST);
    });

    it(`${theme}: no two palette colours look alike, as highlights or as stripes`, () => {
      const { page, highlightAlpha } = THEMES[theme];
      const highlights = CODE_PALETTE.map((c) => composite(hexToRgb(c), highlightAlpha, hexToRgb(page)));
      const stripes = CODE_PALETTE.map((c) => hexToRgb(markColour(c, theme)));
      // ΔE 2.3 is just noticeable; 8 is plainly different side by side. Twelve hues laid at a
      // third of their strength behind text cannot all be 10 apart (the closest pair is ~9).
      expect(closestPair(highlights)).toBeGreaterThanOrEqual(DISTINCT);
      expect(closestPair(stripes)).toBeGreaterThanOrEqual(DISTINCT);
    });
  }

  it('leaves a colour that already stands out as it is, and darkens a faint one in the light theme', () => {
    expect(markColour('#4363d8', 'light')).toBe('#4363d8');
    const yellow = hexToRgb(markColour('#ffe119', 'light'));
    expect(yellow[0]).toBeLessThan(0xff);
    // Still a yellow: red and green well above blue.
    expect(Math.min(yellow[0], yellow[1])).toBeGreaterThan(yellow[2] * 2);
  });
});
