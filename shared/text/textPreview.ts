// The start of a text for a preview, and its length, counted as a reader counts characters: an
// emoji (a surrogate pair) is one character, never two, and is never cut in half. Counting goes
// through shared/text/offsets.ts, the one place that converts between UTF-16 units and code points.
import { codePointToUtf16, utf16ToCodePoint } from './offsets';

export interface TextPreview {
  /** The first `max` characters (code points). */
  shown: string;
  /** Characters in the whole text. */
  total: number;
  /** Characters not shown. */
  more: number;
}

export function textPreview(text: string, max: number): TextPreview {
  const total = utf16ToCodePoint(text, text.length);
  if (total <= max) return { shown: text, total, more: 0 };
  const shown = text.slice(0, codePointToUtf16(text, max));
  return { shown, total, more: total - max };
}
