// Colour arithmetic for legibility checks: WCAG 2 relative luminance and contrast ratio, alpha
// compositing as the browser does it (in sRGB), and CIE76 colour difference (how far apart two
// colours look), so themes can be checked and code colours adjusted without a DOM.

export type Rgb = readonly [number, number, number];

/**
 * `#rrggbb` (or the short `#rgb`) as 0–255 channels. Something else reads as black rather than
 * throwing: the margin painters call this with code colours and must never stop on one.
 */
export function hexToRgb(hex: string): Rgb {
  let digits = hex.startsWith('#') ? hex.slice(1) : hex;
  if (digits.length === 3) digits = [...digits].map((c) => c + c).join('');
  const n = /^[0-9a-f]{6}$/i.test(digits) ? Number.parseInt(digits, 16) : 0;
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** 0–255 channels (rounded) as `#rrggbb`. */
export function rgbToHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** An sRGB channel (0–255) as linear light (0–1): the step both luminance and CIELAB start from. */
function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of an sRGB colour. */
export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** `color` drawn at `alpha` over `background`. */
export function composite(color: Rgb, alpha: number, background: Rgb): Rgb {
  return [0, 1, 2].map((i) => alpha * color[i]! + (1 - alpha) * background[i]!) as unknown as Rgb;
}

/** `color` moved `amount` (0–1) of the way toward `target`. */
export function mix(color: Rgb, target: Rgb, amount: number): Rgb {
  return composite(target, amount, color);
}

/** CIELAB (D65) of an sRGB colour. */
function toLab(rgb: Rgb): [number, number, number] {
  const [r, g, b] = rgb.map(linear) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 ΔE: about 2.3 is just noticeable; above 10 two colours are told apart at a glance. */
export function colourDifference(a: Rgb, b: Rgb): number {
  const [p, q] = [toLab(a), toLab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
