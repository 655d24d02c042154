// Coding the result of a query or a search: one change set, quotes from the text, repeats and
// already-coded passages skipped, hits widened to their sentence, paragraph or speaker turn.
import { describe, expect, it } from 'vitest';
import { planAutoCode } from '../../../shared/analysis/autoCode';
import { buildCaseIndex } from '../../../shared/analysis/caseIndex';
import { planCodings } from '../../../shared/analysis/planCodings';
import { compileSearch, searchAll } from '../../../shared/analysis/search';
import { changeCount, invertChangeSet } from '../../../shared/model/changeSet';
import { applyToState, emptySnapshot, stateOf } from '../../../shared/model/snapshot';
import { CASES, INTERVIEW, spanOf, TEXTS, THREAD } from './caseFixture';

let n = 0;
const common = {
  codeId: 'distrust',
  textOf: (id: string) => TEXTS.get(id),
  projectId: 'p',
  coder: 'me',
  createdAt: '2025-06-01T00:00:00.000Z',
  newId: () => `new-${++n}`,
};

function hitsOf(query: string) {
  const compiled = compileSearch({ query, mode: 'plain', wholeWord: true, caseSensitive: false });
  if (!compiled.ok) throw new Error(compiled.message);
  return searchAll([...TEXTS].map(([id, text]) => ({ id, text })), compiled).hits;
}

describe('planCodings', () => {
  it('adds one coding per passage with its quote, as one change set that undoes whole', () => {
    const [start, end] = spanOf(THREAD, 'China 😀');
    const plan = planCodings({ ...common, passages: [{ sourceId: 'thread', start, end }], existing: [] });
    expect(plan.added).toBe(1);
    const coding = plan.changes.codings!.added[0]!;
    expect(coding).toMatchObject({ sourceId: 'thread', codeId: 'distrust', start, end, exact: 'China 😀', prefix: 'Aiko: I distrust ', suffix: THREAD.slice(end, end + 32), coder: 'me' });
    const state = stateOf(emptySnapshot({ id: 'p', name: 'P', createdAt: '', updatedAt: '' }));
    applyToState(state, plan.changes);
    expect(state.codings.size).toBe(1);
    applyToState(state, invertChangeSet(plan.changes));
    expect(state.codings.size).toBe(0);
  });

  it('skips passages already coded with the code, repeats, and refuses what cannot be coded', () => {
    const [start, end] = spanOf(THREAD, 'distrust China');
    const plan = planCodings({
      ...common,
      passages: [
        { sourceId: 'thread', start, end: start + 8 }, // inside an existing coding of the code
        { sourceId: 'thread', start: 0, end: 4 },
        { sourceId: 'thread', start: 0, end: 4 }, // a repeat
        { sourceId: 'thread', start: 1, end: 3 }, // inside a passage planned above
        { sourceId: 'thread', start: spanOf(THREAD, '😀')[0] + 1, end: spanOf(THREAD, '😀')[1] }, // splits the emoji
        { sourceId: 'thread', start: TURNS_BREAK, end: TURNS_BREAK + 1 }, // only a line break
        { sourceId: 'gone', start: 0, end: 1 },
      ],
      existing: [
        { sourceId: 'thread', codeId: 'distrust', start, end },
        { sourceId: 'thread', codeId: 'trust', start: 0, end: 4 }, // another code: no reason to skip
      ],
    });
    expect(plan.preview.map((p) => p.status)).toEqual(['alreadyCoded', 'new', 'alreadyCoded', 'alreadyCoded', 'invalid', 'invalid', 'invalid']);
    expect(plan.preview[4]!.reason).toBe('The selection splits a character.');
    expect(plan.preview[6]!.reason).toBe('The source no longer exists.');
    expect([plan.added, plan.skipped, changeCount(plan.changes)]).toEqual([1, 6, 1]);
  });

  it('finds a repeat inside any earlier passage, whether the passages come in reading order or not', () => {
    const statuses = (spans: Array<[number, number]>) =>
      planCodings({ ...common, passages: spans.map(([start, end]) => ({ sourceId: 'interview', start, end })), existing: [] }).preview.map((p) => p.status);
    // (Passages are trimmed of spaces first: [5, 8] " We" is "We".) In order: inside the
    // furthest-reaching earlier passage, not only the last one.
    expect(statuses([[0, 20], [5, 8], [6, 10], [19, 22], [21, 22]])).toEqual(['new', 'alreadyCoded', 'alreadyCoded', 'new', 'alreadyCoded']);
    // Out of order: a passage before the last one's start, then one inside an earlier passage.
    expect(statuses([[10, 20], [0, 30], [12, 18], [25, 29], [31, 33], [30, 34]])).toEqual(['new', 'new', 'alreadyCoded', 'alreadyCoded', 'new', 'new']);
    // Touching is not inside ("Dana" then ":").
    expect(statuses([[0, 4], [4, 5]])).toEqual(['new', 'new']);
  });

  it('trims whitespace around a passage and gives an empty change set for nothing', () => {
    const [start, end] = spanOf(THREAD, ' Still ');
    const plan = planCodings({ ...common, passages: [{ sourceId: 'thread', start, end }], existing: [] });
    expect(plan.preview[0]!.exact).toBe('Still');
    expect(planCodings({ ...common, passages: [], existing: [] }).changes).toEqual({});
  });
});

