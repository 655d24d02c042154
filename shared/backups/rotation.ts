// Which automatic backups to keep: per project, the last 10, plus the newest of each day for the
// last 30 days. Pure, so main (files in user data) and the browser (OPFS) rotate the same way.

export const KEEP_LATEST = 10;
export const KEEP_DAILY_DAYS = 30;

export interface RotatedBackup {
  id: string;
  projectId: string;
  /** ISO 8601. */
  createdAt: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The backups rotation deletes, given every backup kept and the current time. Days are UTC days:
 * the same answer on every machine, and at most a few hours away from the user's own calendar.
 * Each project rotates on its own, so a busy project never pushes out another one's backups.
 */
export function backupsToDelete<T extends RotatedBackup>(backups: readonly T[], now: Date): T[] {
  const byProject = new Map<string, T[]>();
  for (const backup of backups) {
    const list = byProject.get(backup.projectId) ?? [];
    list.push(backup);
    byProject.set(backup.projectId, list);
  }
  const oldestDaily = now.getTime() - KEEP_DAILY_DAYS * DAY_MS;
  const doomed: T[] = [];
  for (const list of byProject.values()) {
    const newestFirst = [...list].sort((a, b) => timeOf(b) - timeOf(a) || (a.id < b.id ? 1 : -1));
    const seenDays = new Set<string>();
    newestFirst.forEach((backup, index) => {
      const time = timeOf(backup);
      const day = !Number.isFinite(time) ? 'unknown' : new Date(time).toISOString().slice(0, 10);
      const firstOfDay = !seenDays.has(day);
      seenDays.add(day);
      const keep = index < KEEP_LATEST || (firstOfDay && time >= oldestDaily);
      if (!keep) doomed.push(backup);
    });
  }
  return doomed;
}

/** An unreadable date sorts as the oldest, so it is the first to go, never a reason to keep. */
function timeOf(backup: RotatedBackup): number {
  const time = Date.parse(backup.createdAt);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}
