// Stripe lanes: one per code used in the source, in codebook order, and unchanged (the same map,
// so nothing is redrawn) while codings of codes already in use are added.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Code, Coding } from '../../../shared/model/types';
import { assignLanes, StripeLaneCache } from '../../../renderer/src/features/coding/stripeLanes';

const code = (id: string): Code => ({ id, projectId: 'p', parentId: null, name: id, description: '', color: '#123456', order: 0, createdAt: '' });
const codes = ['a', 'b', 'c', 'd'].map(code);
let n = 0;
const coding = (codeId: string): Coding => ({
  id: `k${n++}`, projectId: 'p', sourceId: 's', codeId, start: 0, end: 1, exact: '', prefix: '', suffix: '', coder: '', createdAt: '',
});
const plain = (lanes: ReadonlyMap<string, number>) => [...lanes];

describe('assignLanes', () => {
  it('gives the used codes lanes in codebook order, skipping unused ones, up to the maximum', () => {
    expect(plain(assignLanes(codes, new Set(['d', 'b']), 8))).toEqual([['b', 0], ['d', 1]]);
    expect(plain(assignLanes(codes, new Set(['a', 'b', 'c', 'd']), 2))).toEqual([['a', 0], ['b', 1]]);
  });
});

describe('StripeLaneCache', () => {
  it('keeps the same lanes while codes already in use are applied again', () => {
    const cache = new StripeLaneCache(8);
    let list = [coding('b'), coding('d')];
    const first = cache.get(list, codes);
    list = [...list, coding('b')];
    expect(cache.get(list, codes)).toBe(first);
  });

  it('adds a lane when a new code is applied and drops it when its codings are removed', () => {
    const cache = new StripeLaneCache(8);
    const before = [coding('c')];
    expect(plain(cache.get(before, codes))).toEqual([['c', 0]]);
    const withA = [...before, coding('a')];
    expect(plain(cache.get(withA, codes))).toEqual([['a', 0], ['c', 1]]);
    expect(plain(cache.get(withA.slice(0, 1), codes))).toEqual([['c', 0]]);
  });

  it('always equals lanes computed from scratch', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'gone');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.array(ids, { maxLength: 3 }), fc.boolean()), { maxLength: 10 }), (steps) => {
        const cache = new StripeLaneCache(3);
        let list: Coding[] = [];
        for (const [append, added, reset] of steps) {
          if (reset) list = [];
          // Appended, or the list read again as fresh copies with the new codings in front.
          list = append ? [...list, ...added.map(coding)] : [...added.map(coding), ...list.map((c) => ({ ...c }))];
          expect(plain(cache.get(list, codes))).toEqual(plain(assignLanes(codes, new Set(list.map((c) => c.codeId)), 3)));
        }
      }),
    );
  });
});
