// Agreement statistics beyond the worked examples: the edge cases a team meets (one category
// only, perfect agreement, no overlap, a coder who coded nothing, all missing), each with its
// defined result; nominal alpha against the `krippendorff` package as a second oracle; the
// bootstrap's reproducibility.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alpha as oracleAlpha } from 'krippendorff';
import { bootstrapAlpha } from '../../../../shared/analysis/agreement/bootstrapAlpha';
import { cohenKappa, cohenKappaOfValues } from '../../../../shared/analysis/agreement/cohenKappa';
import { fleissKappa } from '../../../../shared/analysis/agreement/fleissKappa';
import { krippendorffAlpha } from '../../../../shared/analysis/agreement/krippendorffAlpha';
import { percentAgreement } from '../../../../shared/analysis/agreement/percentAgreement';
import { binomial, multinomial, seededRandom } from '../../../../shared/analysis/agreement/seededRandom';
import { formatFigure, unitsFromMatrix } from '../../../../shared/analysis/agreement/unitValues';
import fixture from '../../../fixtures/stats/worked-examples.json';

/** Property runs on a busy machine: far above their usual second or two, never the default 5 s. */
const PROPERTY_TIMEOUT = 60_000;

const _ = null;

describe('edge cases have a defined, documented result', () => {
  it('one category only: agreement is complete but kappa and alpha are not defined', () => {
    const rows = [
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ];
    expect(percentAgreement(unitsFromMatrix(rows))).toBe(1);
    expect(cohenKappaOfValues(rows[0]!, rows[1]!).kappa).toBeNull();
    expect(krippendorffAlpha(unitsFromMatrix(rows)).alpha).toBeNull();
    expect(fleissKappa([[4], [4]].map((c) => [c[0]!]))).toMatchObject({ kappa: null });
    expect(formatFigure(krippendorffAlpha(unitsFromMatrix(rows)).alpha)).toBe('not defined');
  });

  it('perfect agreement over two categories gives 1 everywhere', () => {
    const rows = [
      [1, 0, 1, 0, 0],
      [1, 0, 1, 0, 0],
      [1, 0, 1, 0, 0],
    ];
    expect(percentAgreement(unitsFromMatrix(rows))).toBe(1);
    expect(cohenKappaOfValues(rows[0]!, rows[1]!).kappa).toBe(1);
    expect(krippendorffAlpha(unitsFromMatrix(rows)).alpha).toBe(1);
    expect(fleissKappa([[0, 3], [3, 0], [0, 3], [3, 0], [3, 0]]).kappa).toBe(1);
  });

  it('no overlap at all (each unit coded by one coder only): nothing is pairable, nothing defined', () => {
    const rows = [
      [1, 0, _, _],
      [_, _, 1, 0],
    ];
    expect(percentAgreement(unitsFromMatrix(rows))).toBeNull();
    expect(cohenKappaOfValues(rows[0]!, rows[1]!)).toEqual({ units: 0, observed: null, expected: null, kappa: null });
    expect(krippendorffAlpha(unitsFromMatrix(rows))).toMatchObject({ pairableUnits: 0, alpha: null });
    expect(bootstrapAlpha(unitsFromMatrix(rows))).toMatchObject({ low: null, high: null });
  });

  it('a coder who coded nothing drops out; with two coders nothing is left', () => {
    const three = [
      [1, 0, 1, 1, 0],
      [1, 0, 0, 1, 0],
      [_, _, _, _, _],
    ];
    const two = krippendorffAlpha(unitsFromMatrix(three.slice(0, 2)));
    expect(krippendorffAlpha(unitsFromMatrix(three))).toEqual(two);
    expect(two.alpha).not.toBeNull();
    expect(krippendorffAlpha(unitsFromMatrix([three[0]!, three[2]!])).alpha).toBeNull();
    expect(cohenKappaOfValues(three[0]!, three[2]!).kappa).toBeNull();
  });

  it('all missing: not defined, and no empty table is an error', () => {
    expect(krippendorffAlpha(unitsFromMatrix([[_, _], [_, _]])).alpha).toBeNull();
    expect(percentAgreement([])).toBeNull();
    expect(cohenKappa([]).kappa).toBeNull();
    expect(fleissKappa([]).kappa).toBeNull();
  });

  it('refuses data it cannot read, with a readable message', () => {
    expect(() => cohenKappa([[1, 2], [3]])).toThrow(/square table/);
    expect(() => fleissKappa([[1, 1], [1, 2]])).toThrow(/same number of raters/);
    expect(() => krippendorffAlpha(unitsFromMatrix([['a', 'b'], ['a', 'a']]), 'interval')).toThrow(/needs numeric values; "a"/);
  });

  it('systematic disagreement gives a negative kappa and alpha, not a clamped zero', () => {
    const rows = [
      [1, 0, 1, 0],
      [0, 1, 0, 1],
    ];
    expect(cohenKappaOfValues(rows[0]!, rows[1]!).kappa).toBe(-1);
    expect(krippendorffAlpha(unitsFromMatrix(rows)).alpha).toBeLessThan(0);
    expect(percentAgreement(unitsFromMatrix(rows))).toBe(0);
  });
});

