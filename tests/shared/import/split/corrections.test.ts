import { describe, expect, it } from 'vitest';
import { splitCommentThread } from '../../../../shared/import/split/commentThread';
import { mergeWithPrevious, relabelSegment, removeSegment, renameLabel, startSegmentAtLine } from '../../../../shared/import/split/corrections';
import { expectWellFormed } from './invariants';

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

// A short, unpunctuated last line ("worth a try though") looks like a commenter's name: the
// suggestion gets it wrong, and the user corrects it in the preview.
const TEXT = 'Article text.\n3 Comments\nann\nWe should ask the council.\nWorth a try though\nbob\nAgreed.\ncat\nMe too.';

describe('split corrections', () => {
  const suggested = splitCommentThread(TEXT);

  it('starts from the mistaken suggestion', () => {
    expect(suggested.segments.map((g) => g.label)).toEqual(['ann', 'Worth a try though', 'cat']);
  });

  it('merging a segment into the previous one undoes a false boundary', () => {
    const merged = mergeWithPrevious(suggested, 1);
    expect(merged.segments.map((g) => [g.order, g.label])).toEqual([
      [1, 'ann'],
      [2, 'cat'],
    ]);
    expect(slice(TEXT, merged.segments[0]!)).toBe('We should ask the council.\nWorth a try though\nbob\nAgreed.');
    // …and a new boundary at "bob" restores what was meant.
    const fixed = startSegmentAtLine(TEXT, merged, TEXT.indexOf('bob'));
    expect(fixed.segments.map((g) => [g.order, g.label, slice(TEXT, g)])).toEqual([
      [1, 'ann', 'We should ask the council.\nWorth a try though'],
      [2, 'bob', 'Agreed.'],
      [3, 'cat', 'Me too.'],
    ]);
    expectWellFormed(TEXT, fixed);
    expect(fixed.warnings).toEqual(suggested.warnings);
  });

  it('relabels, renames and removes segments, renumbering the order', () => {
    expect(relabelSegment(suggested, 1, ' bob ').segments[1]!.label).toBe('bob');
    expect(renameLabel(suggested, 'ann', 'Ann M.').segments[0]!.label).toBe('Ann M.');
    expect(removeSegment(suggested, 0).segments.map((g) => [g.order, g.label])).toEqual([
      [1, 'Worth a try though'],
      [2, 'cat'],
    ]);
  });

  it('can cut a comment out of the end of the preface', () => {
    const text = 'Article.\nzed\nA comment the header missed.';
    const s = splitCommentThread(text, { threadStart: text.length });
    const fixed = startSegmentAtLine(text, s, text.indexOf('zed'));
    expect(slice(text, fixed.preface!)).toBe('Article.');
    expect(fixed.segments.map((g) => [g.label, slice(text, g)])).toEqual([['zed', 'A comment the header missed.']]);
  });

  it('ignores corrections that do not apply', () => {
    expect(mergeWithPrevious(suggested, 0)).toBe(suggested);
    expect(startSegmentAtLine(TEXT, suggested, 5)).toBe(suggested);
  });
});
