// Where a coding's edge goes when it is extended or shrunk from the keyboard: by a character (a
// whole grapheme: an emoji or a letter with its accent moves as one), a word, or a sentence.
// Segmentation (Intl.Segmenter) runs over a window around the offset only: V8's segmenter slows
// down with the length of the string (see shared/analysis/textChunks.ts).

export type BoundaryUnit = 'character' | 'word' | 'sentence';
/** Which edge of a span moves: a start lands on the start of a unit, an end on the end of one. */
export type SpanEdge = 'start' | 'end';

const WINDOW = 1500;
const segmenters = new Map<BoundaryUnit, Intl.Segmenter>();

function segmenter(unit: BoundaryUnit): Intl.Segmenter {
  let s = segmenters.get(unit);
  if (!s) {
    s = new Intl.Segmenter(undefined, { granularity: unit === 'character' ? 'grapheme' : unit });
    segmenters.set(unit, s);
  }
  return s;
}

/** Candidate positions for `edge` within the window, ascending (whole-text offsets). */
function candidates(text: string, from: number, to: number, unit: BoundaryUnit, edge: SpanEdge): number[] {
  const out: number[] = [];
  for (const segment of segmenter(unit).segment(text.slice(from, to))) {
    const start = from + segment.index;
    const raw = segment.segment;
    if (unit === 'word' && !segment.isWordLike) continue;
    if (unit === 'sentence') {
      // A sentence segment carries its trailing space and line break; a coding ends at its last mark.
      const body = raw.trimEnd();
      const lead = body.length - body.trimStart().length;
      if (body.trim() === '') continue;
      out.push(edge === 'start' ? start + lead : start + body.length);
      continue;
    }
    out.push(edge === 'start' ? start : start + raw.length);
  }
  return out;
}

/**
 * The next position for a span's `edge` from `offset`, moving one `unit` forwards (1) or
 * backwards (-1); `offset` itself when there is nowhere to go (the text's start or end).
 */
export function moveBoundary(text: string, offset: number, unit: BoundaryUnit, direction: 1 | -1, edge: SpanEdge): number {
  let from = Math.max(0, offset - WINDOW);
  let to = Math.min(text.length, offset + WINDOW);
  // Never start or end the window inside a surrogate pair.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from--;
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to]!)) to++;
  const list = candidates(text, from, to, unit, edge);
  if (direction === 1) return list.find((p) => p > offset) ?? offset;
  for (let i = list.length - 1; i >= 0; i--) if (list[i]! < offset) return list[i]!;
  return offset;
}
