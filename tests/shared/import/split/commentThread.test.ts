import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { looksLikeCommenterName, splitCommentThread } from '../../../../shared/import/split/commentThread';
import { suggestionToCases } from '../../../../shared/import/split/suggestionToCases';
import { parseTextFile } from '../../../../shared/import/formats/text';
import { readFixture } from '../corpus';
import { expectWellFormed } from './invariants';

function fixtureText(): string {
  const parsed = parseTextFile(readFixture('synthetic-article-with-comments.txt'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.text;
}

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('splitCommentThread on the synthetic fixture', () => {
  const text = fixtureText();
  const s = splitCommentThread(text);

  it('makes the article, up to its copyright line, the preface', () => {
    const preface = slice(text, s.preface!);
    expect(preface.startsWith('Riverside Allotments Face a Threefold Rent Rise\n')).toBe(true);
    expect(preface.endsWith('© 2026 The Riverside Courier (invented for Marginalia’s tests). Free to reuse.')).toBe(true);
  });

  it('finds the 9 comments the header announces, in order, with their commenters', () => {
    expect(s.warnings).toBeUndefined();
    expect(s.segments.map((g) => g.label)).toEqual([
      'plotholder_42',
      'Marta K.',
      'beanrow',
      'Grandad Tom 🌱',
      'plotholder_42',
      'Ruth',
      'J. Abara',
      'Marta K.',
      'quietneighbour',
    ]);
    expectWellFormed(text, s);
  });

  it('keeps every line of a comment, bullets, links and short punctuated lines included', () => {
    expect(slice(text, s.segments[1]!)).toBe(
      'The company is a monopoly. Who else would lease us land by the river?\nAsk the council for a list of spare land:\n* the old rail yard\n* the school field behind the fence\nIt is not ideal but it is worth a try',
    );
    expect(slice(text, s.segments[2]!)).toContain('https://example.org/riverside-water/annual-report-2025.pdf');
    expect(slice(text, s.segments[7]!)).toBe('No, thanks.\nWe tried that in 2014 and the bank said no.');
    expect(slice(text, s.segments[3]!.marker!)).toBe('Grandad Tom 🌱');
  });

  it('leaves the thread header lines to neither the article nor a comment', () => {
    const covered = (offset: number) => [s.preface!, ...s.segments, ...s.segments.map((g) => g.marker!)].some((r) => r.start <= offset && offset < r.end);
    expect(covered(text.indexOf('9 Comments'))).toBe(false);
    expect(covered(text.indexOf('Login to comment'))).toBe(false);
  });

  it('groups a commenter who writes twice into one case with two segments', () => {
    const cases = suggestionToCases(s);
    expect(cases.map((c) => [c.name, c.segments.length])).toEqual([
      ['plotholder_42', 2],
      ['Marta K.', 2],
      ['beanrow', 1],
      ['Grandad Tom 🌱', 1],
      ['Ruth', 1],
      ['J. Abara', 1],
      ['quietneighbour', 1],
    ]);
  });
});

describe('splitCommentThread', () => {
  it('warns when the count in the header does not match', () => {
    const text = 'Article.\n3 Comments\nann\nfirst\nbob\nsecond';
    expect(splitCommentThread(text).warnings).toEqual(['The page says 3 comments; 2 were found. Check the boundaries in the preview.']);
  });

  it('reads the whole text as a thread when there is no header, and says so', () => {
    const s = splitCommentThread('ann\nHello there.\nbob\nHi.');
    expect(s.preface).toBeUndefined();
    expect(s.segments.map((g) => g.label)).toEqual(['ann', 'bob']);
    expect(s.warnings?.[0]).toMatch(/No line such as “37 Comments”/);
  });

  it('starts the thread where the user says', () => {
    const text = 'Title\nBody of the article.\nann\nHello there.';
    const s = splitCommentThread(text, { threadStart: text.indexOf('ann') });
    expect(slice(text, s.preface!)).toBe('Title\nBody of the article.');
    expect(s.segments.map((g) => [g.label, slice(text, g)])).toEqual([['ann', 'Hello there.']]);
  });

  it('never takes the line right after a name for another name', () => {
    const text = '2 comments\ngrc\nSeems sensible\nbob\nOk.';
    expect(splitCommentThread(text).segments.map((g) => [g.label, slice(text, g)])).toEqual([
      ['grc', 'Seems sensible'],
      ['bob', 'Ok.'],
    ]);
  });

  it('tells names from comment lines by their shape', () => {
    for (const name of ['deanzaZZR', 'Sh1mon M4sada', 'Tokyo Guy', '151E', 'Kevin D.', 'old_salt_1954', 'Grandad Tom 🌱']) {
      expect(looksLikeCommenterName(name), name).toBe(true);
    }
    for (const line of ['No, thanks.', 'I don’t think so!', '*we hold US treasuries', 'https://example.org', 'Why the tightrope??', '@Kevin D. come and see', 'stop relying on the US go trade with Canada', '“Quoted words”', '']) {
      expect(looksLikeCommenterName(line), line).toBe(false);
    }
  });

  it('always yields ordered, non-overlapping segments after the preface (property)', () => {
    const line = fc.oneof(fc.constantFrom('12 Comments', 'Login to comment', 'ann', 'Bob K.', 'A sentence.', 'short words', ''), fc.string({ unit: 'grapheme', maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
        const text = lines.join('\n');
        expectWellFormed(text, splitCommentThread(text));
      }),
    );
  });
});
