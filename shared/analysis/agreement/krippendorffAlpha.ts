// Krippendorff's alpha for any number of coders, missing data and four levels of measurement.
// Source: Klaus Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011 (University of
// Pennsylvania ScholarlyCommons), section "C": α = 1 − D_o / D_e with
//   D_o = Σ_c Σ_k o_ck δ²_ck / n..,  D_e = Σ_c Σ_k n_c n_k δ²_ck / (n.. (n.. − 1)),
// i.e. α = 1 − (n.. − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
import { coincidencesOf, type Coincidences } from './coincidences';
import { differenceMatrix, type MeasurementLevel } from './differenceFunctions';
import type { Figure, UnitValues, Value } from './unitValues';

export interface KrippendorffAlpha {
  level: MeasurementLevel;
  /** Units with two or more values (weighted). */
  pairableUnits: number;
  /** n..: pairable values. */
  pairableValues: number;
  /**
   * α; null (not defined) when fewer than two values are pairable (no overlap between coders, or
   * everything missing) or when expected disagreement is zero (every pairable value is the same:
   * one category only, where Krippendorff's formula is 0/0).
   */
  alpha: Figure;
}

/** α of reliability data given as units (see `unitsFromMatrix` for Krippendorff's matrix layout). */
export function krippendorffAlpha<V extends Value>(units: Iterable<UnitValues<V>>, level: MeasurementLevel = 'nominal'): KrippendorffAlpha {
  const c = coincidencesOf(units);
  const pairableUnits = c.weights.reduce((s, w) => s + w, 0);
  return { level, pairableUnits, pairableValues: c.total, alpha: alphaOfCoincidences(c, level) };
}

/** α from a coincidence matrix (shared with the bootstrap, which rebuilds only the matrix). */
export function alphaOfCoincidences<V extends Value>(c: Pick<Coincidences<V>, 'values' | 'o' | 'n' | 'total'>, level: MeasurementLevel, delta?: number[][]): Figure {
  if (c.total < 2) return null;
  const d = delta ?? differenceMatrix(level, c.values, c.n);
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < c.values.length; i++) {
    for (let k = 0; k < c.values.length; k++) {
      const dk = d[i]![k]!;
      if (dk === 0) continue;
      observed += c.o[i]![k]! * dk;
      expected += c.n[i]! * c.n[k]! * dk;
    }
  }
  if (expected <= 0) return null;
  return 1 - ((c.total - 1) * observed) / expected;
}
