// Every figure of one row of the agreement table, from the pattern counts of one code (or of all
// codes pooled, for the overall row): the counts behind the figures, percent agreement, Cohen's
// kappa (two coders), Krippendorff's alpha (nominal) with its bootstrap interval, and Fleiss'
// kappa (more than two coders).
import { bootstrapAlpha, type AlphaInterval, type BootstrapOptions } from './bootstrapAlpha';
import { cohenKappa } from './cohenKappa';
import { CODED, MISSING, digitOf } from './codedPatterns';
import { fleissKappa } from './fleissKappa';
import { krippendorffAlpha } from './krippendorffAlpha';
import { percentAgreement } from './percentAgreement';
import type { Figure, UnitValues } from './unitValues';

export interface AgreementCounts {
  /** Units in scope (characters at character level). */
  units: number;
  /** Units with values from at least two coders: what percent agreement and alpha use. */
  pairable: number;
  /** Units with a value from every chosen coder: what kappa (Cohen, Fleiss) and the counts below use. */
  complete: number;
  /** Complete units every coder coded with the code ("both" for two coders). */
  all: number;
  /** Complete units no coder coded with it ("neither"). */
  none: number;
  /** Complete units some but not all coders coded with it (where they disagree). */
  some: number;
  /** Complete units each coder coded with it, in coder order ("only A" = perCoder[0] − all for two coders). */
  perCoder: number[];
}

export interface AgreementFigures {
  counts: AgreementCounts;
  percentAgreement: Figure;
  /** Present (possibly null) with exactly two coders. */
  cohenKappa?: Figure;
  alpha: Figure;
  /** Present unless the bootstrap was switched off. */
  alphaInterval?: AlphaInterval;
  /** Present (possibly null) with more than two coders. */
  fleissKappa?: Figure;
}

export function figuresOfPatterns(patterns: ReadonlyMap<number, number>, coderCount: number, bootstrap: BootstrapOptions | false = {}): AgreementFigures {
  const m = coderCount;
  const counts: AgreementCounts = { units: 0, pairable: 0, complete: 0, all: 0, none: 0, some: 0, perCoder: new Array<number>(m).fill(0) };
  const units: Array<UnitValues<number>> = [];
  const table = [
    [0, 0],
    [0, 0],
  ];
  const subjects: Array<{ counts: number[]; weight: number }> = [];
  for (const [pattern, weight] of patterns) {
    if (weight <= 0) continue;
    counts.units += weight;
    let present = 0;
    let coded = 0;
    for (let i = 0; i < m; i++) {
      const d = digitOf(pattern, i);
      if (d === MISSING) continue;
      present++;
      if (d === CODED) coded++;
    }
    if (present >= 2) {
      counts.pairable += weight;
      units.push({ counts: new Map([[1, coded], [0, present - coded]]), weight });
    }
    if (present < m) continue;
    counts.complete += weight;
    if (coded === m) counts.all += weight;
    else if (coded === 0) counts.none += weight;
    else counts.some += weight;
    for (let i = 0; i < m; i++) if (digitOf(pattern, i) === CODED) counts.perCoder[i]! += weight;
    if (m === 2) table[digitOf(pattern, 0) === CODED ? 0 : 1]![digitOf(pattern, 1) === CODED ? 0 : 1]! += weight;
    else subjects.push({ counts: [coded, m - coded], weight });
  }
  const figures: AgreementFigures = {
    counts,
    percentAgreement: percentAgreement(units),
    alpha: krippendorffAlpha(units, 'nominal').alpha,
  };
  if (m === 2) figures.cohenKappa = cohenKappa(table).kappa;
  if (m > 2) figures.fleissKappa = fleissKappa(subjects).kappa;
  if (bootstrap !== false) figures.alphaInterval = bootstrapAlpha(units, 'nominal', bootstrap);
  return figures;
}
