// Gives each test its own empty database (fake IndexedDB), swapped in for the app's, and deletes
// it afterwards. Call once at the top of a test file; read the current one with the getter.
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, replaceDatabase, type MarginaliaDb } from '../../../renderer/src/db/db';

export function useFreshDatabase(): () => MarginaliaDb {
  let db: MarginaliaDb | undefined;
  beforeEach(() => {
    db = openDatabase('test-' + crypto.randomUUID());
    replaceDatabase(db);
  });
  afterEach(async () => {
    await db?.delete();
  });
  return () => db!;
}
