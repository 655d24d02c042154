// The app database's name and the schema version this build knows, without opening it: what the
// startup check compares with the version installed on the machine (app/databaseVersion.ts).
import { getDb } from './db';

export function databaseIdentity(): { name: string; version: number } {
  const db = getDb();
  return { name: db.name, version: db.verno };
}
