// Asks the browser (or Electron's Chromium) to keep this app's storage when space runs low:
// without it, IndexedDB is "best effort" and may be evicted, taking every project with it.

export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

export async function requestPersistentStorage(storage: Partial<StorageManager> | undefined = globalThis.navigator?.storage): Promise<PersistenceState> {
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'best-effort';
  } catch {
    return 'unsupported';
  }
}
