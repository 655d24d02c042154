// The two colour themes as the document shows them: the page and text colours, how strongly a
// code's colour is laid behind the text, and a code's colour adjusted for thin marks (margin
// stripes, swatches) so it keeps 3:1 against the page (WCAG's minimum for graphics). The CSS
// custom properties in renderer/src/app/theme.css use the same page and text colours; a test
// checks the code palette against both.
import { contrastRatio, hexToRgb, mix, rgbToHex, type Rgb } from './contrast';
import { HIGHLIGHT_ALPHA } from '../codebook/palette';

export type ThemeName = 'light' | 'dark';

export interface ThemeColours {
  /** The document's background (`--doc-bg`). */
  page: string;
  /** The document's text (`--doc-text`). */
  text: string;
  /** Opacity of a code's colour behind coded text. */
  highlightAlpha: number;
}

export const THEMES: Readonly<Record<ThemeName, ThemeColours>> = {
  light: { page: '#fbfaf8', text: '#1d1c1a', highlightAlpha: HIGHLIGHT_ALPHA },
  // Darker highlights on a dark page: at 0.3 the light hues (lime, yellow) wash the text out.
  dark: { page: '#1b1c20', text: '#e8e6e1', highlightAlpha: 0.22 },
};

/** Contrast a thin mark (a stripe, a swatch) keeps against the page. */
export const MARK_CONTRAST = 3;

/**
 * The code's colour as a thin mark on the theme's page: unchanged when it already stands out,
 * otherwise darkened (light theme) or lightened (dark theme) just enough, so the hue stays.
 */
export function markColour(hex: string, theme: ThemeName): string {
  const page = hexToRgb(THEMES[theme].page);
  const base = hexToRgb(hex);
  const toward: Rgb = theme === 'light' ? [0, 0, 0] : [255, 255, 255];
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(base, toward, step * 0.05);
    if (contrastRatio(candidate, page) >= MARK_CONTRAST) return rgbToHex(candidate);
  }
  return rgbToHex(toward);
}
