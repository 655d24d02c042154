// Reliability data as the agreement statistics read it: for each unit, how many coders gave it
// each value, and how many identical units it stands for. Counting values per unit (rather than
// keeping a coder × unit matrix) is what makes the statistics linear in units × coders and lets a
// run of identical characters count as one weighted unit.

/** A value a coder can assign: a category (nominal) or a number (ordinal, interval, ratio). */
export type Value = string | number;

/**
 * One unit (or `weight` identical units): how many coders assigned each value. Coders who gave
 * no value (missing data) simply do not appear. `weight` defaults to 1 and must be a whole number
 * for the bootstrap.
 */
export interface UnitValues<V extends Value = Value> {
  counts: ReadonlyMap<V, number>;
  weight?: number;
}

/**
 * A statistic's value, or `null` when it is not defined for the data (no pairable units, or
 * every value the same so that expected disagreement is zero). Never NaN: a caller shows null as
 * "not defined" instead of a wrong number.
 */
export type Figure = number | null;

/**
 * Units from a reliability matrix as Krippendorff (2011) lays it out: one row per coder, one
 * column per unit, `null`/`undefined` where a coder gave the unit no value.
 */
export function unitsFromMatrix<V extends Value>(rows: ReadonlyArray<ReadonlyArray<V | null | undefined>>): Array<UnitValues<V>> {
  const unitCount = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const units: Array<UnitValues<V>> = [];
  for (let u = 0; u < unitCount; u++) {
    const counts = new Map<V, number>();
    for (const row of rows) {
      const v = row[u];
      if (v === null || v === undefined) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    units.push({ counts });
  }
  return units;
}

/** How many values a unit holds (m_u in Krippendorff's notation). */
export function valuesInUnit(unit: UnitValues): number {
  let m = 0;
  for (const n of unit.counts.values()) m += n;
  return m;
}

/** "not defined" for a figure that is not defined, else the figure to `digits` decimals. */
export function formatFigure(figure: Figure, digits = 3): string {
  return figure === null ? 'not defined' : figure.toFixed(digits);
}
