// Which cases a passage is in: the rule every case-aware analysis shares.
import { describe, expect, it } from 'vitest';
import { buildCaseIndex } from '../../../shared/analysis/caseIndex';
import { CASES, NOTE, spanOf, THREAD, TURNS } from './caseFixture';

const index = buildCaseIndex(CASES);
const names = (positions: number[]): string[] => positions.map((i) => index.cases[i]!.name);

describe('buildCaseIndex', () => {
  it('lists cases by their order, not as given', () => {
    expect(index.cases.map((c) => c.name)).toEqual(['Aiko', 'Ben', 'Dana']);
  });

  it('puts a passage inside a turn in that turn’s case', () => {
    expect(names(index.casesOfSpan('thread', ...spanOf(THREAD, 'distrust')))).toEqual(['Aiko']);
    expect(names(index.casesOfSpan('thread', ...spanOf(THREAD, 'مرحبا')))).toEqual(['Ben']);
  });

  it('puts a passage across two turns in both cases', () => {
    const [start] = spanOf(THREAD, '😀');
    const [, end] = spanOf(THREAD, 'Ben:');
    expect(names(index.casesOfSpan('thread', start, end))).toEqual(['Aiko', 'Ben']);
  });

  it('does not count a passage that only touches a turn', () => {
    // The line break between turn 1 and turn 2 touches both and is in neither.
    expect(index.casesOfSpan('thread', TURNS.aiko1[1], TURNS.ben[0])).toEqual([]);
    // Exactly Ben's turn: Aiko's turns touch it on both sides.
    expect(names(index.casesOfSpan('thread', ...TURNS.ben))).toEqual(['Ben']);
  });

  it('puts any passage of a source linked whole in that case, even an empty one', () => {
    expect(names(index.casesOfSpan('interview', 0, 4))).toEqual(['Dana']);
    expect(names(index.casesOfSpan('interview', 3, 3))).toEqual(['Dana']);
    expect(index.casesOfSpan('thread', 3, 3)).toEqual([]);
  });

  it('handles segments at the very start and end of a source, and a case across sources', () => {
    expect(names(index.casesOfSpan('note', 0, 1))).toEqual(['Aiko']);
    expect(names(index.casesOfSpan('note', NOTE.length - 1, NOTE.length))).toEqual(['Aiko']);
    expect(names(index.casesOfSpan('thread', THREAD.length - 1, THREAD.length))).toEqual(['Aiko']);
    expect([...index.sourcesOfCase(index.positionOf.get('aiko')!)].sort()).toEqual(['note', 'thread']);
  });

  it('finds nested and overlapping segments alike', () => {
    const nested = buildCaseIndex({
      cases: [
        { id: 'outer', name: 'Outer', order: 1 },
        { id: 'inner', name: 'Inner', order: 2 },
        { id: 'late', name: 'Late', order: 3 },
      ],
      attributes: [],
      values: [],
      links: [
        { caseId: 'outer', sourceId: 's', start: 0, end: 100 },
        { caseId: 'inner', sourceId: 's', start: 10, end: 20 },
        { caseId: 'late', sourceId: 's', start: 90, end: 120 },
      ],
    });
    const at = (s: number, e: number): string[] => nested.casesOfSpan('s', s, e).map((i) => nested.cases[i]!.name);
    expect(at(12, 14)).toEqual(['Outer', 'Inner']);
    expect(at(30, 40)).toEqual(['Outer']);
    expect(at(95, 96)).toEqual(['Outer', 'Late']);
    expect(at(100, 110)).toEqual(['Late']);
    expect(at(120, 130)).toEqual([]);
  });

  it('reads values, treating null as missing', () => {
    const dana = index.positionOf.get('dana')!;
    expect(index.valueOf(dana, 'region')).toBe('Kanto');
    expect(index.valueOf(dana, 'age')).toBeUndefined();
  });
});
