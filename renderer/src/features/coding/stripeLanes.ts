// Which margin lane each code's stripes use: one lane per code used in the source, in codebook
// order. Kept across renders so applying a code costs nothing here unless a code appears or
// disappears (counting 20,000 codings on every apply cost most of a millisecond).
import type { Code, CodingSpan } from '../../../../shared/model/types';
import { changesBetween } from './codingChanges';

export type LaneOf = ReadonlyMap<string, number>;

/** The lanes for the codes in use: codebook order, at most `maxLanes` (later codes get no stripe). */
export function assignLanes(orderedCodes: readonly Code[], used: ReadonlySet<string> | ReadonlyMap<string, unknown>, maxLanes: number): LaneOf {
  const lanes = new Map<string, number>();
  for (const code of orderedCodes) {
    if (lanes.size >= maxLanes) break;
    if (used.has(code.id)) lanes.set(code.id, lanes.size);
  }
  return lanes;
}

/**
 * Keeps a count of codings per code and the lane map built from it. `get` returns the same map
 * object as long as the lanes are unchanged, so whatever depends on it (the stripe signature) is
 * not rebuilt either.
 */
export class StripeLaneCache {
  private codings: readonly CodingSpan[] = [];
  private counts = new Map<string, number>();
  private orderedCodes: readonly Code[] | null = null;
  private lanes: LaneOf = new Map();

  constructor(private readonly maxLanes: number) {}

  get(codings: readonly CodingSpan[], orderedCodes: readonly Code[]): LaneOf {
    let codesChanged = false;
    const changes = changesBetween(this.codings, codings);
    if (changes) {
      for (const { codeId } of changes.removed) {
        const after = (this.counts.get(codeId) ?? 0) - 1;
        if (after > 0) this.counts.set(codeId, after);
        else {
          this.counts.delete(codeId);
          codesChanged = true;
        }
      }
      for (const { codeId } of changes.added) {
        const before = this.counts.get(codeId) ?? 0;
        this.counts.set(codeId, before + 1);
        if (before === 0) codesChanged = true;
      }
    } else {
      const counts = new Map<string, number>();
      for (const coding of codings) counts.set(coding.codeId, (counts.get(coding.codeId) ?? 0) + 1);
      codesChanged = counts.size !== this.counts.size || [...counts.keys()].some((id) => !this.counts.has(id));
      this.counts = counts;
    }
    this.codings = codings;
    if (codesChanged || orderedCodes !== this.orderedCodes) {
      this.orderedCodes = orderedCodes;
      const lanes = assignLanes(orderedCodes, this.counts, this.maxLanes);
      if (!sameLanes(lanes, this.lanes)) this.lanes = lanes;
    }
    return this.lanes;
  }
}

function sameLanes(a: LaneOf, b: LaneOf): boolean {
  if (a.size !== b.size) return false;
  for (const [id, lane] of a) if (b.get(id) !== lane) return false;
  return true;
}
