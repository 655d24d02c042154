// Coding queries: what each kind returns, with overlapping, nested, touching and empty codings,
// paragraphs, case segments and a case across sources.
import { describe, expect, it } from 'vitest';
import { runQuery, type Query, type QueryCoding } from '../../../shared/analysis/queries';
import type { CaseData } from '../../../shared/analysis/caseData';
import { code, spanOf } from './caseFixture';

const T = 'alpha beta gamma delta.\nepsilon zeta eta.\n\ntheta iota kappa.';
const U = 'First line.\nSecond line.';
const W = 'Only A here.';
const texts = new Map([
  ['t', T],
  ['u', U],
  ['w', W],
]);
const codes = [code('A', 'A'), code('A2', 'A child', 'A'), code('B', 'B')];

function c(id: string, sourceId: string, codeId: string, words: string): QueryCoding {
  const [start, end] = spanOf(texts.get(sourceId)!, words);
  return { id, sourceId, codeId, start, end };
}
const codings: QueryCoding[] = [
  c('a1', 't', 'A', 'alpha beta gamma'),
  c('b1', 't', 'B', 'gamma delta'),
  c('a2', 't', 'A', 'epsilon'),
  c('b2', 't', 'B', ' zeta'), // touches a2: starts where it ends
  c('a3', 't', 'A', 'theta iota kappa.'),
  c('b3', 't', 'B', 'iota'), // nested in a3
  c('a4', 't', 'A2', 'eta.'),
  c('a5', 'u', 'A', 'First'),
  c('b4', 'u', 'B', 'Second'),
  c('a6', 'w', 'A', 'Only'),
  { id: 'empty', sourceId: 't', codeId: 'A', start: 13, end: 13 }, // inside b1, but empty
];
const p0 = spanOf(T, 'alpha beta gamma delta.');
const p1 = spanOf(T, 'epsilon zeta eta.');
const cases: CaseData = {
  cases: [
    { id: 'x', name: 'X', order: 1 },
    { id: 'y', name: 'Y', order: 2 },
    { id: 'z', name: 'Z', order: 3 },
  ],
  attributes: [],
  values: [],
  links: [
    { id: 'seg-x', caseId: 'x', sourceId: 't', start: p0[0], end: p0[1] },
    { id: 'seg-y', caseId: 'y', sourceId: 't', start: p1[0], end: p1[1] },
    { caseId: 'x', sourceId: 'w' },
    { caseId: 'z', sourceId: 'u' },
  ],
};
const sourceOrder = new Map([
  ['t', 0],
  ['u', 1],
  ['w', 2],
]);
const data = { codes, codings, cases, texts, sourceOrder };
const A = { codeId: 'A' };
const B = { codeId: 'B' };
const ids = (query: Query): string[] => runQuery(query, data).flatMap((r) => r.codingIds);
const texts_ = (query: Query): string[] => runQuery(query, data).map((r) => texts.get(r.sourceId)!.slice(r.start, r.end));

describe('runQuery', () => {
  it('AND: where both codes apply, touching not counted, nested found', () => {
    expect(texts_({ kind: 'and', a: A, b: B })).toEqual(['gamma', 'iota']);
    expect(runQuery({ kind: 'and', a: A, b: B }, data).map((r) => r.codingIds)).toEqual([
      ['a1', 'b1'],
      ['a3', 'b3'],
    ]);
  });

  it('AND joins touching codings of one code into one stretch', () => {
    const joined = [...codings, c('a8', 't', 'A', 'delta.')];
    // "alpha beta gamma" and " delta." … a8 starts after "gamma " – b1 spans both.
    const result = runQuery({ kind: 'and', a: A, b: B }, { ...data, codings: joined });
    expect(result.map((r) => T.slice(r.start, r.end))).toEqual(['gamma', 'delta', 'iota']);
  });

  it('OR: every coding of either code, once per span, in reading order', () => {
    expect(ids({ kind: 'or', a: A, b: B })).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'a5', 'b4', 'a6']);
    expect(ids({ kind: 'or', a: { codeId: 'A', includeSubcodes: true }, b: B })).toContain('a4');
  });

  it('NOT: codings of A sharing no character with B (a touching one stays)', () => {
    expect(ids({ kind: 'not', a: A, b: B })).toEqual(['a2', 'a5', 'a6']);
    expect(ids({ kind: 'not', a: { codeId: 'A', includeSubcodes: true }, b: B })).toEqual(['a2', 'a4', 'a5', 'a6']);
    expect(ids({ kind: 'not', a: B, b: A })).toEqual(['b2', 'b4']);
  });

  it('same case: across sources, nothing for codings in no case', () => {
    expect(ids({ kind: 'same', a: A, b: B, unit: 'case' })).toEqual(['a1', 'b1', 'a2', 'b2', 'a5', 'b4', 'a6']);
  });

  it('same segment: split segments only, not whole-source links', () => {
    expect(ids({ kind: 'same', a: A, b: B, unit: 'segment' })).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('same paragraph', () => {
    expect(ids({ kind: 'same', a: A, b: B, unit: 'paragraph' })).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
  });

  it('near: within N characters (overlap and touch are 0 apart) or N paragraphs', () => {
    expect(ids({ kind: 'near', a: A, b: B, distance: 0, unit: 'characters' })).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
    // "First" ends 7 characters before "Second" starts.
    expect(ids({ kind: 'near', a: A, b: B, distance: 6, unit: 'characters' })).not.toContain('a5');
    expect(ids({ kind: 'near', a: A, b: B, distance: 7, unit: 'characters' })).toContain('a5');
    expect(ids({ kind: 'near', a: A, b: B, distance: 0, unit: 'paragraphs' })).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
    expect(ids({ kind: 'near', a: A, b: B, distance: 1, unit: 'paragraphs' })).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'a5', 'b4']);
  });

  it('followed by: B starting at or after the end of A, within N characters or paragraphs', () => {
    expect(ids({ kind: 'followedBy', a: A, b: B, distance: 0, unit: 'characters' })).toEqual(['a2', 'b2']);
    expect(ids({ kind: 'followedBy', a: A, b: B, distance: 7, unit: 'characters' })).toEqual(['a2', 'b2', 'a5', 'b4']);
    expect(ids({ kind: 'followedBy', a: A, b: B, distance: 0, unit: 'paragraphs' })).toEqual(['a2', 'b2']);
    // "alpha beta gamma" (paragraph 1) is followed by " zeta" in the next paragraph.
    expect(ids({ kind: 'followedBy', a: A, b: B, distance: 1, unit: 'paragraphs' })).toEqual(['a1', 'a2', 'b2', 'a5', 'b4']);
    // Nothing follows in B's direction.
    expect(ids({ kind: 'followedBy', a: B, b: A, distance: 0, unit: 'characters' })).toEqual([]);
  });

  it('never pairs a coding with itself when both operands are one code', () => {
    // A's codings are all more than 0 characters apart from each other.
    expect(ids({ kind: 'near', a: A, b: A, distance: 0, unit: 'characters' })).toEqual([]);
    expect(ids({ kind: 'near', a: A, b: A, distance: 8, unit: 'characters' })).toEqual(['a1', 'a2']);
  });

  it('returns nothing without codings, and refuses a query it cannot run', () => {
    expect(runQuery({ kind: 'and', a: A, b: B }, { ...data, codings: [] })).toEqual([]);
    expect(() => runQuery({ kind: 'and', a: A, b: { codeId: 'gone' } }, data)).toThrow('A code of this query no longer exists.');
    expect(() => runQuery({ kind: 'near', a: A, b: B, distance: -1, unit: 'characters' }, data)).toThrow('The distance must be a whole number, 0 or more.');
    expect(() => runQuery({ kind: 'same', a: A, b: B, unit: 'case' }, { codes, codings })).toThrow('This query needs the project’s cases.');
  });

  it('is plain data: a query read back from JSON runs the same', () => {
    const query: Query = { kind: 'near', a: { codeId: 'A', includeSubcodes: true }, b: B, distance: 1, unit: 'paragraphs' };
    expect(runQuery(JSON.parse(JSON.stringify(query)) as Query, data)).toEqual(runQuery(query, data));
  });
});

