// The codings repository behind both storage layouts (per-source columns and recent rows): whatever
// path a coding took, readers see each coding once, and the tallies match what they see. Writes go
// through `commit` (tests/renderer/support/storeCodings.ts); a row hiding its folded copy, which
// only older versions wrote, is put straight into the table to test the read rule.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Coding } from '../../../shared/model/types';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import {
  codingTallies,
  codingsOfCodes,
  codingsOfSource,
  countCodingsOfSource,
  foldRecentCodings,
  codingsById,
  codingOfCode,
  codingsRevision,
  spansOfSource,
} from '../../../renderer/src/db/codingsRepository';
import { useFreshDatabase } from '../support/freshDatabase';
import { addCodings, addFoldedCodings, removeCodings, updateCodings } from '../support/storeCodings';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

function coding(id: string, codeId: string, start: number, sourceId = 's1'): Coding {
  return { id, projectId: 'p1', sourceId, codeId, start, end: start + 4, exact: 'text', prefix: '', suffix: '', coder: 'Ada', createdAt: '' };
}

const ids = (list: Coding[]): string[] => list.map((c) => c.id).sort();

describe('codingsRepository', () => {
  it('reads bulk-written and interactively added codings together, each once', async () => {
    await addFoldedCodings([coding('a', 'c1', 0), coding('b', 'c2', 10), coding('c', 'c1', 20, 's2')]);
    await addCodings([coding('d', 'c1', 30)]);
    expect(await db.codings.count()).toBe(1);
    expect(ids(await codingsOfSource('s1'))).toEqual(['a', 'b', 'd']);
    expect(ids(await codingsOfCodes(['c1']))).toEqual(['a', 'c', 'd']);
    expect(await countCodingsOfSource('s1')).toBe(3);
  });

  it('moves a recoded coding out of its old code’s block', async () => {
    await addFoldedCodings([coding('a', 'c1', 0), coding('b', 'c1', 10)]);
    await updateCodings([[coding('a', 'c1', 0), coding('a', 'c2', 0)]]);
    expect(ids(await codingsOfCodes(['c1']))).toEqual(['b']);
    expect(ids(await codingsOfCodes(['c2']))).toEqual(['a']);
    expect(ids(await codingsOfSource('s1'))).toEqual(['a', 'b']);
  });

  it('folds recent rows into blocks without changing what readers see', async () => {
    await addFoldedCodings([coding('a', 'c1', 0)]);
    await addCodings([coding('r1', 'c1', 10), coding('r2', 'c2', 20)]);
    expect(await db.codings.count()).toBe(2);
    await foldRecentCodings('s1');
    expect(await db.codings.count()).toBe(0);
    expect(ids(await codingsOfSource('s1'))).toEqual(['a', 'r1', 'r2']);
    expect(await db.sourceCodings.count()).toBe(1);
  });

  it('keeps the tallies equal to the codings readers see, through deletes', async () => {
    await addFoldedCodings([coding('a', 'c1', 0), coding('b', 'c2', 10), coding('c', 'c2', 20), coding('d', 'c1', 0, 's2')]);
    await addCodings([coding('r', 'c2', 30)]);
    await removeCodings([coding('b', 'c2', 10)]);
    await removeCodings(await codingsOfCodes(['c1']));
    const tallies = await codingTallies('p1');
    expect(tallies).toEqual([{ sourceId: 's1', codeId: 'c2', count: 2 }]);
    expect(ids(await codingsOfSource('s1'))).toEqual(['c', 'r']);
    expect(await codingsOfSource('s2')).toEqual([]);
  });
});

