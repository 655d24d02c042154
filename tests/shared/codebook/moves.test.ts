import { describe, expect, it } from 'vitest';
import { indentCodes, moveCodes, outdentCodes, reorderCodes } from '../../../shared/codebook/moves';
import { flattenTree } from '../../../shared/codebook/tree';
import type { Code } from '../../../shared/model/types';
import { applyPlacements, code } from './fixtures';

// A            (root)
//   A1
//   A2
//     A2a
// B
// C
const tree = (): Code[] => [
  code('A', null, 0),
  code('A1', 'A', 0),
  code('A2', 'A', 1),
  code('A2a', 'A2', 0),
  code('B', null, 1),
  code('C', null, 2),
];

/** The tree as "depth:name" lines after applying a move. */
function shape(codes: readonly Code[]): string[] {
  return flattenTree(codes).map(({ code: c, depth }) => `${depth}:${c.name}`);
}

function moved(codes: Code[], result: ReturnType<typeof moveCodes>): string[] {
  if (!result.ok) throw new Error(result.reason);
  return shape(applyPlacements(codes, result.changes));
}

describe('moveCodes', () => {
  it('moves a code before another, as its sibling', () => {
    const codes = tree();
    expect(moved(codes, moveCodes(codes, ['C'], { position: 'before', targetId: 'A1' }))).toEqual([
      '0:A', '1:C', '1:A1', '1:A2', '2:A2a', '0:B',
    ]);
  });

  it('moves a code after another and inside a parent at an index', () => {
    const codes = tree();
    expect(moved(codes, moveCodes(codes, ['A'], { position: 'after', targetId: 'C' }))).toEqual([
      '0:B', '0:C', '0:A', '1:A1', '1:A2', '2:A2a',
    ]);
    expect(moved(codes, moveCodes(codes, ['B'], { position: 'inside', parentId: 'A2', index: 0 }))).toEqual([
      '0:A', '1:A1', '1:A2', '2:B', '2:A2a', '0:C',
    ]);
    expect(moved(codes, moveCodes(codes, ['A2a'], { position: 'inside', parentId: null }))).toEqual([
      '0:A', '1:A1', '1:A2', '0:B', '0:C', '0:A2a',
    ]);
  });

  it('returns only the codes whose parent or order changes', () => {
    const codes = tree();
    const result = moveCodes(codes, ['C'], { position: 'before', targetId: 'B' });
    expect(result).toEqual({ ok: true, changes: [{ id: 'C', parentId: null, order: 1 }, { id: 'B', parentId: null, order: 2 }] });
  });

  it('moves a multi-selection in display order, keeping selected descendants with their ancestor', () => {
    const codes = tree();
    // C was selected before A in the click order; display order wins. A2a travels inside A.
    expect(moved(codes, moveCodes(codes, ['C', 'A', 'A2a'], { position: 'after', targetId: 'B' }))).toEqual([
      '0:B', '0:A', '1:A1', '1:A2', '2:A2a', '0:C',
    ]);
  });

  it('handles dropping a selection next to one of its own members', () => {
    const codes = tree();
    expect(moved(codes, moveCodes(codes, ['B', 'C'], { position: 'before', targetId: 'C' }))).toEqual(shape(codes));
  });

  it('refuses to move a code into itself or into its own descendant, with a reason', () => {
    const codes = tree();
    expect(moveCodes(codes, ['A'], { position: 'inside', parentId: 'A2a' })).toEqual({
      ok: false,
      reason: '“A” cannot be moved into its own subcode “A2a”.',
    });
    expect(moveCodes(codes, ['A'], { position: 'inside', parentId: 'A' })).toEqual({
      ok: false,
      reason: '“A” cannot be moved into itself.',
    });
    // Before/after a descendant means becoming a child of a descendant: also a cycle.
    const result = moveCodes(codes, ['B', 'A'], { position: 'before', targetId: 'A2a' });
    expect(result.ok).toBe(false);
  });

  it('refuses unknown codes and empty selections', () => {
    const codes = tree();
    expect(moveCodes(codes, [], { position: 'inside', parentId: null }).ok).toBe(false);
    expect(moveCodes(codes, ['nope'], { position: 'inside', parentId: null }).ok).toBe(false);
    expect(moveCodes(codes, ['A'], { position: 'before', targetId: 'nope' }).ok).toBe(false);
  });
});

describe('keyboard moves', () => {
  it('moves codes up and down among their siblings', () => {
    const codes = tree();
    expect(moved(codes, reorderCodes(codes, ['B'], 'up'))).toEqual(['0:B', '0:A', '1:A1', '1:A2', '2:A2a', '0:C']);
    expect(moved(codes, reorderCodes(codes, ['A', 'B'], 'down'))).toEqual(['0:C', '0:A', '1:A1', '1:A2', '2:A2a', '0:B']);
    // Already first: nothing changes.
    expect(reorderCodes(codes, ['A'], 'up')).toEqual({ ok: true, changes: [] });
  });

  it('indents under the sibling above and outdents after the parent', () => {
    const codes = tree();
    expect(moved(codes, indentCodes(codes, ['B']))).toEqual(['0:A', '1:A1', '1:A2', '2:A2a', '1:B', '0:C']);
    expect(moved(codes, outdentCodes(codes, ['A2']))).toEqual(['0:A', '1:A1', '0:A2', '1:A2a', '0:B', '0:C']);
  });

  it('refuses moves that have nowhere to go, with a reason', () => {
    const codes = tree();
    expect(indentCodes(codes, ['A'])).toEqual({ ok: false, reason: '“A” has no code above it to go under.' });
    expect(outdentCodes(codes, ['B'])).toEqual({ ok: false, reason: '“B” is already at the top level.' });
    expect(indentCodes(codes, ['A1', 'B']).ok).toBe(false); // different parents
  });
});
