// The agreement table as the tests read it, and the figures of the team fixture worked out by hand
// from its codings (./teamFixture.ts), never from the app's own functions.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The agreement table as text: header cells, then each row's cells. */
export async function agreementTable(page: Page): Promise<string[][]> {
  const table = page.getByRole('region', { name: 'Agreement' }).getByRole('table', { name: 'Agreement per code' });
  await table.waitFor({ timeout: 30_000 });
  // The intervals arrive with the list of disagreements, after the figures.
  await page.getByRole('region', { name: 'Agreement' }).getByRole('group', { name: 'Disagreements' }).waitFor({ timeout: 30_000 });
  return table.locator('tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
}

/** The hand-computed figures (see the fixture: six paragraphs, Ann and Ben, Trust and Anger). */
export const EXPECTED = {
  // Trust: Ann ¶1 ¶4, Ben ¶1 ¶6 → both 1, only Ann 1, only Ben 1, neither 3.
  //   agreement 4/6; kappa: pe = (2/6)(2/6) + (4/6)(4/6) = 5/9 → (2/3 − 5/9)/(1 − 5/9) = 1/4;
  //   alpha: 12 values, 4 applied, 8 not, 2 disagreeing pairs → 1 − 11·2/(4·8) = 10/32.
  Trust: { counts: ['6', '6', '1', '1', '1', '3'], agreement: 4 / 6, kappa: 1 / 4, alpha: 10 / 32 },
  // Anger: Ann ¶3 ¶6, Ben ¶2 ¶3 ¶6 → both 2, only Ann 0, only Ben 1, neither 3.
  //   agreement 5/6; pe = (2/6)(3/6) + (4/6)(3/6) = 1/2 → kappa (5/6 − 1/2)/(1/2) = 2/3;
  //   alpha: 12 values, 5 applied, 7 not, 1 disagreeing pair → 1 − 11·1/(5·7) = 24/35.
  Anger: { counts: ['6', '6', '2', '0', '1', '3'], agreement: 5 / 6, kappa: 2 / 3, alpha: 24 / 35 },
  // Overall, 12 (paragraph, code) pairs: both 3, only Ann 1, only Ben 2, neither 6.
  //   agreement 9/12; pe = (4/12)(5/12) + (8/12)(7/12) = 76/144 → kappa (108 − 76)/(144 − 76) = 8/17;
  //   alpha: 24 values, 9 applied, 15 not, 3 disagreeing pairs → 1 − 23·3/(9·15) = 66/135.
  Overall: { counts: ['12', '12', '3', '1', '2', '6'], agreement: 9 / 12, kappa: 8 / 17, alpha: 66 / 135 },
};

/** Checks a table row against the hand computation, to the shown precision. */
export function expectRow(row: string[] | undefined, expected: (typeof EXPECTED)['Trust']): void {
  expect(row).toBeDefined();
  const [, ...cells] = row!;
  expect(cells.slice(0, 6)).toEqual(expected.counts);
  expect(Number(cells[6]!.replace('%', ''))).toBeCloseTo(expected.agreement * 100, 1);
  expect(Math.abs(Number(cells[7]) - expected.kappa)).toBeLessThanOrEqual(0.0005 + 1e-9);
  expect(Math.abs(Number(cells[8]) - expected.alpha)).toBeLessThanOrEqual(0.0005 + 1e-9);
  expect(cells[9]).toMatch(/^-?\d\.\d{3} to -?\d\.\d{3}$|^not defined$/);
}
