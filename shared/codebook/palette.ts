// Code colours: twelve hues far enough apart to tell codes apart, each light enough at
// HIGHLIGHT_ALPHA behind black text to keep a contrast ratio above 7:1 (checked in a test).
// The light ones (yellow, lime, cyan) are faint as thin margin stripes on white; the stripes
// carry the code name as a tooltip, and the codebook shows the same colour beside the name.

export const CODE_PALETTE = [
  '#e6194b', // red
  '#3cb44b', // green
  '#4363d8', // blue
  '#f58231', // orange
  '#911eb4', // purple
  '#42d4f4', // cyan
  '#f032e6', // magenta
  '#bfef45', // lime
  '#9a6324', // brown
  '#469990', // teal
  '#ffe119', // yellow
  '#808000', // olive
] as const;

/** Opacity of a highlight's background over the page. */
export const HIGHLIGHT_ALPHA = 0.3;

export function isHexColor(value: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(value);
}

/**
 * How often each palette colour is in use, kept as colours are handed out, so that giving
 * colours to many new codes in a row stays linear (an imported codebook of 50,000 codes took
 * minutes when every pick counted all earlier ones again).
 */
export class PaletteUses {
  private readonly uses = new Map<string, number>(CODE_PALETTE.map((c) => [c, 0]));

  constructor(colors: Iterable<string> = []) {
    for (const color of colors) this.add(color);
  }

  add(color: string): void {
    const key = color.toLowerCase();
    const count = this.uses.get(key);
    if (count !== undefined) this.uses.set(key, count + 1);
  }

  /** The palette colour least used so far (the first of the palette on a tie). */
  next(): string {
    let best: string = CODE_PALETTE[0];
    for (const color of CODE_PALETTE) if (this.uses.get(color)! < this.uses.get(best)!) best = color;
    return best;
  }
}

/** The palette colour least used so far, so new codes are told apart from existing ones. */
export function nextPaletteColor(usedColors: readonly string[]): string {
  return new PaletteUses(usedColors).next();
}

/** The colour as an rgba() string at the given opacity. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
