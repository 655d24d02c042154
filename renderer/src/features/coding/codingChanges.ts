// What changed between two lists of a source's codings, found without going over the whole list
// when it only grew, and cheaply when it was read again with a few codings added or removed (a
// live query returns fresh objects in its own order after every apply), so the caches over the
// list are updated in place instead of being rebuilt over 20,000 codings.
import type { CodingSpan } from '../../../../shared/model/types';

/** Beyond this many added or removed codings, rebuilding is simpler than applying the changes. */
const MAX_CHANGES = 32;

export interface CodingChanges {
  added: readonly CodingSpan[];
  /** Codings of the previous list; callers remove them by id. */
  removed: readonly CodingSpan[];
}

/**
 * True when `next` starts with every element of `previous`, judged by identity at the two ends:
 * lists that append build a new array around the same objects (the provisional coding, the bench),
 * while a re-read list holds fresh objects, so checking the ends is enough and costs nothing.
 */
export function appendsTo(previous: readonly CodingSpan[], next: readonly CodingSpan[]): boolean {
  if (next.length < previous.length) return false;
  if (previous.length === 0) return true;
  return next[0] === previous[0] && next[previous.length - 1] === previous[previous.length - 1];
}

/** The same coding as far as painting goes: id, code and span (other fields are not shown). */
function samePainted(a: CodingSpan, b: CodingSpan): boolean {
  return a === b || (a.id === b.id && a.codeId === b.codeId && a.start === b.start && a.end === b.end);
}

/**
 * The codings added to and removed from `previous` to give `next`, when both are in the same order
 * apart from a few insertions, removals or changes; null when they differ more (rebuild then).
 * Walks both lists in step: no allocation but the (short) answer.
 */
export function changesBetween(previous: readonly CodingSpan[], next: readonly CodingSpan[]): CodingChanges | null {
  if (appendsTo(previous, next)) return { added: next.slice(previous.length), removed: [] };
  if (Math.abs(next.length - previous.length) > MAX_CHANGES) return null;
  const added: CodingSpan[] = [];
  const removed: CodingSpan[] = [];
  let i = 0;
  let j = 0;
  while (i < previous.length || j < next.length) {
    const a = previous[i];
    const b = next[j];
    if (a && b && samePainted(a, b)) {
      i++;
      j++;
      continue;
    }
    if (added.length + removed.length >= MAX_CHANGES) return null;
    const bInserted = b !== undefined && (a === undefined || (next[j + 1] !== undefined && samePainted(a, next[j + 1]!)));
    const aRemoved = a !== undefined && (b === undefined || (previous[i + 1] !== undefined && samePainted(previous[i + 1]!, b)));
    if (bInserted) {
      added.push(b);
      j++;
    } else if (aRemoved) {
      removed.push(a);
      i++;
    } else {
      // Changed in place (or several in a row): replace one with the other.
      removed.push(a!);
      added.push(b!);
      i++;
      j++;
    }
  }
  return { added, removed };
}
