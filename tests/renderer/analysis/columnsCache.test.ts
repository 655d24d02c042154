// The analysis worker's copy of a project's coding columns: requests that arrive while the
// columns are being read (the first retrieval during the startup's warm-up) wait for that read
// instead of reading every source again, and every request still sees the codings as stored.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Coding } from '../../../shared/model/types';
import { projectColumns } from '../../../renderer/src/analysis/columnsCache';
import { codingCount, idAt } from '../../../renderer/src/db/codingColumns';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { addCodings, addFoldedCodings } from '../support/storeCodings';
import { useFreshDatabase } from '../support/freshDatabase';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;

function coding(id: string, sourceId: string, start: number): Coding {
  return { id, projectId: 'p1', sourceId, codeId: 'k1', start, end: start + 3, exact: 'abc', prefix: '', suffix: '', coder: 'Ada', createdAt: '2024-01-01T00:00:00.000Z' };
}

beforeEach(async () => {
  db = freshDb();
  await addFoldedCodings(Array.from({ length: 30 }, (_, i) => coding(`c${i}`, `s${i % 10}`, i * 4)));
});

const total = (read: Awaited<ReturnType<typeof projectColumns>>) => read.columns.reduce((n, c) => n + codingCount(c), 0) + read.rows.length;

describe('projectColumns', () => {
  it('answers requests made during a read from that read, reading each source once', async () => {
    const bulkGet = vi.spyOn(db.sourceCodings, 'bulkGet');
    const [a, b, c] = await Promise.all([projectColumns('p1'), projectColumns('p1'), projectColumns('p1')]);
    expect([a, b, c].map(total)).toEqual([30, 30, 30]);
    const sourcesRead = bulkGet.mock.calls.reduce((n, [keys]) => n + keys.length, 0);
    expect(sourcesRead).toBe(10);
  });

  it('still sees a coding added between two requests', async () => {
    await projectColumns('p1');
    await addCodings([coding('new', 's3', 200)]);
    const [later] = await Promise.all([projectColumns('p1'), projectColumns('p1')]);
    expect(total(later)).toBe(31);
    expect(later.rows.map((r) => r.id)).toEqual(['new']);
  });

  it('sees codings whose write ended while the read a request waited for was still under way', async () => {
    // The warm-up's read holds its answer until the test lets it go: its transaction has ended
    // (so the writes below can run), but the worker has not yet taken its answer.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    const reading = vi.spyOn(db, 'transaction').mockImplementationOnce((async (...args: unknown[]) => {
      const read = await transaction(...args);
      await held;
      return read;
    }) as never);
    const warming = projectColumns('p1');
    await vi.waitFor(() => expect(reading).toHaveBeenCalled());
    await addCodings([coding('row', 's1', 300)]);
    await addFoldedCodings([coding('folded', 's2', 400)]);
    const asked = projectColumns('p1');
    release();
    const [before, after] = await Promise.all([warming, asked]);
    expect(total(before)).toBe(30);
    expect(total(after)).toBe(32);
    const s2 = after.columns.find((c) => c.sourceId === 's2')!;
    expect(Array.from({ length: codingCount(s2) }, (_, i) => idAt(s2, i))).toContain('folded');
    expect(after.rows.map((r) => r.id)).toEqual(['row']);
  });
});
