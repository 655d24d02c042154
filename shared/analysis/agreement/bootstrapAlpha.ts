// A bootstrap confidence interval for Krippendorff's alpha by resampling units (the plain
// nonparametric bootstrap of Efron & Tibshirani, 1993, applied to units): draw as many units as
// there are pairable units, with replacement, recompute α, repeat, and take the percentile
// interval. Chosen over Krippendorff's own bootstrap (which resamples pairs of values from the
// coincidence matrix) because resampling units keeps each unit's values together, is easy to
// check, and works for every level. Seeded, so the same data and seed give the same interval.
//
// Caveat the table shows: at character level neighbouring characters are far from independent,
// so resampling characters makes the interval too narrow; unit-level intervals are the ones to cite.
import { coincidencesOf, sumContributionsInto } from './coincidences';
import { differenceMatrix, type MeasurementLevel } from './differenceFunctions';
import { alphaOfCoincidences } from './krippendorffAlpha';
import { multinomial, seededRandom } from './seededRandom';
import type { Figure, UnitValues, Value } from './unitValues';

export interface BootstrapOptions {
  /** Resamples to draw (default 1000). */
  replicates?: number;
  /** Seed of the generator (default 1). */
  seed?: number;
  /** Coverage of the interval (default 0.95). */
  confidence?: number;
}

export interface AlphaInterval {
  /** Lower and upper percentile bounds; null when α is not defined in too many resamples. */
  low: Figure;
  high: Figure;
  confidence: number;
  replicates: number;
  /** Resamples in which α was defined (the interval is taken over these). */
  defined: number;
}

export const BOOTSTRAP_DEFAULTS = { replicates: 1000, seed: 1, confidence: 0.95 } as const;

/**
 * The percentile interval of α over resampled units. Not defined (nulls) when there are no
 * pairable units or when α is undefined in more than half of the resamples (e.g. one category
 * only): an interval over the remaining few would mislead.
 */
export function bootstrapAlpha<V extends Value>(units: Iterable<UnitValues<V>>, level: MeasurementLevel = 'nominal', options: BootstrapOptions = {}): AlphaInterval {
  const replicates = options.replicates ?? BOOTSTRAP_DEFAULTS.replicates;
  const confidence = options.confidence ?? BOOTSTRAP_DEFAULTS.confidence;
  const random = seededRandom(options.seed ?? BOOTSTRAP_DEFAULTS.seed);
  const c = coincidencesOf(units);
  const total = c.weights.reduce((s, w) => s + w, 0);
  const empty: AlphaInterval = { low: null, high: null, confidence, replicates, defined: 0 };
  if (total === 0 || replicates <= 0) return empty;
  if (!c.weights.every(Number.isInteger)) throw new Error('The bootstrap resamples whole units: unit weights must be whole numbers.');
  // Ordinal differences depend on the resample's value frequencies; the others can be reused.
  const fixedDelta = level === 'ordinal' ? undefined : differenceMatrix(level, c.values, c.n);
  const alphas: number[] = [];
  // One buffer for the draw and one matrix, reused by every resample: a table of 50 codes draws
  // 51,000 times, and allocating per draw was most of its time.
  const size = c.values.length;
  const draw = new Float64Array(c.weights.length);
  const sample = { values: c.values, o: Array.from({ length: size }, () => new Array<number>(size).fill(0)), n: new Array<number>(size).fill(0), total: 0 };
  for (let r = 0; r < replicates; r++) {
    multinomial(random, total, c.weights, draw);
    sumContributionsInto(sample, c.contributions, draw);
    const a = alphaOfCoincidences(sample, level, fixedDelta);
    if (a !== null) alphas.push(a);
  }
  if (alphas.length * 2 < replicates) return { ...empty, defined: alphas.length };
  alphas.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return { low: quantile(alphas, tail), high: quantile(alphas, 1 - tail), confidence, replicates, defined: alphas.length };
}

/** The q-quantile of sorted numbers, interpolating linearly between order statistics. */
function quantile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}
