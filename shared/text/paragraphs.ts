// Splits a normalised text into its lines (paragraphs), keeping each one's start offset, so the
// document view can render and virtualise line by line while offsets stay global.

export interface Paragraph {
  /** UTF-16 offset of the paragraph's first character in the whole text. */
  start: number;
  /** The paragraph's text, without its trailing "\n". */
  text: string;
}

export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      paragraphs.push({ start, text: text.slice(start) });
      return paragraphs;
    }
    paragraphs.push({ start, text: text.slice(start, newline) });
    start = newline + 1;
  }
}

/** Index of the paragraph that contains `offset` (binary search over starts). */
export function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
