import { describe, expect, it } from 'vitest';
import { addCodesToSet, dropDeletedCodes, removeCodesFromSet, setsOfCode } from '../../../shared/codebook/codeSets';
import { exampleCodingOf, exampleRefusal } from '../../../shared/codebook/definition';
import { code, coding } from './fixtures';

describe('code sets', () => {
  const sets = [
    { id: 's1', codeIds: ['a', 'b'] },
    { id: 's2', codeIds: ['c'] },
  ];

  it('adds members once, in the order added, and removes them', () => {
    expect(addCodesToSet(sets[0]!, ['c', 'a', 'd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(removeCodesFromSet(sets[0]!, ['a'])).toEqual(['b']);
  });

  it('lists the sets that lose members when codes are deleted', () => {
    expect(dropDeletedCodes(sets, ['b', 'x'])).toEqual([{ id: 's1', codeIds: ['a'] }]);
    expect(setsOfCode(sets, 'c')).toEqual([sets[1]]);
  });
});

describe('typical example', () => {
  it('must be one of the code’s own codings', () => {
    const a = code('a', null, 0, { name: 'Access' });
    expect(exampleRefusal(a, coding('a', 's', 0, 1))).toBe(null);
    expect(exampleRefusal(a, coding('b', 's', 0, 1))).toBe('An example of “Access” must be one of its own codings.');
    expect(exampleRefusal(a, undefined)).toBe('That coding no longer exists.');
  });

  it('is not shown once its coding was deleted or recoded', () => {
    const mine = coding('a', 's', 0, 1, { id: 'k1' });
    const recoded = coding('b', 's', 0, 1, { id: 'k2' });
    const byId = new Map([mine, recoded].map((c) => [c.id, c]));
    expect(exampleCodingOf(code('a', null, 0, { exampleCodingId: 'k1' }), byId)).toBe(mine);
    expect(exampleCodingOf(code('a', null, 0, { exampleCodingId: 'k2' }), byId)).toBe(null);
    expect(exampleCodingOf(code('a', null, 0, { exampleCodingId: 'gone' }), byId)).toBe(null);
    expect(exampleCodingOf(code('a', null, 0), byId)).toBe(null);
  });
});
