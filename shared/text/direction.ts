// The reading direction of a paragraph, from the letters it is written in: right to left when
// most of its strong letters (those with a direction: Latin, Arabic, Hebrew…) are RTL. Unlike the
// browser's `dir="auto"` (first strong letter), a transcript line "R: في المكتبة…" starting with a
// Latin speaker label still reads right to left. Only the first 400 code units are looked at.

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms.
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const LTR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0900-\u0dff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/u;

export type Direction = 'ltr' | 'rtl';

export function paragraphDirection(text: string): Direction {
  let rtl = 0;
  let ltr = 0;
  const end = Math.min(text.length, 400);
  for (let i = 0; i < end; i++) {
    const ch = text[i]!;
    if (RTL.test(ch)) rtl++;
    else if (LTR.test(ch)) ltr++;
  }
  return rtl > ltr ? 'rtl' : 'ltr';
}
