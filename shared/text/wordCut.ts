// Shortening text for a list line at a word boundary: "…a vehicle for a…" rather than "…a
// vehicle for a lli", and the remainder starting at the next word, so a title and the preview
// after it read as one text cut once. Never splits a surrogate pair (an emoji stays whole).
import { splitsSurrogatePair } from './offsets';

export interface WordCut {
  /** The text, or its start up to a word boundary with "…" added. */
  head: string;
  /** What follows the head, from the next word on ('' when nothing was cut). */
  rest: string;
  cut: boolean;
}

/** Cuts `text` to at most `max` UTF-16 units (the "…" included), at the last space that fits. */
export function cutAtWord(text: string, max: number): WordCut {
  if (text.length <= max) return { head: text, rest: '', cut: false };
  const limit = Math.max(1, max - 1);
  let at = -1;
  for (let i = limit; i > 0; i--) {
    if (/\s/.test(text[i]!)) {
      at = i;
      break;
    }
  }
  // A first word longer than the limit (a URL): no boundary fits, so cut inside it. Any earlier
  // boundary is kept, however short the head: a title never ends mid-word.
  if (at <= 0) {
    at = limit;
    if (splitsSurrogatePair(text, at)) at -= 1;
  }
  return { head: `${text.slice(0, at).trimEnd()}…`, rest: text.slice(at).trimStart(), cut: true };
}
