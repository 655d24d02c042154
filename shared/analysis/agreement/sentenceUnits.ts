// Sentences as units of agreement, found by the Unicode sentence-break rules (UAX #29) through
// `Intl.Segmenter`, which Node and Chromium both ship with full ICU. Each sentence is trimmed of
// surrounding whitespace; whitespace-only pieces are no unit. A sentence never crosses a line
// break: a paragraph ends a sentence even without a full stop (headings, speaker labels).
//
// Why per line and in chunks: V8's segmenter slows down quadratically on long strings (470,000
// characters took 19 s here; 4,700-character pieces run at about 60 ms a million characters). A
// line longer than CHUNK is cut after the last ". ", "! " or "? " before the limit (else at the
// last space, else hard), where a sentence ends anyway.
import { splitParagraphs } from '../../text/paragraphs';
import { trimWhitespace, type TextSpan } from './textSpan';

const CHUNK = 4000;
/** Fixed so the same text gives the same units in the app and on the command line. */
const LOCALE = 'en';

let segmenter: Intl.Segmenter | undefined;

export function segmentSentences(text: string): TextSpan[] {
  segmenter ??= new Intl.Segmenter(LOCALE, { granularity: 'sentence' });
  const out: TextSpan[] = [];
  for (const p of splitParagraphs(text)) {
    const end = p.start + p.text.length;
    for (let at = p.start; at < end; ) {
      const stop = chunkEnd(text, at, end);
      for (const piece of segmenter.segment(text.slice(at, stop))) {
        const span = trimWhitespace(text, at + piece.index, at + piece.index + piece.segment.length);
        if (span.end > span.start) out.push(span);
      }
      at = stop;
    }
  }
  return out;
}

function chunkEnd(text: string, from: number, end: number): number {
  if (end - from <= CHUNK) return end;
  const limit = from + CHUNK;
  let space = -1;
  for (let i = limit; i > from + CHUNK / 2; i--) {
    if (text[i] !== ' ') continue;
    if (/[.!?]/.test(text[i - 1]!)) return i + 1;
    if (space === -1) space = i + 1;
  }
  if (space !== -1) return space;
  // Do not split a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit + 1 : limit;
}
