// Colours as other tools write them (#RGB, #RRGGBB, with alpha, rgb()/rgba()) brought to the one
// form the codebook stores: `#rrggbb`. Alpha is dropped: a code's colour is opaque everywhere.

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// rgb(1, 2, 3), rgba(1,2,3,0.5), rgb(1 2 3 / 50%), rgb(10%, 20%, 30%)
const RGB = /^rgba?\(\s*([\d.]+%?)\s*[,\s]\s*([\d.]+%?)\s*[,\s]\s*([\d.]+%?)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/i;

/** `#rrggbb` for a colour in any of the accepted notations, or null when `raw` is not one. */
export function normaliseColor(raw: string): string | null {
  const value = raw.trim();
  const hex = HEX.exec(value);
  if (hex) {
    const digits = hex[1]!.toLowerCase();
    if (digits.length <= 4) {
      return `#${digits[0]}${digits[0]}${digits[1]}${digits[1]}${digits[2]}${digits[2]}`;
    }
    return `#${digits.slice(0, 6)}`;
  }
  const rgb = RGB.exec(value);
  if (rgb) {
    const channels = [rgb[1]!, rgb[2]!, rgb[3]!].map(channel);
    if (channels.some((c) => c === null)) return null;
    return `#${channels.map((c) => c!.toString(16).padStart(2, '0')).join('')}`;
  }
  return null;
}

function channel(text: string): number | null {
  const percent = text.endsWith('%');
  const n = Number(percent ? text.slice(0, -1) : text);
  if (!Number.isFinite(n)) return null;
  const value = percent ? (n / 100) * 255 : n;
  if (value < 0 || value > 255) return null;
  return Math.round(value);
}
