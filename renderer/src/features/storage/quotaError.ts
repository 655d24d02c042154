// Recognises "the disk (or the browser's share of it) is full" among the errors IndexedDB, Dexie
// and OPFS throw, so the user gets a clear message and a way to get the project out as a file.

export const QUOTA_MESSAGE =
  'There is no room left to store your changes, so the last change was not saved. ' +
  'Save the project as a file now (Save project as), then free some disk space.';

/** True for QuotaExceededError itself, or wrapped by Dexie (`inner`), a BulkError or `cause`. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  // Dexie's BulkError keeps each failed row's error.
  if (Array.isArray(e.failures)) return e.failures.some((f) => isQuotaError(f, depth + 1));
  return false;
}
