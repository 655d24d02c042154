// Recognises "the disk (or the browser's share of it) is full" among the errors IndexedDB, Dexie,
// OPFS and main throw (shared/errors/errorMessage), so the user gets a clear message and a way to
// get the project out as a file.
import { STORAGE_FULL_MESSAGE, isStorageFullError } from '../../../../shared/errors/errorMessage';

export const QUOTA_MESSAGE = `${STORAGE_FULL_MESSAGE} To keep your work safe meanwhile, save the project as a file (Save project as), on another disk if need be.`;

/** A storage-full error, also inside Dexie's BulkError (which keeps each failed row's error). */
export function isQuotaError(error: unknown): boolean {
  if (isStorageFullError(error)) return true;
  const failures = (error as { failures?: unknown } | null)?.failures;
  return Array.isArray(failures) && failures.some((failure) => isStorageFullError(failure));
}
