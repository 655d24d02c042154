// The text around a passage, for a search hit or a coded segment shown "with context": up to
// `length` code units each side, within the passage's paragraph(s), never half a character.

export const CONTEXT_LENGTH = 40;

function isLowSurrogateAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  return unit >= 0xdc00 && unit <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
}

export function passageContext(text: string, start: number, end: number, length: number = CONTEXT_LENGTH): { before: string; after: string } {
  let from = Math.max(0, start - length);
  const newlineBefore = text.lastIndexOf('\n', start - 1);
  if (start > 0 && newlineBefore >= from) from = newlineBefore + 1;
  if (isLowSurrogateAt(text, from)) from++;
  let to = Math.min(text.length, end + length);
  const newlineAfter = text.indexOf('\n', end);
  if (newlineAfter !== -1 && newlineAfter < to) to = newlineAfter;
  if (to < text.length && isLowSurrogateAt(text, to)) to--;
  return { before: text.slice(from, start), after: text.slice(end, to) };
}
