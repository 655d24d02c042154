import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitByCustomPattern } from '../../../../shared/import/split/customPattern';
import { expectWellFormed } from './invariants';

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('splitByCustomPattern', () => {
  const text = 'Focus group, 3 May\n== Anna ==\nI liked it.\n== Ben ==\nNot me.\n== Anna ==\nStill do.';

  it('splits at each match, labels with the first group and previews the matches', () => {
    const result = splitByCustomPattern(text, '^== (.+) ==$');
    if (!result.ok) throw new Error(result.reason);
    expect(result.matches.map((m) => [m.text, m.label])).toEqual([
      ['== Anna ==', 'Anna'],
      ['== Ben ==', 'Ben'],
      ['== Anna ==', 'Anna'],
    ]);
    expect(result.suggestion.segments.map((g) => [g.order, g.label, slice(text, g)])).toEqual([
      [1, 'Anna', 'I liked it.'],
      [2, 'Ben', 'Not me.'],
      [3, 'Anna', 'Still do.'],
    ]);
    expect(slice(text, result.suggestion.preface!)).toBe('Focus group, 3 May');
    expectWellFormed(text, result.suggestion);
  });

  it('uses named label and timestamp groups when present', () => {
    const t = '<00:01> Kim - hello\n<00:02> Lee - hi';
    const result = splitByCustomPattern(t, '^<(?<timestamp>[\\d:]+)> (?<label>\\w+) - ');
    if (!result.ok) throw new Error(result.reason);
    expect(result.suggestion.segments.map((g) => [g.label, g.timestamp, slice(t, g)])).toEqual([
      ['Kim', '00:01', 'hello'],
      ['Lee', '00:02', 'hi'],
    ]);
  });

  it('accepts zero-length matches as boundaries without looping forever', () => {
    const result = splitByCustomPattern('A: one\nB: two', '^(?=\\w+:)');
    if (!result.ok) throw new Error(result.reason);
    expect(result.matches).toHaveLength(2);
    expect(splitByCustomPattern('x😀y', '', { flags: 'u' })).toMatchObject({ ok: false });
    const everywhere = splitByCustomPattern('a😀b', '(?:)', { flags: 'u' });
    expect(everywhere.ok && everywhere.matches.map((m) => m.start)).toEqual([0, 1, 3, 4]);
  });

  it('caps the number of matches and says so', () => {
    const result = splitByCustomPattern('x'.repeat(50), 'x', { maxMatches: 10 });
    expect(result).toMatchObject({ ok: true, truncated: true, suggestion: { warnings: [expect.stringContaining('first 10 matches')] } });
    expect(result.ok && result.matches).toHaveLength(10);
  });

  it('explains an invalid pattern, a bad flag, and no matches', () => {
    expect(splitByCustomPattern(text, '(unclosed')).toMatchObject({ ok: false, reason: expect.stringMatching(/^This is not a valid regular expression: /) });
    expect(splitByCustomPattern(text, 'x', { flags: 'y' })).toMatchObject({ ok: false, reason: expect.stringContaining('Only the flags') });
    expect(splitByCustomPattern(text, 'zzz')).toMatchObject({ ok: true, matches: [], suggestion: { warnings: ['The pattern matches nothing in this text.'] } });
  });

  it('never splits a surrogate pair and keeps segments ordered (property)', () => {
    const patterns = fc.constantFrom('^\\w+:', '😀', '(?=b)', '\\n', 'a|b', '^', '$');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), patterns, (t, pattern) => {
        const result = splitByCustomPattern(t, pattern);
        if (!result.ok) throw new Error(result.reason);
        expectWellFormed(t, result.suggestion);
      }),
    );
  });
});
