// Where the minimap draws each coding: a band at the coding's place in the text, as a share of
// the text's length (the document's rows are sized from their length, so this tracks the
// scrollbar closely), one column per code lane, merged where bands of one code touch.
import type { CodingSpan } from '../../../../shared/model/types';

export interface MinimapMark {
  codeId: string;
  /** 0–1 from the top. */
  from: number;
  to: number;
}

/** Marks for `codings`, at least `minShare` tall (so one word in a long text still shows). */
export function minimapMarks(codings: readonly CodingSpan[], textLength: number, minShare: number): MinimapMark[] {
  if (textLength <= 0) return [];
  const byCode = new Map<string, Array<[number, number]>>();
  for (const coding of codings) {
    const list = byCode.get(coding.codeId) ?? [];
    list.push([coding.start / textLength, Math.max(coding.end / textLength, coding.start / textLength + minShare)]);
    byCode.set(coding.codeId, list);
  }
  const marks: MinimapMark[] = [];
  for (const [codeId, bands] of byCode) {
    bands.sort((a, b) => a[0] - b[0]);
    let last: MinimapMark | undefined;
    for (const [from, to] of bands) {
      if (last && from <= last.to) last.to = Math.max(last.to, to);
      else marks.push((last = { codeId, from, to }));
    }
  }
  return marks;
}

/** The text offset a click at `share` (0–1 from the top) of the minimap points to. */
export function offsetAtShare(share: number, textLength: number): number {
  return Math.min(Math.max(0, textLength - 1), Math.max(0, Math.floor(share * textLength)));
}