const TURNS_BREAK = THREAD.indexOf('\n');

describe('planAutoCode', () => {
  it('codes the hits themselves', () => {
    const plan = planAutoCode({ ...common, hits: hitsOf('trust'), scope: 'hit', existing: [] });
    expect(plan.preview.map((p) => `${p.sourceId}:${p.exact}`)).toEqual(['thread:trust', 'interview:trust']);
  });

  it('codes the sentence around each hit, two hits in one sentence once', () => {
    const plan = planAutoCode({ ...common, hits: hitsOf('trust'), scope: 'sentence', existing: [] });
    expect(plan.preview.map((p) => p.exact)).toEqual(['Ben: مرحبا, I trust them.', 'Dana: We trust nobody.']);
    const twice = planAutoCode({ ...common, hits: [...hitsOf('We'), ...hitsOf('nobody')], scope: 'sentence', existing: [] });
    expect(twice.preview.map((p) => p.exact)).toEqual(['Dana: We trust nobody.']);
  });

  it('codes the sentence in Japanese text', () => {
    const text = '東京に住んでいます。中国は信用できない。';
    const [start, end] = spanOf(text, '信用');
    const plan = planAutoCode({ ...common, textOf: () => text, hits: [{ sourceId: 'ja', start, end }], scope: 'sentence', existing: [] });
    expect(plan.preview.map((p) => p.exact)).toEqual(['中国は信用できない。']);
  });

  it('codes the paragraph (line) around each hit', () => {
    const plan = planAutoCode({ ...common, hits: hitsOf('Not'), scope: 'paragraph', existing: [] });
    expect(plan.preview.map((p) => p.exact)).toEqual(['Dana: Not even neighbours.']);
    expect(plan.changes.codings!.added[0]!.start).toBe(INTERVIEW.indexOf('Dana: Not'));
  });

  it('codes the speaker turn around each hit, and lists hits outside every turn', () => {
    const cases = buildCaseIndex(CASES);
    const plan = planAutoCode({ ...common, hits: [...hitsOf('trust'), ...hitsOf('distrust')], scope: 'turn', cases, existing: [] });
    expect(plan.preview.map((p) => p.exact)).toEqual(['Ben: مرحبا, I trust them.', 'Aiko: I distrust China 😀.', 'Aiko later: distrust again.']);
    // The interview is linked whole to Dana: no turns there.
    expect(plan.unplaced.map((u) => [u.sourceId, u.reason])).toEqual([['interview', 'Not in a speaker turn or split segment.']]);
  });
});
