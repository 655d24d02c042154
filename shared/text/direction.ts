// The reading direction of a paragraph, from the letters it is written in: right to left when
// most of its strong letters (those with a direction: Latin, Arabic, Hebrew…) are RTL. Unlike the
// browser's `dir="auto"` (first strong letter), a transcript line "R: في المكتبة…" starting with a
// Latin speaker label still reads right to left. Only the first 400 code units are looked at.

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, and the Hebrew and Arabic presentation
// forms (by code unit: comparing numbers, not a character class full of combining marks).
function isRtl(unit: number): boolean {
  return (unit >= 0x0590 && unit <= 0x08ff) || (unit >= 0xfb1d && unit <= 0xfdff) || (unit >= 0xfe70 && unit <= 0xfefc);
}
// Latin, Greek, Cyrillic, Armenian, Indic scripts, kana, CJK and Hangul.
const LTR_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x41, 0x5a], [0x61, 0x7a], [0xc0, 0x24f], [0x370, 0x58f], [0x900, 0xdff], [0x3040, 0x30ff], [0x4e00, 0x9fff], [0xac00, 0xd7af],
];
function isLtr(unit: number): boolean {
  return LTR_RANGES.some(([from, to]) => unit >= from && unit <= to);
}

export type Direction = 'ltr' | 'rtl';

export function paragraphDirection(text: string): Direction {
  let rtl = 0;
  let ltr = 0;
  const end = Math.min(text.length, 400);
  for (let i = 0; i < end; i++) {
    if (isRtl(text.charCodeAt(i))) rtl++;
    else if (isLtr(text.charCodeAt(i))) ltr++;
  }
  return rtl > ltr ? 'rtl' : 'ltr';
}
