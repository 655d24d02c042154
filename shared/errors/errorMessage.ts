// Turns a failure into the sentence a user reads in a dialog or a notice. Most errors already
// carry a message written for people; storage-full errors do not ("QuotaExceededError", or
// Dexie's "AbortError" wrapping one), and they are the ones where the user has to act: say what.
// Pure: errors are recognised by their `name`, whichever realm (page, worker, Dexie) made them.

export const STORAGE_FULL_MESSAGE =
  'There is no room left to store this: the disk, or the space this app may use on it, is full. ' +
  'Nothing was changed. Free some disk space (or delete projects you no longer need), then try again.';

const MAX_DEPTH = 5;

// A full disk reaches the page as an IndexedDB "UnknownError" carrying LevelDB's or the OS's
// words, and reaches it from main (saving a file) as Node's ENOSPC inside an IPC error message.
const DISK_FULL_WORDS = /\bENOSPC\b|no space left on device|QuotaExceededError/i;

/** Whether `error` is, or wraps (Dexie's `inner`, the standard `cause`), a storage-full error. */
export function isStorageFullError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_DEPTH) return false;
  const { name, message, inner, cause } = error as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };
  if (name === 'QuotaExceededError') return true;
  if (typeof message === 'string' && DISK_FULL_WORDS.test(message)) return true;
  return isStorageFullError(inner, depth + 1) || isStorageFullError(cause, depth + 1);
}

export function errorMessage(error: unknown): string {
  if (isStorageFullError(error)) return STORAGE_FULL_MESSAGE;
  if (error instanceof Error) return error.message;
  return String(error);
}
