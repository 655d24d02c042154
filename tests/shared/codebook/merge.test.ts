import { describe, expect, it } from 'vitest';
import { planMerge } from '../../../shared/codebook/merge';
import { planSplit } from '../../../shared/codebook/split';
import { planCopyCodings } from '../../../shared/codebook/copyCodings';
import { planSetCodable } from '../../../shared/codebook/folder';
import { code, coding } from './fixtures';

describe('planMerge', () => {
  const codes = () => [
    code('T', null, 0, { name: 'Trust', description: 'Confidence in others.' }),
    code('T1', 'T', 0, { name: 'Trust in staff' }),
    code('D', null, 1, { name: 'Distrust', description: 'Suspicion of others.', inclusion: 'Explicit doubt.' }),
    code('D1', 'D', 0, { name: 'Distrust of managers' }),
    code('F', null, 2, { name: 'Folder', isCodable: false }),
  ];

  it('recodes codings to the target and collapses identical ones', () => {
    const codings = [
      coding('T', 's1', 0, 10, { id: 't-a' }),
      coding('D', 's1', 0, 10, { id: 'd-same-span' }), // identical to t-a once merged
      coding('D', 's1', 20, 30, { id: 'd-b' }),
      coding('D', 's2', 20, 30, { id: 'd-c' }), // same offsets, other source: not a duplicate
      coding('D', 's2', 20, 30, { id: 'd-c-again', coder: 'ben' }), // duplicate of d-c after the merge
    ];
    const result = planMerge({ codes: codes(), codings, mergedCodeIds: ['D'], targetId: 'T' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.recode).toEqual([
      { codingId: 'd-b', codeId: 'T' },
      { codingId: 'd-c', codeId: 'T' },
    ]);
    expect(result.deleteCodingIds).toEqual(['d-same-span', 'd-c-again']);
    expect(result.deleteCodeIds).toEqual(['D']);
  });

  it('appends the merged definition and moves subcodes under the target', () => {
    const result = planMerge({ codes: codes(), codings: [], mergedCodeIds: ['D'], targetId: 'T' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.targetChanges).toEqual({
      description: 'Confidence in others.\n\nSuspicion of others.',
      inclusion: 'Explicit doubt.',
    });
    expect(result.placements).toEqual([{ id: 'D1', parentId: 'T', order: 1 }]);
  });

  it('keeps a merged example, following it to the surviving coding, and updates sets', () => {
    const all = codes().map((c) => (c.id === 'D' ? { ...c, exampleCodingId: 'dup' } : c));
    const codings = [coding('T', 's1', 0, 5, { id: 'keep' }), coding('D', 's1', 0, 5, { id: 'dup' })];
    const result = planMerge({
      codes: all,
      codings,
      mergedCodeIds: ['D'],
      targetId: 'T',
      codeSets: [
        { id: 'set1', codeIds: ['D', 'F'] },
        { id: 'set2', codeIds: ['T', 'D'] },
        { id: 'set3', codeIds: ['F'] },
      ],
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.targetChanges.exampleCodingId).toBe('keep');
    expect(result.codeSetChanges).toEqual([
      { id: 'set1', codeIds: ['T', 'F'] },
      { id: 'set2', codeIds: ['T'] },
    ]);
  });

  it('refuses to merge a code into its own descendant, with a reason', () => {
    expect(planMerge({ codes: codes(), codings: [], mergedCodeIds: ['T'], targetId: 'T1' })).toEqual({
      ok: false,
      reason: '“Trust” cannot be merged into “Trust in staff”, which is one of its own subcodes: move “Trust in staff” out first.',
    });
    expect(planMerge({ codes: codes(), codings: [], mergedCodeIds: ['T'], targetId: 'T' }).ok).toBe(false);
  });

  it('refuses to put codings on a folder', () => {
    const result = planMerge({ codes: codes(), codings: [coding('D', 's1', 0, 1)], mergedCodeIds: ['D'], targetId: 'F' });
    expect(result.ok).toBe(false);
    // Without codings to move, merging into a folder is fine (only subcodes move).
    expect(planMerge({ codes: codes(), codings: [], mergedCodeIds: ['D'], targetId: 'F' }).ok).toBe(true);
  });
});

describe('planSplit', () => {
  it('moves chosen codings to a new subcode and carries the example along', () => {
    const codes = [code('A', null, 0, { exampleCodingId: 'c2' }), code('A1', 'A', 3), code('B', null, 1)];
    const codings = [coding('A', 's', 0, 1, { id: 'c1' }), coding('A', 's', 2, 3, { id: 'c2' })];
    const result = planSplit({ codes, codings, codeId: 'A', codingIds: ['c2'], name: '  Narrower\nkind ', newId: 'N', now: 'now' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.newCode).toMatchObject({ id: 'N', parentId: 'A', name: 'Narrower kind', order: 4, exampleCodingId: 'c2' });
    expect(result.recode).toEqual([{ codingId: 'c2', codeId: 'N' }]);
    expect(result.codeChanges).toEqual({ exampleCodingId: null });
  });

  it('can put the new code right after the old one, shifting later siblings', () => {
    const codes = [code('A', null, 0), code('B', null, 1)];
    const result = planSplit({
      codes, codings: [coding('A', 's', 0, 1, { id: 'c1' })], codeId: 'A', codingIds: ['c1'], name: 'A bis', placement: 'sibling', newId: 'N', now: 'now',
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.newCode.order).toBe(1);
    expect(result.placements).toEqual([{ id: 'B', parentId: null, order: 2 }]);
  });

  it('refuses codings of another code, an empty choice and a taken name', () => {
    const codes = [code('A', null, 0), code('A1', 'A', 0, { name: 'Taken' })];
    const codings = [coding('A', 's', 0, 1, { id: 'c1' }), coding('A1', 's', 0, 1, { id: 'other' })];
    const base = { codes, codings, codeId: 'A', newId: 'N', now: 'now' };
    expect(planSplit({ ...base, codingIds: ['other'], name: 'X' }).ok).toBe(false);
    expect(planSplit({ ...base, codingIds: [], name: 'X' }).ok).toBe(false);
    expect(planSplit({ ...base, codingIds: ['c1'], name: 'Taken' })).toEqual({ ok: false, reason: 'There is already a code “Taken” there.' });
  });
});

describe('planCopyCodings', () => {
  it('copies codings to another code, skipping spans the target already has', () => {
    const codes = [code('A', null, 0), code('B', null, 1)];
    const codings = [
      coding('A', 's', 0, 5, { id: 'a1' }),
      coding('A', 's', 6, 9, { id: 'a2' }),
      coding('B', 's', 0, 5, { id: 'b1' }),
    ];
    let n = 0;
    const result = planCopyCodings({ codes, codings, codingIds: ['a1', 'a2'], targetCodeId: 'B', newId: () => `new${++n}`, now: 'now' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.skippedCodingIds).toEqual(['a1']);
    expect(result.create).toEqual([{ ...codings[1], id: 'new1', codeId: 'B', createdAt: 'now' }]);
  });

  it('refuses to copy onto a folder', () => {
    const codes = [code('A', null, 0), code('F', null, 1, { isCodable: false })];
    const result = planCopyCodings({ codes, codings: [coding('A', 's', 0, 1, { id: 'x' })], codingIds: ['x'], targetCodeId: 'F', newId: () => 'n', now: 'now' });
    expect(result.ok).toBe(false);
  });
});

describe('planSetCodable', () => {
  it('makes a code a folder only when it holds no codings', () => {
    const a = code('A', null, 0);
    expect(planSetCodable(a, [], false)).toEqual({ ok: true, changes: { isCodable: false } });
    const refused = planSetCodable(a, [coding('A', 's', 0, 1), coding('A', 's', 2, 3)], false);
    expect(refused).toEqual({
      ok: false,
      reason: '“A” has 2 codings; a folder cannot hold codings. Move them to a subcode first (Split).',
    });
    expect(planSetCodable({ ...a, isCodable: false }, [], true)).toEqual({ ok: true, changes: { isCodable: true } });
  });
});
