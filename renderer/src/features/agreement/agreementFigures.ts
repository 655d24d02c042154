// How the Agreement view writes its figures: percent agreement as a percentage, kappa and alpha
// to three decimals, and "not defined" (never 0 or 1) where a statistic has no value.
import type { Figure } from '../../../../shared/analysis/agreement/unitValues';
import type { AlphaInterval } from '../../../../shared/analysis/agreement/bootstrapAlpha';

export const NOT_DEFINED = 'not defined';

export function percent(f: Figure | undefined): string {
  return f === null || f === undefined ? NOT_DEFINED : `${(f * 100).toFixed(1)}%`;
}

export function coefficient(f: Figure | undefined): string {
  return f === null || f === undefined ? NOT_DEFINED : f.toFixed(3);
}

export function interval(i: AlphaInterval | undefined): string {
  if (!i || i.low === null || i.high === null) return NOT_DEFINED;
  return `${i.low.toFixed(3)} to ${i.high.toFixed(3)}`;
}

/** Counts of characters can be large: thousands separated. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en');
}
