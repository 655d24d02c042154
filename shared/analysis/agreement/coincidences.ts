// Krippendorff's coincidence matrix (Krippendorff 2011, section "B. Coincidence matrix"): every
// pair of values two different coders gave the same unit, each unit's pairs weighted 1/(m_u − 1)
// so that each pairable value counts once. Units with fewer than two values are not pairable.
import type { UnitValues, Value } from './unitValues';
import { valuesInUnit } from './unitValues';

export interface Coincidences<V extends Value> {
  /** The distinct values that occur in pairable units, in first-seen order. */
  values: V[];
  /** `o[c][k]`: coincidences of values[c] and values[k] (symmetric). */
  o: number[][];
  /** `n_c`: row sums of o, the pairable values of each kind. */
  n: number[];
  /** n.. : all pairable values. */
  total: number;
}

/** One unit's share of the matrix: (c, k, amount) triples, c and k indexes into `values`. */
export type UnitContribution = Array<[number, number, number]>;

/**
 * The coincidence matrix of `units`, and (for the bootstrap) each pairable unit's contribution
 * and weight, so a resample can re-add contributions instead of re-pairing values.
 */
export function coincidencesOf<V extends Value>(units: Iterable<UnitValues<V>>): Coincidences<V> & { contributions: UnitContribution[]; weights: number[] } {
  const index = new Map<V, number>();
  const values: V[] = [];
  const contributions: UnitContribution[] = [];
  const weights: number[] = [];
  for (const unit of units) {
    const m = valuesInUnit(unit);
    if (m < 2) continue;
    const entries: Array<[number, number]> = [];
    for (const [v, count] of unit.counts) {
      if (count <= 0) continue;
      let i = index.get(v);
      if (i === undefined) {
        i = values.length;
        index.set(v, i);
        values.push(v);
      }
      entries.push([i, count]);
    }
    const contribution: UnitContribution = [];
    for (const [c, nc] of entries) {
      for (const [k, nk] of entries) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (pairs > 0) contribution.push([c, k, pairs / (m - 1)]);
      }
    }
    contributions.push(contribution);
    weights.push(unit.weight ?? 1);
  }
  const { o, n, total } = sumContributions(values.length, contributions, weights);
  return { values, o, n, total, contributions, weights };
}

/** Adds weighted unit contributions into a matrix of `size` values. */
export function sumContributions(size: number, contributions: readonly UnitContribution[], weights: ArrayLike<number>): { o: number[][]; n: number[]; total: number } {
  const out = { o: Array.from({ length: size }, () => new Array<number>(size).fill(0)), n: new Array<number>(size).fill(0), total: 0 };
  sumContributionsInto(out, contributions, weights);
  return out;
}

/** `sumContributions` into a matrix the caller keeps (overwritten), for the bootstrap's thousand resamples. */
export function sumContributionsInto(into: { o: number[][]; n: number[]; total: number }, contributions: readonly UnitContribution[], weights: ArrayLike<number>): void {
  const { o, n } = into;
  for (const row of o) row.fill(0);
  for (let u = 0; u < contributions.length; u++) {
    const w = weights[u]!;
    if (w === 0) continue;
    const contribution = contributions[u]!;
    for (let j = 0; j < contribution.length; j++) {
      const [c, k, amount] = contribution[j]!;
      o[c]![k]! += w * amount;
    }
  }
  let total = 0;
  for (let c = 0; c < o.length; c++) {
    let sum = 0;
    for (const x of o[c]!) sum += x;
    n[c] = sum;
    total += sum;
  }
  into.total = total;
}