describe('lean reads for the view and the analyses', () => {
  it('gives places and codes without quotes, an edited row replacing its folded version', async () => {
    await addFoldedCodings([coding('a', 'c1', 0), coding('b', 'c2', 10), coding('c', 'c1', 20, 's2')]);
    await db.codings.put({ ...coding('b', 'c2', 10), start: 11 });
    await addCodings([coding('d', 'c3', 30)]);
    expect((await spansOfSource('s1')).map((s) => `${s.id}:${s.codeId}:${s.start}`)).toEqual(['a:c1:0', 'b:c2:11', 'd:c3:30']);
  });

  it('reuses the folded codings while their columns are unchanged, and never shows a stale one', async () => {
    const spans = async (): Promise<string[]> => (await spansOfSource('s1')).map((s) => `${s.id}:${s.codeId}:${s.start}`).sort();
    await addFoldedCodings([coding('a', 'c1', 0), coding('b', 'c2', 10)]);
    const first = await spansOfSource('s1');
    await addCodings([coding('r', 'c1', 30)]);
    const second = await spansOfSource('s1');
    // The same folded objects come back with the new row beside them.
    expect(second.find((s) => s.id === 'a')).toBe(first.find((s) => s.id === 'a'));
    expect(await spans()).toEqual(['a:c1:0', 'b:c2:10', 'r:c1:30']);
    // A folded coding removed rewrites the columns: the cached copy must not come back.
    await removeCodings([coding('b', 'c2', 10)]);
    expect(await spans()).toEqual(['a:c1:0', 'r:c1:30']);
    await foldRecentCodings('s1');
    expect(await spans()).toEqual(['a:c1:0', 'r:c1:30']);
    await updateCodings([[coding('a', 'c1', 0), coding('a', 'c3', 0)]]);
    expect(await spans()).toEqual(['a:c3:0', 'r:c1:30']);
  });

  it('writes a bulk of many sources in one go, all or nothing', async () => {
    await addFoldedCodings([coding('a', 'c1', 0)]);
    // A coding of s3 cannot be stored, after s1's and the first of s3's were: the whole step must roll back.
    const broken = { ...coding('x', 'c1', 40, 's3'), exact: () => 'not cloneable' } as unknown as Coding;
    await expect(addCodings([coding('b', 'c2', 10), coding('c', 'c1', 20, 's3'), broken])).rejects.toThrow();
    expect(ids(await codingsOfSource('s1'))).toEqual(['a']);
    expect(await codingsOfSource('s3')).toEqual([]);
    expect(await codingTallies('p1')).toEqual([{ sourceId: 's1', codeId: 'c1', count: 1 }]);
  });

  it('finds codings by id, whole, wherever they are stored, and only in the project asked', async () => {
    await addFoldedCodings([coding('a', 'c1', 0), coding('ab', 'c2', 10), coding('c', 'c1', 20, 's2')]);
    await db.codings.put({ ...coding('ab', 'c2', 10), start: 12 });
    const found = await codingsById('p1', ['c', 'ab', 'b', 'missing']);
    expect(found.map((c) => `${c.id}:${c.sourceId}:${c.start}:${c.exact}`).sort()).toEqual(['ab:s1:12:text', 'c:s2:20:text']);
    expect(await codingsById('p2', ['a'])).toEqual([]);
  });

  it('changes the revision of some codes when one coding is swapped for another, counts unchanged', async () => {
    await addFoldedCodings([coding('a', 'c1', 0), coding('b', 'c2', 10)]);
    const before = await codingsRevision('p1', ['c1']);
    await removeCodings([coding('a', 'c1', 0)]);
    await addFoldedCodings([coding('a2', 'c1', 40)]);
    const swapped = await codingsRevision('p1', ['c1']);
    expect(swapped).not.toBe(before);
    await addCodings([coding('r', 'c1', 60)]);
    const withRow = await codingsRevision('p1', ['c1']);
    expect(withRow).not.toBe(swapped);
    // A code elsewhere in the project changing leaves another source's revision alone.
    await addFoldedCodings([coding('x', 'c3', 0, 's2')]);
    expect(await codingsRevision('p1', ['c1'])).toBe(withRow);
  });

  it('finds a code’s example by id only among that code’s codings', async () => {
    await addFoldedCodings([coding('a', 'c1', 0), coding('b', 'c2', 10, 's2')]);
    expect((await codingOfCode('c2', 'b'))?.exact).toBe('text');
    expect(await codingOfCode('c1', 'b')).toBeUndefined();
    expect(await codingOfCode('c1', 'missing')).toBeUndefined();
  });
});
