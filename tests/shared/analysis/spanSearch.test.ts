// The span lookups every analysis leans on, checked against the obvious scan on random spans.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCaseIndex } from '../../../shared/analysis/caseIndex';
import { coverOf, intersectCovers, SortedSpans } from '../../../shared/analysis/spanSearch';

const span = fc.tuple(fc.nat(60), fc.nat(20)).map(([start, length]) => ({ start, end: start + length }));
const spans = fc.array(span, { maxLength: 25 });

describe('span lookups', () => {
  it('overlapping, reaching and startingIn find exactly what a scan finds', () => {
    fc.assert(
      fc.property(spans, span, (list, q) => {
        const sorted = new SortedSpans(list);
        const key = (s: { start: number; end: number }): string => `${s.start}-${s.end}`;
        const scan = (keep: (s: { start: number; end: number }) => boolean): string[] => list.filter(keep).map(key).sort();
        expect(sorted.overlapping(q.start, q.end).map(key).sort()).toEqual(scan((s) => s.end > s.start && q.end > q.start && s.start < q.end && s.end > q.start));
        expect(sorted.reaching(q.start, q.end).map(key).sort()).toEqual(scan((s) => s.start <= q.end && s.end >= q.start));
        expect(sorted.startingIn(q.start, q.end).map(key).sort()).toEqual(scan((s) => s.start >= q.start && s.start <= q.end));
      }),
    );
  });

  it('a cover holds exactly the characters some span holds; an intersection those both hold', () => {
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const chars = (list: Array<{ start: number; end: number }>): Set<number> => {
          const out = new Set<number>();
          for (const s of list) for (let i = s.start; i < s.end; i++) out.add(i);
          return out;
        };
        const ca = coverOf(a);
        expect(chars(ca)).toEqual(chars(a));
        // Disjoint, sorted, not touching.
        for (let i = 1; i < ca.length; i++) expect(ca[i]!.start).toBeGreaterThan(ca[i - 1]!.end);
        const both = chars(intersectCovers(ca, coverOf(b)));
        const inB = chars(b);
        expect(both).toEqual(new Set([...chars(a)].filter((x) => inB.has(x))));
      }),
    );
  });

  it('casesOfSpan agrees with the rule read literally', () => {
    const link = fc.record({ caseId: fc.constantFrom('a', 'b', 'c'), whole: fc.boolean(), span });
    fc.assert(
      fc.property(fc.array(link, { maxLength: 12 }), span, (links, q) => {
        const index = buildCaseIndex({
          cases: ['a', 'b', 'c'].map((id, order) => ({ id, name: id, order })),
          attributes: [],
          values: [],
          links: links.map((l) => (l.whole ? { caseId: l.caseId, sourceId: 's' } : { caseId: l.caseId, sourceId: 's', start: l.span.start, end: l.span.end })),
        });
        const expected = ['a', 'b', 'c'].filter((id) =>
          links.some((l) => l.caseId === id && (l.whole || (q.end > q.start && l.span.end > l.span.start && l.span.start < q.end && l.span.end > q.start))),
        );
        expect(index.casesOfSpan('s', q.start, q.end).map((i) => index.cases[i]!.id)).toEqual(expected);
        expect(index.casesOfSpan('other', q.start, q.end)).toEqual([]);
      }),
    );
  });
});
