// Fleiss' kappa for a fixed number of raters per subject. Source: Joseph L. Fleiss, "Measuring
// nominal scale agreement among many raters", Psychological Bulletin 76(5), 1971:
//   P_i = (Σ_j n_ij² − n) / (n(n − 1)), P̄ = mean P_i, p_j = Σ_i n_ij / (N n), P̄_e = Σ_j p_j²,
//   κ = (P̄ − P̄_e) / (1 − P̄_e).
import type { Figure } from './unitValues';

export interface FleissSubject {
  /** How many raters put the subject in each category (same category order for every subject). */
  counts: readonly number[];
  /** How many identical subjects this row stands for (default 1). */
  weight?: number;
}

export interface FleissKappa {
  subjects: number;
  raters: number;
  /** P̄: mean agreement over subjects; null without subjects. */
  observed: Figure;
  /** P̄_e; null without subjects. */
  expected: Figure;
  /** κ; null (not defined) without subjects, with fewer than two raters, or when P̄_e = 1 (one category only). */
  kappa: Figure;
}

/**
 * κ over subjects that all have the same number of raters (Fleiss's design). A subject with a
 * different number of ratings is an error, not silently dropped: the caller decides which
 * subjects are complete.
 */
export function fleissKappa(subjects: Iterable<FleissSubject | readonly number[]>): FleissKappa {
  let raters = -1;
  let n = 0; // subjects, weighted
  let sumP = 0;
  let totals: number[] = [];
  for (const entry of subjects) {
    const { counts, weight = 1 } = Array.isArray(entry) ? { counts: entry as readonly number[] } : (entry as FleissSubject);
    let m = 0;
    let squares = 0;
    for (const c of counts) {
      m += c;
      squares += c * c;
    }
    if (raters === -1) raters = m;
    else if (m !== raters) throw new Error(`Fleiss' kappa needs the same number of raters for every subject (${m} ≠ ${raters}).`);
    if (totals.length < counts.length) totals = [...totals, ...new Array<number>(counts.length - totals.length).fill(0)];
    counts.forEach((c, j) => (totals[j]! += weight * c));
    if (m >= 2) sumP += (weight * (squares - m)) / (m * (m - 1));
    n += weight;
  }
  if (n === 0) return { subjects: 0, raters: 0, observed: null, expected: null, kappa: null };
  if (raters < 2) return { subjects: n, raters, observed: null, expected: null, kappa: null };
  const observed = sumP / n;
  let expected = 0;
  for (const t of totals) expected += (t / (n * raters)) ** 2;
  const kappa = expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
  return { subjects: n, raters, observed, expected, kappa };
}