describe('saved queries', () => {
  it('read back from JSON, and anything else is refused with a message', async () => {
    const { parseQuery, parseSavedQuery } = await import('../../../shared/analysis/querySchema');
    const saved = { id: 'q1', name: 'Distrust near trust', query: { kind: 'near', a: { codeId: 'A', includeSubcodes: true }, b: { codeId: 'B' }, distance: 2, unit: 'paragraphs' } };
    expect(parseSavedQuery(JSON.parse(JSON.stringify(saved)))).toEqual({ ok: true, value: saved });
    const bad = parseQuery({ kind: 'near', a: { codeId: 'A' }, b: { codeId: 'B' }, distance: 1.5, unit: 'characters' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^This is not a valid query \(at distance\)/);
    expect(parseQuery({ kind: 'xor', a: { codeId: 'A' }, b: { codeId: 'B' } }).ok).toBe(false);
  });
});

describe('describeQuery', () => {
  it('says each kind in words', async () => {
    const { describeQuery } = await import('../../../shared/analysis/queryDescription');
    const name = (id: string): string => ({ A: 'Distrust', B: 'Trust' })[id]!;
    expect(describeQuery({ kind: 'and', a: A, b: B }, name)).toBe('Distrust and Trust overlapping');
    expect(describeQuery({ kind: 'not', a: { codeId: 'A', includeSubcodes: true }, b: B }, name)).toBe('Distrust (with subcodes) but not Trust');
    expect(describeQuery({ kind: 'same', a: A, b: B, unit: 'case' }, name)).toBe('Distrust and Trust in the same case');
    expect(describeQuery({ kind: 'near', a: A, b: B, distance: 1, unit: 'paragraphs' }, name)).toBe('Distrust within 1 paragraph of Trust');
    expect(describeQuery({ kind: 'followedBy', a: A, b: B, distance: 50, unit: 'characters' }, name)).toBe('Distrust followed by Trust within 50 characters');
  });
});

describe('queries on hard text', () => {
  it('keeps emoji whole and finds passages at the very start and end of a source', async () => {
    const { CODES, coded, NOTE, TEXTS, CASES, SOURCES } = await import('./caseFixture');
    const { sourceRanks } = await import('../../../shared/analysis/retrieval');
    const codingsHere = [
      coded('thread', 'distrust', 'China 😀'),
      coded('thread', 'trust', '😀.\nBen: مرحبا'),
      coded('note', 'distrust', NOTE),
      coded('note', 'trust', 'Aiko'),
      coded('note', 'trust', 'again.'),
    ];
    const run = (query: Query) => runQuery(query, { codes: CODES, codings: codingsHere, cases: CASES, texts: TEXTS, sourceOrder: sourceRanks(SOURCES) });
    const and = run({ kind: 'and', a: { codeId: 'distrust' }, b: { codeId: 'trust' } }).map((r) => TEXTS.get(r.sourceId)!.slice(r.start, r.end));
    expect(and).toEqual(['😀', 'Aiko', 'again.']);
    // Aiko speaks in the thread and the note: one case holds both codes across sources.
    expect(run({ kind: 'same', a: { codeId: 'distrust' }, b: { codeId: 'trust' }, unit: 'case' }).map((r) => r.codingIds).flat()).toHaveLength(5);
  });
});
