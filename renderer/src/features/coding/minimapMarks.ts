// Where the minimap draws each coding: a band at the coding's place in the text, as a share of
// the text's length (the document's rows are sized from their length, so this tracks the
// scrollbar closely), one column per code lane, merged where bands of one code touch.
// Worked out in whole canvas pixels: a source's 20,000 codings come down to at most a few runs
// of pixels per code, so the canvas gets hundreds of fillRects instead of tens of thousands, and
// no list of bands is sorted.
import type { CodingSpan } from '../../../../shared/model/types';

export interface MinimapRuns {
  /** The codes in the order they first appear among the codings (their lanes follow it). */
  codeIds: string[];
  /** Per code, in the same order: pixel rows as [top, bottom) pairs, top to bottom. */
  runs: Int32Array[];
}

/**
 * Runs of pixel rows covered by each code's codings on a canvas `height` pixels tall; every
 * coding covers at least `minPixels` rows, so one word in a long text still shows.
 */
export function minimapRuns(codings: readonly CodingSpan[], textLength: number, height: number, minPixels: number): MinimapRuns {
  const codeIds: string[] = [];
  const rows = Math.max(0, Math.floor(height));
  if (textLength <= 0 || rows === 0) return { codeIds, runs: [] };
  const index = new Map<string, number>();
  const covered: Uint8Array[] = [];
  const scale = rows / textLength;
  for (const coding of codings) {
    let at = index.get(coding.codeId);
    if (at === undefined) {
      at = codeIds.length;
      index.set(coding.codeId, at);
      codeIds.push(coding.codeId);
      covered.push(new Uint8Array(rows));
    }
    const top = Math.min(rows - 1, Math.max(0, Math.floor(coding.start * scale)));
    const bottom = Math.min(rows, Math.max(Math.ceil(coding.end * scale), top + minPixels));
    covered[at]!.fill(1, top, bottom);
  }
  const runs = covered.map((rowsOfCode) => {
    const out: number[] = [];
    for (let y = 0; y < rows; y++) {
      if (rowsOfCode[y] === 0) continue;
      const top = y;
      while (y < rows && rowsOfCode[y] === 1) y++;
      out.push(top, y);
    }
    return Int32Array.from(out);
  });
  return { codeIds, runs };
}

/** The text offset a click at `share` (0–1 from the top) of the minimap points to. */
export function offsetAtShare(share: number, textLength: number): number {
  return Math.min(Math.max(0, textLength - 1), Math.max(0, Math.floor(share * textLength)));
}
