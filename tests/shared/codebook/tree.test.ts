// The codebook as the user sees it: codes in order, nested under their parents, with paths that
// name where each code sits. Stored data can be damaged; the tree must still come back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Code } from '../../../shared/model/types';
import { codePath, descendantIds, flattenTree } from '../../../shared/codebook/tree';

function code(id: string, parentId: string | null, order: number, name = id): Code {
  return { id, projectId: 'p', parentId, name, description: '', color: '#e6194b', order, createdAt: '2024-01-01T00:00:00.000Z' };
}

const byId = (codes: readonly Code[]) => new Map(codes.map((c) => [c.id, c]));

// Feelings (1)            Place (2)
//   Tiredness (2)           Home (1)
//   Anger (1)                 Kitchen (1)
const codebook = [
  code('tired', 'feel', 2, 'Tiredness'),
  code('place', null, 2, 'Place'),
  code('kitchen', 'home', 1, 'Kitchen'),
  code('feel', null, 1, 'Feelings'),
  code('anger', 'feel', 1, 'Anger'),
  code('home', 'place', 1, 'Home'),
];

describe('flattenTree', () => {
  it('lists codes depth first, children under their parent in their order, with their depth', () => {
    expect(flattenTree(codebook).map(({ code: c, depth }) => `${'  '.repeat(depth)}${c.name}`)).toEqual([
      'Feelings',
      '  Anger',
      '  Tiredness',
      'Place',
      '  Home',
      '    Kitchen',
    ]);
  });

  it('orders siblings with the same order by name', () => {
    const codes = [code('b', null, 1, 'Beta'), code('a', null, 1, 'Alpha'), code('c', null, 0, 'Zulu')];
    expect(flattenTree(codes).map((e) => e.code.name)).toEqual(['Zulu', 'Alpha', 'Beta']);
  });

  it('shows a code whose parent is missing at the top instead of hiding it', () => {
    const codes = [code('orphan', 'deleted-parent', 1, 'Orphan'), code('child', 'orphan', 1, 'Child')];
    expect(flattenTree(codes).map((e) => [e.code.name, e.depth])).toEqual([
      ['Orphan', 0],
      ['Child', 1],
    ]);
  });

  it('returns when stored data holds a cycle, still listing the codes outside it', () => {
    const codes = [
      code('a', 'b', 1, 'A'),
      code('b', 'a', 1, 'B'),
      code('self', 'self', 1, 'Self'),
      code('ok', null, 1, 'Fine'),
      code('okChild', 'ok', 1, 'Fine child'),
    ];
    const flat = flattenTree(codes);
    expect(flat.map((e) => e.code.name).slice(0, 2)).toEqual(['Fine', 'Fine child']);
    expect(new Set(flat.map((e) => e.code.id)).size).toBe(flat.length);
  });

  it('lists every code of a well-formed codebook once, each inside its parent’s subtree', () => {
    const codebookArb = fc.integer({ min: 1, max: 15 }).chain((n) =>
      fc
        .tuple(...Array.from({ length: n }, (_, i) => fc.tuple(fc.option(fc.nat({ max: Math.max(0, i - 1) }), { nil: null }), fc.nat({ max: 3 }))))
        .map((specs) => specs.map(([parent, order], i) => code(`c${i}`, i === 0 || parent === null ? null : `c${parent}`, order))),
    );
    fc.assert(
      fc.property(codebookArb, (codes) => {
        const flat = flattenTree(codes);
        expect(flat.map((e) => e.code.id).sort()).toEqual(codes.map((c) => c.id).sort());
        flat.forEach(({ code: c, depth }, index) => {
          if (c.parentId === null) {
            expect(depth).toBe(0);
            return;
          }
          // The parent is the nearest earlier entry one level up: children sit inside its subtree.
          const before = flat.slice(0, index).reverse();
          const parent = before.find((e) => e.depth === depth - 1);
          expect(parent?.code.id).toBe(c.parentId);
          expect(before.slice(0, before.indexOf(parent!)).every((e) => e.depth >= depth)).toBe(true);
        });
      }),
    );
  });
});

describe('codePath', () => {
  it('names a code from the root down, joined with " > "', () => {
    expect(codePath(byId(codebook), 'kitchen')).toBe('Place > Home > Kitchen');
    expect(codePath(byId(codebook), 'feel')).toBe('Feelings');
  });

  it('is empty for a code that does not exist', () => {
    expect(codePath(byId(codebook), 'nope')).toBe('');
  });

  it('stops at a missing parent and at a cycle', () => {
    expect(codePath(byId([code('x', 'gone', 1, 'X')]), 'x')).toBe('X');
    const cyclic = byId([code('a', 'b', 1, 'A'), code('b', 'a', 1, 'B')]);
    expect(codePath(cyclic, 'a')).toBe('B > A');
    expect(codePath(byId([code('s', 's', 1, 'Self')]), 's')).toBe('Self');
  });
});

describe('descendantIds', () => {
  it('gives all codes below a code, not the code itself nor its siblings', () => {
    expect(descendantIds(codebook, 'place').sort()).toEqual(['home', 'kitchen']);
    expect(descendantIds(codebook, 'feel').sort()).toEqual(['anger', 'tired']);
    expect(descendantIds(codebook, 'kitchen')).toEqual([]);
  });

  it('returns when stored data holds a cycle', () => {
    const codes = [code('a', 'b', 1), code('b', 'a', 1), code('c', 'b', 1)];
    expect(descendantIds(codes, 'a').sort()).toEqual(['b', 'c']);
    expect(descendantIds([code('s', 's', 1)], 's')).toEqual([]);
  });
});
