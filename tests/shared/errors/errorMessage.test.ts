import { describe, expect, it } from 'vitest';
import { errorMessage, isStorageFullError, STORAGE_FULL_MESSAGE } from '../../../shared/errors/errorMessage';

const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('errorMessage', () => {
  it('tells the user what to do when storage is full, however the error is wrapped', () => {
    expect(errorMessage(quota())).toBe(STORAGE_FULL_MESSAGE);
    // Dexie: an AbortError whose `inner` is the quota error; standard `cause` chains too.
    expect(errorMessage(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() }))).toBe(STORAGE_FULL_MESSAGE);
    expect(errorMessage(new Error('Could not save', { cause: quota() }))).toBe(STORAGE_FULL_MESSAGE);
    expect(errorMessage({ name: 'QuotaExceededError' })).toBe(STORAGE_FULL_MESSAGE);
    expect(STORAGE_FULL_MESSAGE).toMatch(/Free some disk space/);
  });

  it('recognises a full disk in the words IndexedDB and main use for it', () => {
    const leveldb = Object.assign(new Error('IO error: /profile/IndexedDB/000012.ldb: No space left on device (ChromeMethodBFE: 15::WritableFileAppend::8)'), { name: 'UnknownError' });
    expect(errorMessage(leveldb)).toBe(STORAGE_FULL_MESSAGE);
    const ipc = new Error("Error invoking remote method 'marginalia:save-file': Error: ENOSPC: no space left on device, write");
    expect(errorMessage(ipc)).toBe(STORAGE_FULL_MESSAGE);
    expect(errorMessage(new Error('The file is not valid UTF-8 text.'))).toBe('The file is not valid UTF-8 text.');
  });

  it('keeps every other message as written', () => {
    expect(errorMessage(new Error('A code with that name already exists.'))).toBe('A code with that name already exists.');
    expect(errorMessage('plain text')).toBe('plain text');
    expect(isStorageFullError(Object.assign(new Error('x'), { name: 'AbortError' }))).toBe(false);
  });

  it('stops on a cycle of causes', () => {
    const a: { name: string; cause?: unknown } = { name: 'Error' };
    a.cause = a;
    expect(isStorageFullError(a)).toBe(false);
  });
});
