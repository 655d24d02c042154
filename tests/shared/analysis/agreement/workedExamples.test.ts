// The published worked examples, reproduced to 3 decimals: Krippendorff (2011) at all four
// levels, the standard 2×2 Cohen example, and Fleiss (1971). The numbers are a copy of
// ../shared/stats/worked-examples.json kept in tests/fixtures/stats so the tests stand alone; a
// second test reads the shared file itself when it is there, and must find it under CI=true.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../../../shared/analysis/agreement/cohenKappa';
import { fleissKappa } from '../../../../shared/analysis/agreement/fleissKappa';
import { krippendorffAlpha } from '../../../../shared/analysis/agreement/krippendorffAlpha';
import { MEASUREMENT_LEVELS } from '../../../../shared/analysis/agreement/differenceFunctions';
import { unitsFromMatrix } from '../../../../shared/analysis/agreement/unitValues';
import fixture from '../../../fixtures/stats/worked-examples.json';

type WorkedExamples = typeof fixture;

const REPO = resolve(__dirname, '../../../..');
/** `../shared` beside the repository; a git worktree under `wt/` sits one level deeper. */
const SHARED_FILE = [resolve(REPO, '../shared/stats/worked-examples.json'), resolve(REPO, '../../shared/stats/worked-examples.json')].find(existsSync) ?? resolve(REPO, '../shared/stats/worked-examples.json');

function checkAll(examples: WorkedExamples): void {
  const k = examples.krippendorff_2011;
  const units = unitsFromMatrix(Object.values(k.reliability_data));
  for (const level of MEASUREMENT_LEVELS) {
    const result = krippendorffAlpha(units, level);
    expect(result.alpha, level).not.toBeNull();
    expect(result.alpha!.toFixed(3), level).toBe(k.expected_alpha[level].toFixed(3));
    // Unit 12 has one value only: 11 pairable units, 40 pairable values (Krippendorff's n..).
    expect(result.pairableUnits).toBe(11);
    expect(result.pairableValues).toBe(40);
  }
  const t = examples.cohen_kappa_two_by_two.table;
  const cohen = cohenKappa([
    [t.yes_yes, t.yes_no],
    [t.no_yes, t.no_no],
  ]);
  const expected = examples.cohen_kappa_two_by_two.expected;
  expect(cohen.observed!.toFixed(3)).toBe(expected.percent_agreement.toFixed(3));
  expect(cohen.expected!.toFixed(3)).toBe(expected.expected_agreement.toFixed(3));
  expect(cohen.kappa!.toFixed(3)).toBe(expected.kappa.toFixed(3));
  const fleiss = fleissKappa(examples.fleiss_1971.counts_per_subject);
  expect(fleiss.raters).toBe(14);
  expect(fleiss.subjects).toBe(10);
  expect(fleiss.kappa!.toFixed(3)).toBe(examples.fleiss_1971.expected.kappa.toFixed(3));
}

describe('published worked examples', () => {
  it('reproduces every figure of the fixture copy to 3 decimals', () => {
    checkAll(fixture);
  });

  it('reproduces every figure of ../shared/stats/worked-examples.json when it is present', (context) => {
    if (!existsSync(SHARED_FILE)) {
      if (process.env.CI === 'true') throw new Error(`Under CI the shared worked examples must be present at ${SHARED_FILE}.`);
      context.skip('../shared/stats/worked-examples.json is absent: the fixture copy above still runs.');
      return;
    }
    const shared = JSON.parse(readFileSync(SHARED_FILE, 'utf8')) as WorkedExamples;
    checkAll(shared);
  });
});
