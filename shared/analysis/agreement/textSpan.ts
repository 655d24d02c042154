// A stretch of one text: UTF-16 offsets, end exclusive, like a Coding's.

export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Whether a UTF-16 code unit is whitespace as JavaScript's `\s` has it (ECMAScript WhiteSpace and
 * LineTerminator: the ASCII spaces, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
 * U+3000, U+FEFF), without a regular expression per character.
 */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The span without whitespace at either end; empty (start === end) when it is all whitespace. */
export function trimWhitespace(text: string, start: number, end: number): TextSpan {
  let s = start;
  let e = end;
  while (s < e && isWhitespace(text.charCodeAt(s))) s++;
  while (e > s && isWhitespace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}
