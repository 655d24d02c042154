// The units prepared for counting (typed arrays, ids and labels made on demand) are the units
// `buildUnits` lists, in the same order, for every unit level and case scope, and a coding's
// overlapping units are found exactly; `isWhitespace` is JavaScript's `\s`, code unit by code unit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildUnits } from '../../../../shared/analysis/agreement/agreementUnits';
import { prepareUnits } from '../../../../shared/analysis/agreement/preparedUnits';
import { isWhitespace } from '../../../../shared/analysis/agreement/textSpan';
import { projectSnapshotArb } from '../../model/projectArb';
import { ProjectBuilder } from './projectBuilder';

const PROPERTY_TIMEOUT = 60_000;
const KINDS = ['paragraph', 'sentence', 'segment', 'case'] as const;

describe('prepared units', () => {
  it('are the listed units, in order, with the units each span overlaps', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(projectSnapshotArb, fc.constantFrom(...KINDS), fc.boolean(), fc.array(fc.tuple(fc.nat(400), fc.nat(60)), { maxLength: 8 }), (p, kind, someCases, probes) => {
        const scope = someCases ? { caseIds: p.cases.filter((_, i) => i % 2 === 0).map((c) => c.id) } : {};
        const listed = buildUnits(kind, p, scope);
        const prepared = prepareUnits(kind, p, scope);
        expect(prepared.count).toBe(listed.length);
        expect(Array.from({ length: prepared.count }, (_, u) => prepared.unitAt(u))).toEqual(listed);
        for (const { sourceId } of p.sourceTexts) {
          for (const [start, length] of probes) {
            const end = start + length + 1;
            const seen = new Set<number>();
            prepared.forEachOverlap(sourceId, start, end, (u) => seen.add(u));
            const naive = listed.flatMap((unit, u) => (unit.spans.some((s) => s.sourceId === sourceId && s.start < end && s.end > start) ? [u] : []));
            expect([...seen].sort((a, b) => a - b)).toEqual(naive);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('label paragraphs by their place in the source, counting those outside the chosen cases', () => {
    const b = new ProjectBuilder();
    const s = b.source('Interview 7', 'One.\n\n  Two.  \nThree.\nFour.');
    const c = b.caseWith('Ana', [{ sourceId: s, at: 'Three.' }]);
    const prepared = prepareUnits('paragraph', b.snapshot, { caseIds: [c] });
    expect(prepared.count).toBe(1);
    expect(prepared.unitAt(0)).toEqual({ id: `${s}:${b.textOf(s).indexOf('Three.')}`, label: 'Interview 7, paragraph 3', spans: [{ sourceId: s, start: 15, end: 21 }] });
  });
});

describe('isWhitespace', () => {
  it('is \\s for every UTF-16 code unit', () => {
    const differs: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isWhitespace(code) !== /\s/.test(String.fromCharCode(code))) differs.push(code);
    expect(differs).toEqual([]);
  });
});
