// Pieces of a long text for Intl.Segmenter. V8's segmenter slows down with the length of the
// string it walks (measured here: 76,500 words took 306 s in one 400,000-character string and
// 0.5 s in 2,000-character pieces), so long texts are cut first: at line breaks, and a long line
// at the last white space before MAX_CHUNK (no word or sentence is cut unless a line has no space
// for MAX_CHUNK characters, as unspaced Japanese can; a sentence end there is found within the piece).

export const MAX_CHUNK = 2000;

export interface TextChunk {
  /** Offset of the piece in the whole text. */
  offset: number;
  text: string;
}

export function* textChunks(text: string, from = 0, to = text.length): Generator<TextChunk> {
  let start = from;
  while (start < to) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline === -1 || newline >= to ? to : newline;
    let end = lineEnd;
    if (end - start > MAX_CHUNK) {
      const limit = start + MAX_CHUNK;
      let cut = limit;
      while (cut > start + MAX_CHUNK / 2 && !/\s/.test(text[cut - 1]!)) cut--;
      end = cut > start + MAX_CHUNK / 2 ? cut : limit;
      // Never between the halves of a surrogate pair.
      const unit = text.charCodeAt(end);
      if (unit >= 0xdc00 && unit <= 0xdfff) end--;
    }
    if (end > start) yield { offset: start, text: text.slice(start, end) };
    // Past the line break when the piece ended at one; else the next piece of the same line.
    start = end === lineEnd && lineEnd < to ? end + 1 : end;
  }
}
