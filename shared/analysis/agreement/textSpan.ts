// A stretch of one text: UTF-16 offsets, end exclusive, like a Coding's.

export interface TextSpan {
  start: number;
  end: number;
}

const SPACE = /\s/;

/** The span without whitespace at either end; empty (start === end) when it is all whitespace. */
export function trimWhitespace(text: string, start: number, end: number): TextSpan {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
