// The squared difference δ²(c, k) between two values for each level of measurement, as defined in
// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section "C. Difference
// functions". Ordinal differences depend on how often each value occurs (n_g), so every function
// is built from the sorted values and their frequencies.
import type { Value } from './unitValues';

export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export const MEASUREMENT_LEVELS: readonly MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/**
 * δ² as a matrix over `values` (indexes as in the coincidence matrix), given `n` (n_c per value).
 * Ordinal, interval and ratio need numeric values; a string among them is an error with a
 * readable message.
 */
export function differenceMatrix(level: MeasurementLevel, values: readonly Value[], n: readonly number[]): number[][] {
  const size = values.length;
  const d = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  if (level === 'nominal') {
    for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) d[c]![k] = c === k ? 0 : 1;
    return d;
  }
  const numbers = values.map((v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`The ${level} level needs numeric values; "${String(v)}" is not a number.`);
    return v;
  });
  if (level === 'interval') {
    for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) d[c]![k] = (numbers[c]! - numbers[k]!) ** 2;
    return d;
  }
  if (level === 'ratio') {
    for (let c = 0; c < size; c++) {
      for (let k = 0; k < size; k++) {
        const sum = numbers[c]! + numbers[k]!;
        d[c]![k] = sum === 0 ? 0 : ((numbers[c]! - numbers[k]!) / sum) ** 2;
      }
    }
    return d;
  }
  // Ordinal: δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², values ranked by their numeric order.
  const order = numbers.map((_, i) => i).sort((a, b) => numbers[a]! - numbers[b]!);
  const rank = new Array<number>(size);
  order.forEach((i, r) => (rank[i] = r));
  const cumulative = [0]; // cumulative[r + 1] = Σ n over ranks 0..r
  for (const i of order) cumulative.push(cumulative[cumulative.length - 1]! + n[i]!);
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const lo = Math.min(rank[c]!, rank[k]!);
      const hi = Math.max(rank[c]!, rank[k]!);
      const between = cumulative[hi + 1]! - cumulative[lo]!;
      d[c]![k] = c === k ? 0 : (between - (n[c]! + n[k]!) / 2) ** 2;
    }
  }
  return d;
}
