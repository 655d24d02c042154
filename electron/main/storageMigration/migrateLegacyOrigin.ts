// Moves a project database from the file:// origin (where Marginalia 0.1 ran its pages) to
// app://marginalia, once, before the main window loads. IndexedDB belongs to an origin, so without
// this a user updating from a file:// build would open an empty app. Copying Chromium's storage
// folders by hand is not an option: their layout and backend change between Chromium versions and
// the origin is written inside them. Instead a hidden page of each origin reads and writes through
// the IndexedDB API itself (indexedDbCopy.ts). The old data stays where it was, untouched.
import { dumpIndexedDbs, pageScript, restoreIndexedDbs, type RestoreOutcome } from './indexedDbCopy';

export interface LegacyOriginMigrationDeps {
  /** A page of the old origin (a file:// URL of a file shipped with the app). */
  legacyPageUrl: string;
  /** A page of the new origin (app://marginalia/…). */
  appPageUrl: string;
  /** Loads `url` in a hidden window, runs `script` there and resolves to its result. */
  runInHiddenPage: (url: string, script: string) => Promise<unknown>;
  /** Whether this profile was already migrated (or started fresh under app://). */
  isDone: () => Promise<boolean>;
  markDone: (record: { at: string; restored: string[]; skipped: string[] }) => Promise<void>;
  now?: () => Date;
}

export type LegacyOriginMigrationResult =
  | { kind: 'already-done' }
  | { kind: 'nothing-to-copy' }
  | ({ kind: 'copied' } & RestoreOutcome);

export async function migrateLegacyOrigin({
  legacyPageUrl,
  appPageUrl,
  runInHiddenPage,
  isDone,
  markDone,
  now = () => new Date(),
}: LegacyOriginMigrationDeps): Promise<LegacyOriginMigrationResult> {
  if (await isDone()) return { kind: 'already-done' };
  const dump = await runInHiddenPage(legacyPageUrl, pageScript(dumpIndexedDbs));
  if (typeof dump !== 'string') throw new Error('The old storage could not be read.');
  const databaseCount = (JSON.parse(dump) as { databases: unknown[] }).databases.length;
  if (databaseCount === 0) {
    await markDone({ at: now().toISOString(), restored: [], skipped: [] });
    return { kind: 'nothing-to-copy' };
  }
  const outcome = (await runInHiddenPage(appPageUrl, pageScript(restoreIndexedDbs, dump))) as RestoreOutcome;
  // Only marked done once the copy succeeded: after a failure (disk full, a crash) the next start
  // tries again, and databases already copied are skipped rather than overwritten.
  await markDone({ at: now().toISOString(), restored: outcome.restored, skipped: outcome.skipped });
  return { kind: 'copied', ...outcome };
}
