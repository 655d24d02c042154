// Percent agreement: the share of pairs of values within a unit that are equal, averaged over
// units. For two coders this is the familiar "proportion of units both coders coded alike"
// (Cohen 1960 calls it p_o); for more coders it is the mean pairwise agreement per unit, the P_i of
// Fleiss (1971) averaged over units, here allowing units with fewer coders (missing data).
import type { Figure, UnitValues, Value } from './unitValues';
import { valuesInUnit } from './unitValues';

/**
 * Mean over pairable units (two or more values) of the proportion of agreeing value pairs in the
 * unit, each unit counted by its weight. Units with fewer than two values drop out. Not defined
 * (null) when no unit is pairable.
 */
export function percentAgreement<V extends Value>(units: Iterable<UnitValues<V>>): Figure {
  let total = 0;
  let agreeing = 0;
  for (const unit of units) {
    const m = valuesInUnit(unit);
    if (m < 2) continue;
    const w = unit.weight ?? 1;
    let pairs = 0;
    for (const n of unit.counts.values()) pairs += n * (n - 1);
    agreeing += (w * pairs) / (m * (m - 1));
    total += w;
  }
  return total === 0 ? null : agreeing / total;
}
