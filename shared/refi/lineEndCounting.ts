// Tools disagree whether a Windows line end (CR LF) is one position or two. The standard counts
// code points, so two is the default; but when a source has CR LF line ends and its selections
// carry their text as a name (ATLAS.ti and others do), the counting that makes those names match
// the text is the one the tool used.
import type { NormalisedText } from '../text/normalisedPositions';
import type { QdeSelection } from './qdeModel';

export type LineEndCounting = 'two' | 'one';

/** How many selections' names agree with the text when positions are read one way. */
function agreement(selections: readonly QdeSelection[], positions: NormalisedText, counting: LineEndCounting): number {
  const toOffset = counting === 'two' ? positions.toOffset : positions.toOffsetCountingLineEndsAsOne;
  let score = 0;
  for (const selection of selections) {
    // Names may be cut short and their white space tidied: compare the start, spaces folded.
    const name = (selection.name ?? '').replace(/\s+/g, ' ').slice(0, 40);
    if (name.trim().length < 4) continue;
    const start = toOffset(selection.start);
    const end = toOffset(selection.end);
    if (start === null || end === null || end < start) continue;
    if (positions.text.slice(start, Math.min(end, start + 200)).replace(/\s+/g, ' ').startsWith(name)) score++;
  }
  return score;
}

export function chooseLineEndCounting(selections: readonly QdeSelection[], positions: NormalisedText): LineEndCounting {
  if (!positions.hadCarriageReturns || selections.length === 0) return 'two';
  const scoreTwo = agreement(selections, positions, 'two');
  const scoreOne = agreement(selections, positions, 'one');
  return scoreOne > scoreTwo ? 'one' : 'two';
}