describe('percent agreement', () => {
  it('is the share of agreeing pairs per unit, averaged over pairable units', () => {
    // Unit 1: three agree (1); unit 2: one pair of three agrees (1/3); unit 3: only one value (drops out).
    expect(percentAgreement(unitsFromMatrix([[1, 1, 1], [1, 1, _], [1, 0, _]]))).toBeCloseTo((1 + 1 / 3) / 2, 12);
  });

  it('counts a weighted unit as that many identical units', () => {
    const weighted = percentAgreement([{ counts: new Map([[1, 2]]), weight: 3 }, { counts: new Map([[1, 1], [0, 1]]) }]);
    expect(weighted).toBe(0.75);
  });
});

describe('Krippendorff alpha, nominal, against the krippendorff package', () => {
  const matrixArb = fc
    .record({ coders: fc.integer({ min: 2, max: 5 }), units: fc.integer({ min: 1, max: 15 }) })
    .chain(({ coders, units }) =>
      fc.array(fc.array(fc.option(fc.constantFrom('a', 'b', 'c', 1, 2), { nil: undefined, freq: 4 }), { minLength: units, maxLength: units }), { minLength: coders, maxLength: coders }),
    );

  it('gives the same alpha, or "not defined" where the oracle gives NaN', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(matrixArb, (matrix) => {
        const ours = krippendorffAlpha(unitsFromMatrix(matrix)).alpha;
        const theirs = oracleAlpha(matrix);
        if (Number.isNaN(theirs) || !Number.isFinite(theirs)) expect(ours).toBeNull();
        else {
          expect(ours).not.toBeNull();
          expect(ours!).toBeCloseTo(theirs, 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reproduces the 2011 example through the oracle too (checks the oracle)', () => {
    const k = fixture.krippendorff_2011.reliability_data;
    const matrix = Object.values(k).map((row) => row.map((v) => v ?? undefined));
    expect(oracleAlpha(matrix).toFixed(3)).toBe('0.743');
  });
});

describe('bootstrap interval for alpha', () => {
  const k = fixture.krippendorff_2011.reliability_data;
  const units = unitsFromMatrix(Object.values(k));

  it('is reproducible with a seed and brackets alpha', () => {
    const first = bootstrapAlpha(units, 'nominal', { seed: 42, replicates: 500 });
    const again = bootstrapAlpha(units, 'nominal', { seed: 42, replicates: 500 });
    expect(again).toEqual(first);
    expect(first.low!).toBeLessThan(0.743);
    expect(first.high!).toBeGreaterThan(0.743);
    expect(first.high!).toBeLessThanOrEqual(1);
    expect(bootstrapAlpha(units, 'nominal', { seed: 7, replicates: 500 })).not.toEqual(first);
  });

  it('works at every level, recomputing ordinal differences in each resample', () => {
    const expected = fixture.krippendorff_2011.expected_alpha;
    for (const level of ['ordinal', 'interval', 'ratio'] as const) {
      const interval = bootstrapAlpha(units, level, { replicates: 300 });
      expect(interval.low!, level).toBeLessThan(expected[level]);
      expect(interval.high!, level).toBeGreaterThan(expected[level]);
    }
  });

  it('narrows as the same pattern of agreement repeats over more units', () => {
    const few = bootstrapAlpha(unitsFromMatrix([[1, 1, 0, 0, 1], [1, 0, 0, 0, 1]]), 'nominal', { replicates: 400 });
    const many = bootstrapAlpha(
      [
        { counts: new Map([[1, 2]]), weight: 400 },
        { counts: new Map([[1, 1], [0, 1]]), weight: 200 },
        { counts: new Map([[0, 2]]), weight: 400 },
      ],
      'nominal',
      { replicates: 400 },
    );
    expect(many.high! - many.low!).toBeLessThan((few.high ?? 1) - (few.low ?? -1));
    expect(many.high! - many.low!).toBeLessThan(0.15);
  });

  it('does not report an interval when alpha is undefined in most resamples', () => {
    expect(bootstrapAlpha(unitsFromMatrix([[1, 1, 1], [1, 1, 1]]))).toMatchObject({ low: null, high: null });
  });

  it('draws binomial and multinomial counts that add up and have the right mean', () => {
    const random = seededRandom(3);
    let sum = 0;
    for (let i = 0; i < 2000; i++) sum += binomial(random, 40, 0.25);
    expect(sum / 2000).toBeGreaterThan(9.5);
    expect(sum / 2000).toBeLessThan(10.5);
    let big = 0;
    for (let i = 0; i < 2000; i++) big += binomial(random, 100_000, 0.3);
    expect(big / 2000 / 100_000).toBeCloseTo(0.3, 3);
    const draw = multinomial(random, 1000, [1, 2, 0, 7]);
    expect(draw.reduce((s, x) => s + x, 0)).toBe(1000);
    expect(draw[2]).toBe(0);
  });
});
