// The changes between two lists of codings: applied to the first list they give the second, and
// a list read again with a coding added is recognised as that one addition.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Coding, CodingSpan } from '../../../shared/model/types';
import { changesBetween } from '../../../renderer/src/features/coding/codingChanges';

const coding = (id: string, codeId = 'c', start = 0, end = 1): Coding => ({
  id, projectId: 'p', sourceId: 's', codeId, start, end, exact: '', prefix: '', suffix: '', coder: '', createdAt: '',
});
const key = (c: CodingSpan) => `${c.id}|${c.codeId}|${c.start}|${c.end}`;

describe('changesBetween', () => {
  it('finds the one coding a fresh copy of the list gained', () => {
    const before = Array.from({ length: 1000 }, (_, i) => coding(`k${i}`));
    const after = before.map((c) => ({ ...c }));
    after.splice(400, 0, coding('new', 'other'));
    expect(changesBetween(before, after)).toEqual({ added: [after[400]], removed: [] });
  });

  it('turns the first list into the second, or gives up', () => {
    const list = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('a', 'b')), { selector: ([id]) => id, maxLength: 40 });
    fc.assert(
      fc.property(list, list, (xs, ys) => {
        const before = xs.map(([id, code]) => coding(`k${id}`, code));
        const after = ys.map(([id, code]) => coding(`k${id}`, code));
        const changes = changesBetween(before, after);
        if (!changes) return;
        const removed = new Set(changes.removed.map((c) => c.id));
        const result = [...before.filter((c) => !removed.has(c.id)), ...changes.added];
        expect(result.map(key).sort()).toEqual(after.map(key).sort());
      }),
    );
  });
});
