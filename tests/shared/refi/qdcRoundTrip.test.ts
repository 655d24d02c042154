import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planToRecords } from '../../../shared/codebook/importPlan';
import { composeDescription, splitDescription } from '../../../shared/refi/qdcDescription';
import { planRefiCodebookImport } from '../../../shared/refi/qdcCandidates';
import { readQdc } from '../../../shared/refi/qdcRead';
import { buildQdc } from '../../../shared/refi/qdcWrite';
import { codebookArb, codeSetsArb, textArb } from '../codebook/arbitraries';
import { CODEBOOK_XSD, canValidate, validateAgainst } from './xmllint';

const codebookWithSets = codebookArb.chain((codes) => fc.tuple(fc.constant(codes), codeSetsArb(codes)));

describe('QDC round trip', () => {
  it('export → import into an empty project → export gives the same file', () => {
    fc.assert(
      fc.property(codebookWithSets, ([codes, codeSets]) => {
        const first = buildQdc({ codes, codeSets });
        const plan = planRefiCodebookImport(readQdc(first), []);
        expect(plan.summary).toEqual({ create: codes.length, match: 0, skip: 0 });
        const records = planToRecords(plan, 'p2', 'now', () => {
          throw new Error('every GUID should have been kept');
        });
        expect(buildQdc({ codes: records.codes, codeSets: records.codeSets })).toBe(first);
      }),
      { numRuns: 200 },
    );
  });

  it.runIf(canValidate)('every generated export validates against the schema', () => {
    const documents = fc
      .sample(codebookWithSets, { numRuns: 40, seed: 42 })
      .map(([codes, codeSets]) => buildQdc({ codes, codeSets }));
    const result = validateAgainst(CODEBOOK_XSD, documents);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});

describe('criteria inside <Description>', () => {
  it('composing what was split gives the text back, whatever it contains', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(composeDescription(splitDescription(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('splitting what was composed gives the parts back when they do not contain the labels', () => {
    const plain = textArb.filter((t) => !t.includes('criteria:'));
    fc.assert(
      fc.property(plain, plain, plain, (description, inclusion, exclusion) => {
        expect(splitDescription(composeDescription({ description, inclusion, exclusion }))).toEqual({
          description,
          inclusion,
          exclusion,
        });
      }),
      { numRuns: 500 },
    );
  });
});
