import { describe, expect, it } from 'vitest';
import { adjacentCoding, nextUncodedParagraph } from '../../../shared/text/codingNavigation';
import { splitParagraphs } from '../../../shared/text/paragraphs';

describe('moving through codings', () => {
  const codings = [
    { id: 'b', start: 20, end: 30 },
    { id: 'a', start: 5, end: 9 },
    { id: 'c', start: 20, end: 25 },
    { id: 'd', start: 40, end: 44 },
  ];

  it('finds the next and previous coding from a position, wrapping at the ends', () => {
    expect(adjacentCoding(codings, 0, 1)?.id).toBe('a');
    expect(adjacentCoding(codings, 5, 1)?.id).toBe('c');
    expect(adjacentCoding(codings, 20, 1)?.id).toBe('d');
    expect(adjacentCoding(codings, 40, 1)?.id).toBe('a');
    expect(adjacentCoding(codings, 40, -1)?.id).toBe('b');
    expect(adjacentCoding(codings, 5, -1)?.id).toBe('d');
    expect(adjacentCoding([], 5, 1)).toBeNull();
  });

  it('finds the next paragraph with text that no coding touches', () => {
    const text = 'one\n\ntwo\nthree\n  \nfour';
    const paragraphs = splitParagraphs(text);
    const two = text.indexOf('two');
    const four = text.indexOf('four');
    // "one" and "three" are coded (three only by its last letter).
    const coded = [{ start: 0, end: 3 }, { start: text.indexOf('three') + 4, end: text.indexOf('three') + 5 }];
    expect(nextUncodedParagraph(paragraphs, coded, 0)).toBe(paragraphs.findIndex((p) => p.start === two));
    expect(nextUncodedParagraph(paragraphs, coded, two)).toBe(paragraphs.findIndex((p) => p.start === four));
    // From the last paragraph it wraps round to "two".
    expect(nextUncodedParagraph(paragraphs, coded, four)).toBe(paragraphs.findIndex((p) => p.start === two));
    expect(nextUncodedParagraph(paragraphs, [{ start: 0, end: text.length }], 0)).toBeNull();
  });
});
