// Backup rotation: the last 10 of each project, plus one a day for 30 days, and nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEEP_DAILY_DAYS, KEEP_LATEST, backupsToDelete, type RotatedBackup } from '../../../shared/backups/rotation';

const now = new Date('2026-12-02T12:00:00Z');
const HOUR = 60 * 60 * 1000;

function backup(id: string, hoursAgo: number, projectId = 'p1'): RotatedBackup {
  return { id, projectId, createdAt: new Date(now.getTime() - hoursAgo * HOUR).toISOString() };
}

const ids = (list: RotatedBackup[]) => list.map((b) => b.id).sort();

describe('backupsToDelete', () => {
  it('keeps everything while there are at most 10 backups', () => {
    const list = Array.from({ length: KEEP_LATEST }, (_, i) => backup(`b${i}`, i * 24 * 60));
    expect(backupsToDelete(list, now)).toEqual([]);
  });

  it('of many backups in one day, keeps the newest 10 only', () => {
    // 15 backups, five minutes apart, all today.
    const list = Array.from({ length: 15 }, (_, i) => backup(`b${String(i).padStart(2, '0')}`, i / 12));
    expect(ids(backupsToDelete(list, now))).toEqual(['b10', 'b11', 'b12', 'b13', 'b14']);
  });

  it('keeps the newest backup of each older day, for 30 days', () => {
    const recent = Array.from({ length: KEEP_LATEST }, (_, i) => backup(`recent${i}`, i / 60));
    // Two a day for 40 days, from yesterday back: the later one of each day within 30 days stays.
    const older = Array.from({ length: 40 }, (_, d) => [
      backup(`day${d + 1}-late`, 24 * (d + 1) - 1),
      backup(`day${d + 1}-early`, 24 * (d + 1) + 1),
    ]).flat();
    const doomed = new Set(ids(backupsToDelete([...recent, ...older], now)));
    for (const b of recent) expect(doomed.has(b.id)).toBe(false);
    for (let d = 1; d <= 40; d++) {
      // Day d's late backup is at now - (24d - 1)h: within 30 days exactly when d <= 30.
      expect(doomed.has(`day${d}-late`), `day ${d} late`).toBe(d > KEEP_DAILY_DAYS);
      expect(doomed.has(`day${d}-early`), `day ${d} early`).toBe(true);
    }
  });

  it('rotates each project on its own', () => {
    const busy = Array.from({ length: 20 }, (_, i) => backup(`busy${i}`, i / 60, 'busy'));
    const quiet = [backup('quiet-old', 24 * 10, 'quiet')];
    const doomed = ids(backupsToDelete([...busy, ...quiet], now));
    expect(doomed).not.toContain('quiet-old');
    expect(doomed).toHaveLength(10);
  });

  it('treats a backup with an unreadable date as the oldest', () => {
    const list = [...Array.from({ length: KEEP_LATEST }, (_, i) => backup(`b${i}`, i / 60)), { id: 'bad', projectId: 'p1', createdAt: 'yesterday' }];
    expect(ids(backupsToDelete(list, now))).toEqual(['bad']);
  });

  it('always keeps the 10 newest and at most 10 + 30 per project', () => {
    const arb = fc.array(fc.record({ hoursAgo: fc.integer({ min: 0, max: 24 * 60 }), projectId: fc.constantFrom('a', 'b') }), {
      maxLength: 120,
    });
    fc.assert(
      fc.property(arb, (specs) => {
        const list = specs.map((s, i) => backup(`id${i}`, s.hoursAgo, s.projectId));
        const doomed = new Set(backupsToDelete(list, now).map((b) => b.id));
        for (const projectId of ['a', 'b']) {
          const mine = list.filter((b) => b.projectId === projectId).sort((x, y) => Date.parse(y.createdAt) - Date.parse(x.createdAt));
          const kept = mine.filter((b) => !doomed.has(b.id));
          expect(kept.length).toBeLessThanOrEqual(KEEP_LATEST + KEEP_DAILY_DAYS + 1);
          // The newest ten by time are kept (ties in time may swap which of equals is kept).
          const tenth = mine[Math.min(KEEP_LATEST, mine.length) - 1];
          if (tenth) for (const b of mine) if (Date.parse(b.createdAt) > Date.parse(tenth.createdAt)) expect(doomed.has(b.id)).toBe(false);
          // Rotation is stable: deleting what it says, then rotating again, deletes nothing more.
          expect(backupsToDelete(kept, now)).toEqual([]);
        }
      }),
    );
  });
});
