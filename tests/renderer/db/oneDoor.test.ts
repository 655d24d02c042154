// Every change goes through one door: no module of the renderer outside the repositories and
// db/operations/commit.ts opens a read-write transaction or writes a table directly. (Deleting a
// project is the one documented exception; settings are not project data.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../../renderer/src');

/** Where writing is the job: the repositories, the one door, the history it keeps, and the exceptions. */
const ALLOWED = new Set([
  'db/db.ts', // schema upgrades
  'db/codingsRepository.ts',
  'db/caseRepository.ts',
  'db/recordsRepository.ts',
  'db/changeStore.ts',
  'db/operations/commit.ts',
  'db/operations/history.ts',
  'db/operations/projects.ts', // deleteProject: removes the project with its history, not undoable
  'db/operations/settings.ts', // per-installation settings, not project data
]);

const WRITES = [
  /\.transaction\(\s*['"]rw/,
  /\.(bulkPut|bulkAdd|bulkDelete|bulkUpdate|modify)\(/,
  /\b(db|getDb\(\)|tx)\.(table\([^)]*\)|[a-zA-Z]+)\.(put|add|update|delete|clear)\(/,
  /\.where\([^)]*\)[^;]*\.delete\(\)/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Each module that writes the database although it should go through commit, with the offending line. */
export function writesOutsideTheDoor(files: ReadonlyArray<{ path: string; text: string }>): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    if (ALLOWED.has(path)) continue;
    text.split('\n').forEach((line, i) => {
      if (WRITES.some((re) => re.test(line))) found.push(`${path}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

describe('the one write path', () => {
  it('has no module outside the repositories and commit writing the database', () => {
    const files = sourceFiles(ROOT).map((path) => ({ path: relative(ROOT, path).replaceAll('\\', '/'), text: readFileSync(path, 'utf8') }));
    expect(files.length).toBeGreaterThan(50);
    expect(writesOutsideTheDoor(files)).toEqual([]);
  });

  it('would catch a feature opening its own transaction or writing a table', () => {
    const offending = [
      { path: 'features/codebook/quickRename.ts', text: "await db.transaction('rw', [db.codes], () => db.codes.update(id, { name }));" },
      { path: 'db/operations/memos.ts', text: 'await getDb().memos.delete(memoId);' },
      { path: 'db/operations/codes.ts', text: "await db.memos.where('targetId').equals(id).delete();" },
    ];
    expect(writesOutsideTheDoor(offending)).toHaveLength(3);
  });
});
