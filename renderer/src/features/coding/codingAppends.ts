// Whether a new codings list only appends to the previous one (a coding just applied), so caches
// over the list can add the new codings instead of going over every coding of the source again.
import type { Coding } from '../../../../shared/model/types';

/**
 * True when `next` starts with every element of `previous`, judged by identity at the two ends:
 * lists that append build a new array around the same objects (the provisional coding, the bench),
 * while a re-read list holds fresh objects, so checking the ends is enough and costs nothing.
 */
export function appendsTo(previous: readonly Coding[], next: readonly Coding[]): boolean {
  if (next.length < previous.length) return false;
  if (previous.length === 0) return true;
  return next[0] === previous[0] && next[previous.length - 1] === previous[previous.length - 1];
}
