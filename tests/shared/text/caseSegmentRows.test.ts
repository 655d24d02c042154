import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { layoutCaseSegments } from '../../../shared/text/caseSegmentRows';

// Lines:           0          1            2          3
const TEXT = 'Article line\nplotholder\nThree times\nMarta K.';
const paragraphs = splitParagraphs(TEXT);
const at = (needle: string): number => TEXT.indexOf(needle);
const seg = (key: string, start: number, end: number) => ({ key, start, end });

describe('layoutCaseSegments', () => {
  it('puts a header above the line of the segment’s first character and a band along its lines', () => {
    const layout = layoutCaseSegments(paragraphs, [seg('a', 0, at('plotholder')), seg('b', at('Three'), TEXT.length)]);
    expect([...layout.headersAt.keys()]).toEqual([0, 2]);
    expect(layout.bandAt(0)?.segment.key).toBe('a');
    // "a" ends with the line break after "Article line": it does not reach line 1.
    expect(layout.bandAt(1)).toBeUndefined();
    expect(layout.bandAt(2)?.segment.key).toBe('b');
    expect(layout.bandAt(3)?.segment.key).toBe('b');
    expect([layout.bandAt(0)!.shade, layout.bandAt(2)!.shade]).toEqual([0, 1]);
  });

  it('starts a segment that begins on a line break on the next line', () => {
    const layout = layoutCaseSegments(paragraphs, [seg('c', at('plotholder') - 1, at('Three'))]);
    expect([...layout.headersAt.keys()]).toEqual([1]);
    expect(layout.bandAt(0)).toBeUndefined();
  });

  it('gives two segments starting on one line two headers there, in start order', () => {
    const mid = at('times');
    const layout = layoutCaseSegments(paragraphs, [seg('late', mid, TEXT.length), seg('early', at('Three'), mid)]);
    expect(layout.headersAt.get(2)!.map((r) => r.segment.key)).toEqual(['early', 'late']);
    // The innermost (latest-starting) segment covering a line gives its band.
    expect(layout.bandAt(2)!.segment.key).toBe('late');
    expect(layout.bandAt(3)!.segment.key).toBe('late');
  });

  it('shows a nested segment’s band inside its outer one, and the outer one around it', () => {
    const layout = layoutCaseSegments(paragraphs, [seg('outer', 0, TEXT.length), seg('inner', at('plotholder'), at('Three') - 1)]);
    expect(layout.bandAt(0)!.segment.key).toBe('outer');
    expect(layout.bandAt(1)!.segment.key).toBe('inner');
    expect(layout.bandAt(2)!.segment.key).toBe('outer');
  });

  it('ignores empty segments and handles a segment at the very end of the source', () => {
    const layout = layoutCaseSegments(paragraphs, [seg('empty', 5, 5), seg('last', at('Marta'), TEXT.length)]);
    expect([...layout.headersAt.keys()]).toEqual([3]);
    expect(layout.bandAt(3)!.segment.key).toBe('last');
  });
});
