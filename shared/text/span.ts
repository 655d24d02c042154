// What a codable span is: a non-empty range inside the text that does not split a character
// and is not only whitespace.
import { splitsSurrogatePair } from './offsets';

export type SpanCheck = { ok: true } | { ok: false; reason: string };

export function checkCodableSpan(text: string, start: number, end: number): SpanCheck {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    return { ok: false, reason: 'The selection is outside the text.' };
  }
  if (end <= start) return { ok: false, reason: 'The selection is empty.' };
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return { ok: false, reason: 'The selection splits a character.' };
  }
  if (text.slice(start, end).trim() === '') {
    return { ok: false, reason: 'A selection of only whitespace cannot be coded.' };
  }
  return { ok: true };
}

/** Shrinks a span so it neither starts nor ends in whitespace (what users mean by a selection). */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
