import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changeCount, composeChangeSets, describeConflicts, findConflicts, invertChangeSet, isEmptyChangeSet, type ChangeSet } from '../../../shared/model/changeSet';
import { applyToState, diffSnapshots, lookupIn, snapshotOf, stateOf, type ProjectSnapshot } from '../../../shared/model/snapshot';
import { recordsEqual } from '../../../shared/model/recordsEqual';
import { mutatedArb, projectSnapshotArb } from './projectArb';

const pairArb = projectSnapshotArb.chain((a) => mutatedArb(a).map((b) => [a, b] as const));

function apply(snapshot: ProjectSnapshot, set: ChangeSet): ProjectSnapshot {
  const state = stateOf(snapshot);
  applyToState(state, set);
  return snapshotOf(state);
}

/** Same records regardless of list order. */
function sameProject(a: ProjectSnapshot, b: ProjectSnapshot): boolean {
  return isEmptyChangeSet(diffSnapshots(a, b));
}

describe('change sets', () => {
  it('apply(inverse(c), apply(c, s)) == s, and apply(diff(a, b), a) == b', async () => {
    await fc.assert(
      fc.asyncProperty(pairArb, async ([a, b]) => {
        const c = diffSnapshots(a, b);
        const after = apply(a, c);
        expect(sameProject(after, b)).toBe(true);
        expect(await findConflicts(c, lookupIn(stateOf(a)))).toEqual([]);
        const back = apply(after, invertChangeSet(c));
        expect(sameProject(back, a)).toBe(true);
        expect(await findConflicts(invertChangeSet(c), lookupIn(stateOf(after)))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('a change set no longer applies once the state has moved under it', async () => {
    await fc.assert(
      fc.asyncProperty(pairArb, async ([a, b]) => {
        const c = diffSnapshots(a, b);
        fc.pre(!isEmptyChangeSet(c));
        // Applying twice: every added record exists now, every update finds its after-state.
        const conflicts = await findConflicts(c, lookupIn(stateOf(b)));
        expect(conflicts.length).toBeGreaterThan(0);
        expect(describeConflicts(conflicts)).toMatch(/^The project has changed since this step: a .+\.$/);
      }),
      { numRuns: 100 },
    );
  });

  it('composing a set with its inverse leaves nothing; composing two steps equals doing both', async () => {
    await fc.assert(
      fc.asyncProperty(projectSnapshotArb.chain((a) => mutatedArb(a).chain((b) => mutatedArb(b).map((c) => [a, b, c] as const))), async ([a, b, c]) => {
        const ab = diffSnapshots(a, b);
        const bc = diffSnapshots(b, c);
        expect(isEmptyChangeSet(composeChangeSets(ab, invertChangeSet(ab)))).toBe(true);
        const both = composeChangeSets(ab, bc);
        expect(sameProject(apply(a, both), c)).toBe(true);
        expect(await findConflicts(both, lookupIn(stateOf(a)))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('counts what a set touches, and inverts a recode as an update, not a delete and add', () => {
    const before = { id: 'c1', projectId: 'p', sourceId: 's', codeId: 'A', start: 0, end: 3, exact: 'abc', prefix: '', suffix: '', coder: 'me', createdAt: 't' };
    const after = { ...before, codeId: 'B' };
    const set: ChangeSet = { codings: { added: [], updated: [[before, after]], removed: [] } };
    expect(changeCount(set)).toBe(1);
    expect(invertChangeSet(set).codings!.updated[0]).toEqual([after, before]);
  });

  it('treats a property holding undefined as absent (storage drops it)', () => {
    expect(recordsEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(recordsEqual({ a: 1, b: null }, { a: 1 })).toBe(false);
    expect(recordsEqual([1, { x: [2] }], [1, { x: [2] }])).toBe(true);
    expect(recordsEqual([1, 2], [2, 1])).toBe(false);
  });
});
