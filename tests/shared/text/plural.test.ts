import { describe, expect, it } from 'vitest';
import { plural } from '../../../shared/text/plural';

describe('plural', () => {
  it('writes the noun for the count', () => {
    expect(plural(0, 'coding')).toBe('0 codings');
    expect(plural(1, 'coding')).toBe('1 coding');
    expect(plural(2, 'child', 'children')).toBe('2 children');
    expect(plural(1, 'child', 'children')).toBe('1 child');
  });
});
