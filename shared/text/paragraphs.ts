// Splits a normalised text into its lines (paragraphs), keeping each one's start offset, so the
// document view can render and virtualise line by line while offsets stay global.
import { partitionPoint } from './partitionPoint';

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

/** Index of the paragraph that contains `offset`. */
export function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  // The last paragraph starting at or before `offset`; the first one for an offset before all.
  return Math.max(0, partitionPoint(paragraphs.length, (i) => paragraphs[i]!.start <= offset) - 1);
}
