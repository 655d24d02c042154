// Cohen's kappa for two coders: agreement corrected for the agreement expected by chance from
// each coder's own distribution of categories. Source: Jacob Cohen, "A coefficient of agreement
// for nominal scales", Educational and Psychological Measurement 20(1), 1960:
//   κ = (p_o − p_e) / (1 − p_e), p_o = Σ_i p_ii, p_e = Σ_i p_i. · p_.i
import type { Figure, Value } from './unitValues';

export interface CohenKappa {
  /** Units in the table (both coders gave a value). */
  units: number;
  /** Observed agreement p_o; null without units. */
  observed: Figure;
  /** Chance agreement p_e; null without units. */
  expected: Figure;
  /**
   * κ; null (not defined) without units, or when p_e = 1: both coders used one and the same
   * category for every unit, so there is no variation for chance to explain.
   */
  kappa: Figure;
}

/**
 * κ from a square contingency table: `table[i][j]` counts units coder A put in category i and
 * coder B in category j (same category order on both axes).
 */
export function cohenKappa(table: ReadonlyArray<ReadonlyArray<number>>): CohenKappa {
  const k = table.length;
  for (const row of table) {
    if (row.length !== k) throw new Error(`Cohen's kappa needs a square table; got a row of ${row.length} in a table of ${k}.`);
  }
  let n = 0;
  let diagonal = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = table[i]![j]!;
      n += c;
      rows[i]! += c;
      cols[j]! += c;
      if (i === j) diagonal += c;
    }
  }
  if (n === 0) return { units: 0, observed: null, expected: null, kappa: null };
  const observed = diagonal / n;
  let expected = 0;
  for (let i = 0; i < k; i++) expected += (rows[i]! / n) * (cols[i]! / n);
  // Rounding can leave p_e a hair below 1 when it is 1 in exact arithmetic.
  const kappa = expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
  return { units: n, observed, expected, kappa };
}

/**
 * κ from two coders' values unit by unit; units where either value is missing drop out.
 */
export function cohenKappaOfValues<V extends Value>(a: ReadonlyArray<V | null | undefined>, b: ReadonlyArray<V | null | undefined>): CohenKappa {
  if (a.length !== b.length) throw new Error(`Both coders need a value slot for every unit (${a.length} ≠ ${b.length}).`);
  const index = new Map<V, number>();
  const pairs: Array<[number, number]> = [];
  const at = (v: V): number => {
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = index.size));
    return i;
  };
  for (let u = 0; u < a.length; u++) {
    const x = a[u];
    const y = b[u];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    pairs.push([at(x), at(y)]);
  }
  const table = Array.from({ length: index.size }, () => new Array<number>(index.size).fill(0));
  for (const [i, j] of pairs) table[i]![j]! += 1;
  return cohenKappa(table);
}
