// Refuses a database written by a newer Marginalia before Dexie touches it. Dexie 4 does not throw
// VersionError for a database newer than the schema it knows: it opens it, and when tables differ
// it even bumps the version and adds what it misses, changing data a newer version depends on.
// So startup reads the installed version first and stops with a clear screen.

/** Thrown at startup when the database belongs to a newer version of the app. */
export class NewerDatabaseError extends Error {
  constructor(readonly installedVersion: number, readonly supportedVersion: number) {
    super(
      'This computer’s Marginalia data was saved by a newer version of Marginalia. ' +
        'This version cannot open it without risking your work: install the newer version again.',
    );
    this.name = 'NewerDatabaseError';
  }
}

/** Dexie stores version n as native IndexedDB version n × 10. */
export function nativeVersionOf(dexieVersion: number): number {
  return Math.round(dexieVersion * 10);
}

/** The native version of the database `name`, or undefined when it does not exist yet. */
export async function installedVersion(name: string, idb: IDBFactory = indexedDB): Promise<number | undefined> {
  if (typeof idb.databases === 'function') {
    const found = (await idb.databases()).find((info) => info.name === name);
    return found?.version;
  }
  // Without databases() (older browsers): opening without a version never upgrades an existing
  // database; a missing one is created empty at version 1, which Dexie then upgrades as new.
  return new Promise((resolve, reject) => {
    const request = idb.open(name);
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused to open'));
  });
}

/** Throws NewerDatabaseError when the installed database is newer than `dexieVersion`. */
export async function assertDatabaseNotNewer(name: string, dexieVersion: number, idb?: IDBFactory): Promise<void> {
  const installed = await installedVersion(name, idb);
  const supported = nativeVersionOf(dexieVersion);
  if (installed !== undefined && installed > supported) throw new NewerDatabaseError(installed, supported);
}

/** Dexie's own VersionError (a declared version lower than the installed one, in older Dexie). */
export function isVersionError(error: unknown): boolean {
  return (
    error instanceof NewerDatabaseError ||
    (typeof error === 'object' && error !== null && ((error as { name?: unknown }).name === 'VersionError' || (error as { inner?: { name?: unknown } }).inner?.name === 'VersionError'))
  );
}
