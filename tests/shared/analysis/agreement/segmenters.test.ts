import { describe, expect, it } from 'vitest';
import { segmentParagraphs } from '../../../../shared/analysis/agreement/paragraphUnits';
import { segmentSentences } from '../../../../shared/analysis/agreement/sentenceUnits';

const cut = (text: string, spans: Array<{ start: number; end: number }>): string[] => spans.map((s) => text.slice(s.start, s.end));

describe('unit segmenters', () => {
  it('paragraphs are the non-blank lines, trimmed', () => {
    const text = '  First line. Still first.\n\n\t\nSecond 😀 line  \nThird';
    expect(cut(text, segmentParagraphs(text))).toEqual(['First line. Still first.', 'Second 😀 line', 'Third']);
    expect(segmentParagraphs('')).toEqual([]);
    expect(segmentParagraphs(' \n \n')).toEqual([]);
  });

  it('sentences follow the Unicode rules, never cross a line, and drop whitespace', () => {
    const text = 'Hello world. Is this it? Yes!\nA heading\n\nThe end… really. 東京は大きい。次の文。';
    expect(cut(text, segmentSentences(text))).toEqual(['Hello world.', 'Is this it?', 'Yes!', 'A heading', 'The end… really.', '東京は大きい。', '次の文。']);
  });

  it('splits a very long line into sentences at the same places, in bounded time', () => {
    const sentence = 'This is one sentence, with a clause. ';
    const text = sentence.repeat(3000);
    const spans = segmentSentences(text);
    expect(spans).toHaveLength(3000);
    expect(new Set(cut(text, spans))).toEqual(new Set(['This is one sentence, with a clause.']));
    // Offsets stay global and in order.
    expect(spans[2999]!.end).toBe(text.length - 1);
  });
});
