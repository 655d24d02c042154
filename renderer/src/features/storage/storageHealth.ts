// Storage health for the whole session: persistence is asked for once at startup, and the
// storage status reads the answer from here.
import { requestPersistentStorage, type PersistenceState } from './persistentStorage';

let persistence: Promise<PersistenceState> | undefined;

/** Asks for persistent storage once; later calls return the same answer. */
export function ensurePersistentStorage(storage?: Partial<StorageManager>): Promise<PersistenceState> {
  persistence ??= requestPersistentStorage(storage);
  return persistence;
}
